package io.cairn.gossip.internal.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.agent.api.MemberStatus;
import io.cairn.gossip.api.Membership;
import io.cairn.gossip.internal.sim.SimCluster;
import io.cairn.gossip.internal.swim.PoolListener;
import io.cairn.gossip.internal.swim.SwimConfig;

class RetryJoinTest {

    @Test
    void retriesEveryIntervalUntilAMemberAnswersThenStops() {
        SimCluster cluster = new SimCluster(SwimConfig.lan(), 31);
        PoolListener silent = new Whiteboard().listenerFor(Membership.LAN, (name, payload) -> java.util.Optional.empty());
        PoolMembership first = new PoolMembership(Membership.LAN, cluster.start("n0", Map.of(), silent), 10001);
        RetryJoin retry = new RetryJoin(Membership.LAN, first, List.of("127.0.0.1"), Duration.ofSeconds(30),
                cluster.clock());

        retry.start();
        cluster.advance(Duration.ofSeconds(61));
        assertEquals(3, retry.attempts(), "at 0 s, 30 s and 60 s: nobody listens on port 10001 yet");

        cluster.start("n1", Map.of(), silent);
        cluster.advance(Duration.ofSeconds(30));
        cluster.advance(Duration.ofMinutes(5));

        assertEquals(4, retry.attempts(), "no attempt after the one that worked");
        assertEquals(MemberStatus.ALIVE, first.members().get(1).status());
    }

    @Test
    void aStoppedRetryMakesNoMoreAttempts() {
        SimCluster cluster = new SimCluster(SwimConfig.lan(), 32);
        PoolListener silent = new Whiteboard().listenerFor(Membership.LAN, (name, payload) -> java.util.Optional.empty());
        PoolMembership first = new PoolMembership(Membership.LAN, cluster.start("n0", Map.of(), silent), 10001);
        RetryJoin retry = new RetryJoin(Membership.LAN, first, List.of("127.0.0.1"), Duration.ofSeconds(30),
                cluster.clock());

        retry.start();
        cluster.advance(Duration.ofSeconds(1));
        retry.stop();
        cluster.advance(Duration.ofMinutes(5));

        assertEquals(1, retry.attempts());
    }
}
