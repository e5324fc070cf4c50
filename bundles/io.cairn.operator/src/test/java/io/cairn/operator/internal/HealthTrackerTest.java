package io.cairn.operator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.raft.api.RaftConfiguration;
import io.cairn.raft.api.ServerInfo;
import io.cairn.raft.api.ServerProgress;

class HealthTrackerTest {

    static final RaftConfiguration THREE = new RaftConfiguration(List.of(
            new ServerInfo("s1", "s1", "10.0.0.1:8300", true, true),
            new ServerInfo("s2", "s2", "10.0.0.2:8300", false, true),
            new ServerInfo("s3", "s3", "10.0.0.3:8300", false, true)), 5);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final HealthTracker tracker = new HealthTracker();

    static Member member(String name, MemberStatus status) {
        return new Member(name, "10.0.0.1", 8301, status, Map.of("role", "consul", "build", "0.1.0:abc"));
    }

    static List<Member> alive() {
        return List.of(member("s1", MemberStatus.ALIVE), member("s2", MemberStatus.ALIVE),
                member("s3", MemberStatus.ALIVE));
    }

    static List<ServerProgress> progress(long s3Contact, long s3Index, long s3Term) {
        return List.of(new ServerProgress("s1", 0, 1000, 2), new ServerProgress("s2", 40, 1000, 2),
                new ServerProgress("s3", s3Contact, s3Index, s3Term));
    }

    @Test
    void allHealthyToleratesOneFailureOfThree() {
        HealthTracker.Report report = tracker.update(AutopilotConfig.DEFAULTS, THREE, progress(10, 990, 2), alive(),
                T0);
        assertTrue(report.healthy());
        assertEquals(1, report.failureTolerance());
        assertEquals("s1", report.leader());
        assertEquals(List.of("s1", "s2", "s3"), report.voters());
        ServerHealth s2 = report.servers().get(1);
        assertEquals(new ServerHealth("s2", "s2", "10.0.0.2:8300", MemberStatus.ALIVE, "0.1.0", false, true,
                Duration.ofMillis(40), 2, 1000, true, T0), s2);
    }

    @Test
    void aServerIsUnhealthyWhenSilentTrailingInAnotherTermOrNotAlive() {
        AutopilotConfig config = AutopilotConfig.DEFAULTS;
        long silent = config.lastContactThreshold().toMillis() + HealthTracker.HEARTBEAT_MILLIS;
        assertFalse(tracker.update(config, THREE, progress(silent, 1000, 2), alive(), T0).servers().get(2).healthy());
        assertTrue(tracker.update(config, THREE, progress(silent - 1, 1000, 2), alive(), T0).servers().get(2)
                .healthy());
        assertFalse(tracker.update(config, THREE, progress(0, 749, 2), alive(), T0).servers().get(2).healthy());
        assertTrue(tracker.update(config, THREE, progress(0, 750, 2), alive(), T0).servers().get(2).healthy());
        assertFalse(tracker.update(config, THREE, progress(0, 1000, 1), alive(), T0).servers().get(2).healthy());

        HealthTracker.Report failed = tracker.update(config, THREE, progress(0, 1000, 2), List.of(
                member("s1", MemberStatus.ALIVE), member("s2", MemberStatus.ALIVE),
                member("s3", MemberStatus.FAILED)), T0);
        assertFalse(failed.healthy());
        assertEquals(0, failed.failureTolerance());
        assertEquals(MemberStatus.FAILED, failed.servers().get(2).serfStatus());
        HealthTracker.Report unknown = tracker.update(config, THREE, progress(0, 1000, 2).subList(0, 2),
                alive().subList(0, 2), T0);
        assertEquals(MemberStatus.NONE, unknown.servers().get(2).serfStatus());
        assertFalse(unknown.servers().get(2).healthy());
    }

    @Test
    void stableSinceIsWhenTheHealthLastChanged() {
        AutopilotConfig config = AutopilotConfig.DEFAULTS;
        tracker.update(config, THREE, progress(0, 1000, 2), alive(), T0);
        Instant t1 = T0.plusSeconds(5);
        ServerHealth same = tracker.update(config, THREE, progress(0, 1000, 2), alive(), t1).servers().get(2);
        assertEquals(T0, same.stableSince());
        Instant t2 = T0.plusSeconds(12);
        ServerHealth sick = tracker.update(config, THREE, progress(0, 1000, 1), alive(), t2).servers().get(2);
        assertEquals(t2, sick.stableSince());
        assertFalse(sick.healthy());
        Instant t3 = T0.plusSeconds(20);
        assertEquals(t3, tracker.update(config, THREE, progress(0, 1000, 2), alive(), t3).servers().get(2)
                .stableSince());
    }
}
