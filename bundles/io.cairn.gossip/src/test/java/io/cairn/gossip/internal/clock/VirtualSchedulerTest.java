package io.cairn.gossip.internal.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

    @Test
    void tasksRunAtTheirTimeAndThoseDueTogetherInTheOrderScheduled() {
        VirtualScheduler clock = new VirtualScheduler();
        List<String> ran = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(2), () -> ran.add("b@" + clock.nanoTime()));
        clock.schedule(Duration.ofSeconds(1), () -> ran.add("a1@" + clock.nanoTime()));
        clock.schedule(Duration.ofSeconds(1), () -> {
            ran.add("a2@" + clock.nanoTime());
            clock.schedule(Duration.ZERO, () -> ran.add("a3@" + clock.nanoTime()));
        });
        Scheduler.Cancellable cancelled = clock.schedule(Duration.ofMillis(1500), () -> ran.add("never"));

        cancelled.cancel();
        clock.advance(Duration.ofMillis(1999));
        assertEquals(List.of("a1@1000000000", "a2@1000000000", "a3@1000000000"), ran);
        clock.advance(Duration.ofMillis(1));

        assertEquals("b@2000000000", ran.get(3));
        assertEquals(2_000_000_000L, clock.nanoTime());
    }

    @Test
    void timeDoesNotRunBackwards() {
        assertThrows(IllegalArgumentException.class, () -> new VirtualScheduler().advance(Duration.ofSeconds(-1)));
    }
}
