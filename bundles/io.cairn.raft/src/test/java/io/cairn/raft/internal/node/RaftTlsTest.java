package io.cairn.raft.internal.node;

import static io.cairn.raft.internal.node.SingleServerTest.put;
import static io.cairn.raft.internal.node.TestCluster.await;
import static io.cairn.raft.internal.node.TestCluster.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ratis.protocol.RaftPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.raft.api.ServerInfo;
import io.cairn.raft.internal.machine.HandlerRegistry;
import io.cairn.raft.internal.machine.RaftMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Servers on loopback talking Raft over TLS (Consul's {@code tls.internal_rpc} with verify_incoming,
 * verify_outgoing and verify_server_hostname), with certificates made for the test. The certificates name no
 * address, like {@code cairn tls cert create -server}'s for anything but localhost: servers are not checked against
 * the address they are dialled at.
 */
class RaftTlsTest {
    private static final String SERVER_NAME = RpcTls.serverName("dc1");

    @TempDir
    Path dir;

    @Test
    void serversWithCertificatesOfTheirCaFormAGroupAndReplicate() throws Exception {
        TestCa ca = new TestCa(dir.resolve("ca"), "Cairn Test CA");
        try (TestCluster cluster = new TestCluster(dir, 3, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES,
                servers(ca)::get).start()) {
            TestCluster.Server leader = cluster.leader();
            put(leader.node, "secret", "1");
            // a write on a follower travels to the leader through the Raft client, over TLS too
            put(cluster.follower().node, "forwarded", "2");
            await(() -> cluster.servers.stream().allMatch(s -> value(s.node, "secret").isPresent()
                    && value(s.node, "forwarded").isPresent()), "all three to apply both writes");
            assertEquals(3, leader.node.configuration().servers().size());
        }
    }

    /**
     * A server whose certificate another CA signed, and which would itself accept any certificate, asks to join:
     * the group's servers refuse its connections (verify_incoming), so it never becomes a member.
     */
    @Test
    void aServerWithACertificateOfAnotherCaCannotJoin() throws Exception {
        TestCa ca = new TestCa(dir.resolve("ca"), "Cairn Test CA");
        TestCa other = new TestCa(dir.resolve("other"), "Other CA");
        try (TestCluster cluster = new TestCluster(dir, 3, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES,
                servers(ca)::get).start()) {
            TestCluster.Server leader = cluster.leader();
            put(leader.node, "ready", "1");
            RpcTls trustsAnyone = new RpcTls(other.issue("node4", SERVER_NAME, "localhost"), false, false, null,
                    "TLSv1.2");
            NodeSettings settings = new NodeSettings("node4", "dc1", dir.resolve("node4"), "127.0.0.1", "127.0.0.1",
                    TestCluster.freePort(), 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES, 0, trustsAnyone,
                    NodeSettings.DEFAULT_HOLD_TIMEOUT, NodeSettings.DEFAULT_TOMBSTONE_TTL);
            try (RaftNode stranger = new RaftNode(settings, new HandlerRegistry(),
                    new RaftMetrics(new SimpleMeterRegistry()))) {
                stranger.start(List.of());
                RatisFactory ratis = new RatisFactory(settings);
                List<RaftPeer> group = cluster.servers.stream()
                        .map(s -> ratis.peer(s.name, s.settings.raftAddress())).toList();
                assertThrows(IOException.class, () -> stranger.requestJoin(group));
            }
            assertEquals(List.of("node1", "node2", "node3"), leader.node.configuration().servers().stream()
                    .map(ServerInfo::node).toList());
        }
    }

    /** TLS for node1 to node3 with certificates of {@code ca}, verifying everything. */
    private static Map<String, RpcTls> servers(TestCa ca) throws Exception {
        Map<String, RpcTls> servers = new HashMap<>();
        for (String name : List.of("node1", "node2", "node3")) {
            servers.put(name, new RpcTls(ca.issue(name, SERVER_NAME, "localhost"), true, true, SERVER_NAME,
                    "TLSv1.2"));
        }
        return servers;
    }
}
