package io.cairn.raft.internal.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class TombstoneScheduleTest {

    private static final long TTL = 900;

    @Test
    void nothingIsDueBeforeTheTtlHasPassed() {
        TombstoneSchedule schedule = new TombstoneSchedule(TTL);
        schedule.sample(0, 10);
        assertTrue(schedule.due(899).isEmpty());
    }

    @Test
    void reapsUpToTheNewestSampleOlderThanTheTtl() {
        TombstoneSchedule schedule = new TombstoneSchedule(TTL);
        schedule.sample(0, 10);
        schedule.sample(30, 25);
        schedule.sample(60, 40);
        assertEquals(OptionalLong.of(25), schedule.due(930));
    }

    @Test
    void aReapDoneIsNotRepeatedButLaterSamplesFollow() {
        TombstoneSchedule schedule = new TombstoneSchedule(TTL);
        schedule.sample(0, 10);
        schedule.sample(30, 10);
        schedule.sample(60, 40);
        assertEquals(OptionalLong.of(10), schedule.due(900));
        schedule.reaped(10);
        assertTrue(schedule.due(930).isEmpty(), "no deletion since the last reap");
        assertEquals(OptionalLong.of(40), schedule.due(960));
    }
}
