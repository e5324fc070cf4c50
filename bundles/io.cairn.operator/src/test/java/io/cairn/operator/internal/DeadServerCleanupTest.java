package io.cairn.operator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cairn.agent.api.MemberStatus;

class DeadServerCleanupTest {
    /** A minute after the servers' health last changed. */
    private static final Instant LATER = Instant.EPOCH.plusSeconds(60);

    private static ServerHealth server(String id, MemberStatus serf, boolean leader, boolean voter) {
        return new ServerHealth(id, id, id + ":8300", serf, "", leader, voter, Duration.ZERO, 1, 1,
                serf == MemberStatus.ALIVE, Instant.EPOCH);
    }

    /** A leader, then alive voters, then the dead ones (failed voters). */
    private static List<ServerHealth> voters(int alive, int failed) {
        List<ServerHealth> servers = new ArrayList<>();
        servers.add(server("a-leader", MemberStatus.ALIVE, true, true));
        for (int i = 1; i < alive; i++) {
            servers.add(server("b-alive" + i, MemberStatus.ALIVE, false, true));
        }
        for (int i = 1; i <= failed; i++) {
            servers.add(server("c-dead" + i, MemberStatus.FAILED, false, true));
        }
        return servers;
    }

    private static AutopilotConfig config(boolean cleanup, int minQuorum) {
        return new AutopilotConfig(cleanup, Duration.ofMillis(200), 250, minQuorum, Duration.ofSeconds(10), "",
                false, "");
    }

    @Test
    void removesOneDeadVoterOfThreeAsConsulDoes() {
        assertEquals(List.of("c-dead1"), DeadServerCleanup.removable(config(true, 0), voters(2, 1), LATER));
    }

    @Test
    void neverRemovesHalfTheVoters() {
        assertEquals(List.of(), DeadServerCleanup.removable(config(true, 0), voters(1, 1), LATER), "two voters: none");
        assertEquals(List.of("c-dead1"), DeadServerCleanup.removable(config(true, 0), voters(2, 2), LATER),
                "four voters, two dead: one");
        assertEquals(List.of("c-dead1", "c-dead2"), DeadServerCleanup.removable(config(true, 0), voters(3, 2), LATER),
                "five voters, two dead: both, three stay");
    }

    @Test
    void respectsMinQuorumAndTheSwitch() {
        assertEquals(List.of(), DeadServerCleanup.removable(config(true, 3), voters(2, 1), LATER));
        assertEquals(List.of("c-dead1"), DeadServerCleanup.removable(config(true, 3), voters(3, 1), LATER));
        assertEquals(List.of(), DeadServerCleanup.removable(config(false, 0), voters(4, 1), LATER));
    }

    @Test
    void leftServersCountAsDeadNonVotersGoFreelyAndTheLeaderStays() {
        List<ServerHealth> servers = new ArrayList<>(voters(1, 0));
        servers.add(server("d-left", MemberStatus.LEFT, false, true));
        servers.add(server("e-nonvoter", MemberStatus.FAILED, false, false));
        servers.add(server("f-unknown", MemberStatus.NONE, false, true));
        assertEquals(List.of("e-nonvoter", "d-left"), DeadServerCleanup.removable(config(true, 0), servers, LATER));
        assertEquals(List.of(), DeadServerCleanup.removable(config(true, 0),
                List.of(server("leader", MemberStatus.FAILED, true, true)), LATER));
    }

    @Test
    void aServerDeadForLessThanAMinuteOrTheStabilizationTimeStays() {
        assertEquals(List.of(), DeadServerCleanup.removable(config(true, 0), voters(2, 1),
                Instant.EPOCH.plusSeconds(59)));
        AutopilotConfig slow = new AutopilotConfig(true, Duration.ofMillis(200), 250, 0, Duration.ofMinutes(5), "",
                false, "");
        assertEquals(List.of(), DeadServerCleanup.removable(slow, voters(2, 1), LATER));
        assertEquals(List.of("c-dead1"), DeadServerCleanup.removable(slow, voters(2, 1),
                Instant.EPOCH.plusSeconds(300)));
    }
}
