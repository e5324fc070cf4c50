package io.cairn.gossip.internal.swim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;

class GossipPoolTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration STEP = Duration.ofMillis(100);

    @Test
    void membersJoiningThroughOneSeedAllSeeEachOther() {
        Harness harness = new Harness(SwimConfig.lan(), 1, 12);

        harness.advanceUntil(Duration.ofSeconds(20), STEP, () -> harness.allAlive(harness.names()));

        assertTrue(harness.allAlive(harness.names()), "every member sees every member alive");
        Member seen = harness.pool("n5").members().stream().filter(m -> m.name().equals("n7")).findFirst()
                .orElseThrow();
        assertEquals(Map.of("role", "node", "id", "id-7"), seen.tags());
        assertEquals(harness.address("n7").getPort(), seen.port());
        assertEquals("127.0.0.1", seen.address());
        assertEquals(0, harness.recorder("n3").failures());
    }

    @Test
    void aKilledMemberIsSuspectedThenFailedByEveryoneWithinTheSuspicionTimeout() {
        Harness harness = Harness.converged(SwimConfig.lan(), 2, 10);

        harness.pool("n4").stop();
        List<String> others = harness.others("n4");
        Duration first = harness.advanceUntil(Duration.ofSeconds(10), STEP,
                () -> others.stream().anyMatch(o -> harness.pool(o).state("n4").orElseThrow() != NodeState.ALIVE));
        Duration all = harness.advanceUntil(Duration.ofSeconds(40), STEP,
                () -> harness.allSee(others, "n4", MemberStatus.FAILED));

        assertTrue(first.compareTo(Duration.ofSeconds(10)) < 0, "someone suspects n4 within a few probe rounds");
        assertTrue(harness.allSee(others, "n4", MemberStatus.FAILED), "everyone marks n4 failed");
        // Lifeguard: no one declares it before the minimum suspicion timeout (4 * log10(10) * 1 s)
        assertTrue(first.plus(all).compareTo(Duration.ofSeconds(4)) >= 0);
        for (String other : others) {
            assertTrue(harness.recorder(other).saw("n4", MemberStatus.FAILED));
            assertEquals(1, harness.recorder(other).failures(), other + " reports only n4 failed, once");
        }
    }

    @ParameterizedTest(name = "{0}% packet loss")
    @ValueSource(ints = {0, 5, 10})
    void noHealthyMemberIsDeclaredFailedOverTenMinutesEvenWhenSlowOrOnALossyNetwork(int lossPercent) {
        // datagrams only: without the stream fallback, only Lifeguard keeps lost packets from looking like failures
        Harness harness = Harness.converged(SwimConfig.lan().withTcpFallbackPing(false), 3 + lossPercent, 20);
        harness.cluster.network().loss(lossPercent / 100.0);
        for (String other : harness.others("n7")) {
            // n7 answers late: 2 * 220 ms of its 500 ms probe timeout goes to the round trip
            harness.cluster.network().latency(harness.address(other), harness.address("n7"), Duration.ofMillis(220));
            harness.cluster.network().latency(harness.address("n7"), harness.address(other), Duration.ofMillis(220));
        }

        harness.advance(Duration.ofMinutes(10));

        for (String name : harness.names()) {
            assertEquals(0, harness.recorder(name).failures(), name + " declared no one failed");
        }
        assertTrue(harness.allAlive(harness.names()));
    }

    @Test
    void aMemberPausedBrieflyRefutesTheSuspicionWithAHigherIncarnation() {
        Harness harness = Harness.converged(SwimConfig.lan(), 4, 10);
        long before = harness.pool("n0").incarnation("n3");

        harness.cluster.network().pause(harness.address("n3"));
        Duration suspected = harness.advanceUntil(Duration.ofSeconds(5), STEP, () -> harness.others("n3").stream()
                .anyMatch(o -> harness.pool(o).state("n3").orElseThrow() == NodeState.SUSPECT));
        harness.cluster.network().resume(harness.address("n3"));
        harness.advance(Duration.ofSeconds(30));

        assertTrue(suspected.compareTo(Duration.ofSeconds(5)) < 0, "n3 was suspected while paused");
        assertTrue(harness.pool("n3").incarnation("n3") > before, "n3 refuted with a higher incarnation");
        for (String other : harness.others("n3")) {
            assertEquals(NodeState.ALIVE, harness.pool(other).state("n3").orElseThrow());
            assertEquals(harness.pool("n3").incarnation("n3"), harness.pool(other).incarnation("n3"));
            assertFalse(harness.recorder(other).saw("n3", MemberStatus.FAILED));
        }
    }

    @Test
    void aPartitionedPoolMergesAgainAfterTheNetworkHeals() {
        Harness harness = Harness.converged(SwimConfig.lan(), 5, 10);
        List<String> left = Harness.names(0, 5);
        List<String> right = Harness.names(5, 10);

        harness.cluster.network().partition(addresses(harness, left), addresses(harness, right));
        harness.advance(Duration.ofMinutes(2));
        assertTrue(right.stream().allMatch(r -> harness.allSee(left, r, MemberStatus.FAILED)));
        assertTrue(left.stream().allMatch(l -> harness.allSee(right, l, MemberStatus.FAILED)));
        assertTrue(harness.allAlive(left) && harness.allAlive(right), "each side stays whole");

        harness.cluster.network().heal();
        harness.advanceUntil(Duration.ofMinutes(5), SECOND, () -> harness.allAlive(harness.names()));

        assertTrue(harness.allAlive(harness.names()), "both sides see each other alive again");
    }

    @Test
    void aMemberThatLeavesIsShownAsLeftEverywhereAndStops() {
        Harness harness = Harness.converged(SwimConfig.lan(), 6, 8);

        CompletableFuture<Void> left = harness.pool("n2").leave(Duration.ofSeconds(5)).toCompletableFuture();
        assertEquals(MemberStatus.LEAVING, harness.pool("n2").local().status());
        harness.advance(Duration.ofSeconds(10));

        assertTrue(left.isDone() && !left.isCompletedExceptionally());
        assertTrue(harness.allSee(harness.others("n2"), "n2", MemberStatus.LEFT));
        assertTrue(harness.recorder("n2").saw("n2", MemberStatus.LEAVING));
        for (String other : harness.others("n2")) {
            assertFalse(harness.recorder(other).saw("n2", MemberStatus.FAILED), other + " never saw n2 failed");
        }
        harness.advance(Duration.ofMinutes(2));
        assertTrue(harness.allSee(harness.others("n2"), "n2", MemberStatus.LEFT), "left stays left");
    }

    @Test
    void forceLeaveMovesAFailedMemberToLeftAndPruneForgetsIt() {
        Harness harness = Harness.converged(SwimConfig.lan(), 7, 8);
        List<String> others = harness.others("n6");
        harness.pool("n6").stop();
        harness.advanceUntil(Duration.ofMinutes(1), SECOND, () -> harness.allSee(others, "n6", MemberStatus.FAILED));

        assertFalse(harness.pool("n0").forceLeave("nobody", false), "an unknown member");
        assertTrue(harness.pool("n0").forceLeave("n1", false), "an alive member is known...");
        assertEquals(MemberStatus.ALIVE, harness.status("n0", "n1"), "...and left alone");
        assertTrue(harness.pool("n0").forceLeave("n6", false));
        assertEquals(MemberStatus.LEFT, harness.status("n0", "n6"));
        harness.advance(Duration.ofSeconds(10));
        assertTrue(harness.allSee(others, "n6", MemberStatus.LEFT), "everyone learns n6 left");

        assertTrue(harness.pool("n3").forceLeave("n6", true));
        harness.advance(Duration.ofSeconds(10));
        assertTrue(harness.allSee(others, "n6", MemberStatus.NONE), "everyone forgot n6");
        assertTrue(others.stream().allMatch(o -> harness.recorder(o).removed.contains("n6")));
    }

    @Test
    void failedMembersAreReapedAfterTheReconnectTimeout() {
        Harness harness = Harness.converged(SwimConfig.lan().withReconnectTimeout(Duration.ofMinutes(2)), 8, 6);
        List<String> others = harness.others("n5");
        harness.pool("n5").stop();
        harness.advanceUntil(Duration.ofMinutes(1), SECOND, () -> harness.allSee(others, "n5", MemberStatus.FAILED));

        harness.advance(Duration.ofSeconds(90));
        assertTrue(harness.allSee(others, "n5", MemberStatus.FAILED), "kept while the timeout runs");
        harness.advance(Duration.ofSeconds(60));

        assertTrue(harness.allSee(others, "n5", MemberStatus.NONE), "reaped after it");
        assertTrue(others.stream().allMatch(o -> harness.recorder(o).removed.equals(List.of("n5"))));
    }

    @Test
    void newTagsReachEveryMemberWithAHigherIncarnation() {
        Harness harness = Harness.converged(SwimConfig.lan(), 9, 10);
        long before = harness.pool("n0").incarnation("n8");

        harness.pool("n8").updateTags(Map.of("raft", "formed", "role", "consul"));
        harness.advance(Duration.ofSeconds(5));

        for (String name : harness.names()) {
            Member n8 = harness.pool(name).members().stream().filter(m -> m.name().equals("n8")).findFirst()
                    .orElseThrow();
            assertEquals(Map.of("raft", "formed", "role", "consul", "id", "id-8"), n8.tags(), name);
            assertTrue(harness.pool(name).incarnation("n8") > before);
        }
    }

    @Test
    void aBroadcastReachesEveryMemberExactlyOnce() {
        Harness harness = Harness.converged(SwimConfig.lan(), 10, 15);
        harness.cluster.network().loss(0.05);

        for (int i = 0; i < 5; i++) {
            harness.pool("n3").broadcast("user-event", ("deploy-" + i).getBytes(StandardCharsets.UTF_8));
        }
        harness.pool("n9").broadcast("other", "x".getBytes(StandardCharsets.UTF_8));
        harness.advance(Duration.ofSeconds(30));

        for (String name : harness.names()) {
            List<String> received = harness.recorder(name).broadcasts;
            assertEquals(6, received.size(), name + " got " + received);
            assertEquals(6, Set.copyOf(received).size(), name + " got duplicates: " + received);
            assertTrue(received.contains("user-event/n3/deploy-4"));
            assertTrue(received.contains("other/n9/x"));
        }
    }

    @Test
    void aQueryCollectsTheAnswerOfEveryMemberWithAHandler() {
        Harness harness = Harness.converged(SwimConfig.lan(), 11, 10);
        for (String name : harness.names()) {
            if (!name.equals("n9")) {
                harness.recorder(name).handlers.put("ping", payload ->
                        (name + ":" + new String(payload, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            }
        }

        CompletableFuture<Map<String, byte[]>> answers = harness.pool("n2")
                .query("ping", "hi".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5)).toCompletableFuture();
        harness.advance(Duration.ofSeconds(4));
        assertFalse(answers.isDone(), "collects until the timeout");
        harness.advance(Duration.ofSeconds(2));

        Map<String, byte[]> result = answers.join();
        assertEquals(Set.copyOf(harness.others("n9")), result.keySet());
        assertArrayEquals("n5:hi".getBytes(StandardCharsets.UTF_8), result.get("n5"));
    }

    @Test
    void malformedDatagramsAreDroppedAndCountedWithoutHarm() {
        Harness harness = Harness.converged(SwimConfig.lan(), 12, 4);
        var attacker = harness.cluster.network().transport(new java.net.InetSocketAddress(
                java.net.InetAddress.getLoopbackAddress(), 9));
        byte[] valid = WireFormat.packet(new Message.Suspect(1, "n1", "x"));
        List<byte[]> garbage = List.of(new byte[0], new byte[] {1}, new byte[] {9, 1, 2},
                new byte[] {WireFormat.VERSION, 99}, java.util.Arrays.copyOf(valid, valid.length - 1),
                java.util.Arrays.copyOf(valid, valid.length + 3), new byte[] {WireFormat.VERSION, 12, (byte) 200});

        garbage.forEach(packet -> attacker.send(harness.address("n0"), packet));
        harness.advance(Duration.ofSeconds(1));

        assertEquals(garbage.size(), harness.pool("n0").malformedMessages());
        harness.advance(Duration.ofSeconds(20));
        assertTrue(harness.allAlive(harness.names()));
    }

    @Test
    void joiningAnAddressWhereNobodyListensFailsNamingIt() {
        Harness harness = new Harness(SwimConfig.lan(), 13, 1);
        var nowhere = new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 7);

        CompletableFuture<Integer> join = harness.pool("n0").join(List.of(nowhere)).toCompletableFuture();
        harness.advance(SECOND);

        assertTrue(join.isCompletedExceptionally());
        String message = join.handle((ok, failure) -> failure.getMessage()).join();
        assertTrue(message.contains("127.0.0.1:7") && message.contains("refused"), message);
    }

    @Test
    void coordinatesAreLearnedFromProbeRoundTrips() {
        Harness harness = Harness.converged(SwimConfig.lan(), 14, 5);
        harness.cluster.network().latency(Duration.ofMillis(10));
        harness.advance(Duration.ofMinutes(1));

        assertTrue(harness.pool("n0").coordinate("n1").isPresent());
        assertNotEquals(io.cairn.coordinate.Coordinate.origin(), harness.pool("n0").coordinate());
        double estimate = harness.pool("n0").coordinate().distanceTo(harness.pool("n1").coordinate()).toNanos() / 1e6;
        assertTrue(estimate > 5 && estimate < 60, "estimated rtt " + estimate + " ms for a 20 ms round trip");
    }

    private static Set<java.net.InetSocketAddress> addresses(Harness harness, List<String> names) {
        return names.stream().map(harness::address).collect(Collectors.toSet());
    }
}
