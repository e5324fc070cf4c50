package io.cairn.raft.internal.node;

import static io.cairn.raft.internal.node.SingleServerTest.put;
import static io.cairn.raft.internal.node.TestCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What a dev server's meters show after a few writes and a snapshot. */
class RaftMetricsTest {

    @TempDir
    Path dir;

    @Test
    void writesLeadershipLogPositionAndSnapshotsAreMeasured() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 1, 5, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            TestCluster.Server server = cluster.leader();
            SimpleMeterRegistry meters = server.meters;
            long last = 0;
            for (int i = 0; i < 8; i++) {
                last = put(server.node, "k" + i, "v").index();
            }
            assertEquals(8, meters.get("cairn.raft.commit").timer().count());
            assertEquals(8, meters.get("cairn.raft.apply").tag("type", "kv").timer().count());
            assertEquals(8, meters.get("cairn.raft.fsm.apply").tag("type", "kv").timer().count(),
                    "commands applied, by type");
            assertTrue(meters.get("cairn.raft.leader.changes").counter().count() >= 1);
            assertEquals(1.0, meters.get("cairn.raft.leader").gauge().value());
            assertTrue(meters.get("cairn.raft.applied.index").gauge().value() >= last);
            assertTrue(meters.get("cairn.raft.commit.index").gauge().value() >= last);
            assertTrue(meters.get("cairn.raft.term").gauge().value() >= 1);
            assertEquals(0.0, meters.get("cairn.raft.sessions").gauge().value());
            await(() -> meters.get("cairn.raft.snapshot").timer().count() > 0, "a snapshot");
        }
    }
}
