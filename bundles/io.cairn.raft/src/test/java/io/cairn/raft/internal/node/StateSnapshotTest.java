package io.cairn.raft.internal.node;

import static io.cairn.raft.internal.node.SingleServerTest.put;
import static io.cairn.raft.internal.node.TestCluster.await;
import static io.cairn.raft.internal.node.TestCluster.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.raft.api.Entry;
import io.cairn.raft.api.snapshots.StateSnapshots;

/** Export and restore of the whole replicated state on three servers. */
class StateSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void restoreReplacesTheStateOnEveryServerAndWakesBlockingQueries() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            RaftNode leader = cluster.leader().node;
            RaftNode follower = cluster.follower().node;
            put(leader, "a", "1");
            put(leader, "b", "2");
            put(leader, "b", "3");
            put(leader, "big", "x".repeat(6 << 20)); // above Ratis' default 4 MB entry limit
            put(leader, "gone", "x");
            leader.submit("kv", "gone".getBytes()).toCompletableFuture().get(30, TimeUnit.SECONDS);
            List<Entry> saved = leader.state().scan("kv", "");
            ByteArrayOutputStream image = new ByteArrayOutputStream();
            StateSnapshots.Position position = leader.export(image);
            assertEquals(leader.state().appliedIndex(), position.index());
            assertTrue(position.term() > 0);

            put(leader, "a", "changed");
            put(leader, "c", "new");
            await(() -> follower.state().get("kv", "c").isPresent(), "the follower to apply the writes");
            long before = follower.state().index("kv", "c");
            CompletableFuture<Long> waiter = follower.awaitChange("kv", "c", before);
            CompletableFuture<Long> untouched = follower.awaitChange("kv", "zzz", follower.state().index("kv", "zzz"));

            long restoredAt = follower.restore(image.toByteArray()).toCompletableFuture().get(30, TimeUnit.SECONDS);
            for (TestCluster.Server s : cluster.servers) {
                await(() -> s.node.state().appliedIndex() >= restoredAt, s.name + " to apply the restore");
                List<Entry> now = s.node.state().scan("kv", "");
                assertEquals(saved.size(), now.size(), s.name);
                for (int i = 0; i < saved.size(); i++) {
                    assertEquals(saved.get(i).key(), now.get(i).key());
                    assertArrayEquals(saved.get(i).value(), now.get(i).value());
                    assertEquals(saved.get(i).createIndex(), now.get(i).createIndex());
                    assertEquals(saved.get(i).modifyIndex(), now.get(i).modifyIndex());
                }
                assertEquals(restoredAt, s.node.state().index("kv", "a"), "a restored key counts as changed");
            }
            assertEquals(restoredAt, waiter.get(10, TimeUnit.SECONDS), "a removed key wakes its waiters");
            assertTrue(!untouched.isDone(), "a prefix without keys before or after is not woken");

            // writes go on after a restore, with indexes above it
            put(follower, "after", "1");
            assertEquals("1", value(leader, "after").orElseThrow());
            assertTrue(leader.state().get("kv", "after").orElseThrow().modifyIndex() > restoredAt);
        }
    }

    @Test
    void aCorruptOrOversizedImageIsRefusedAndNothingChanges() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 1, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            RaftNode node = cluster.leader().node;
            put(node, "keep", "1");
            ByteArrayOutputStream image = new ByteArrayOutputStream();
            node.export(image);
            byte[] bytes = image.toByteArray();
            long applied = node.state().appliedIndex();

            byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
            assertThrows(IllegalArgumentException.class, () -> node.restore(truncated));
            byte[] trailing = Arrays.copyOf(bytes, bytes.length + 1);
            assertThrows(IllegalArgumentException.class, () -> node.restore(trailing));
            byte[] hugeCount = bytes.clone();
            hugeCount[16] = 0x7f; // the table count
            assertThrows(IllegalArgumentException.class, () -> node.restore(hugeCount));
            byte[] notAnImage = "hello".getBytes();
            assertThrows(IllegalArgumentException.class, () -> node.restore(notAnImage));
            assertThrows(IllegalArgumentException.class,
                    () -> node.restore(new byte[StateSnapshots.MAX_RESTORE_BYTES + 1]));
            assertEquals(applied, node.state().appliedIndex());
            assertEquals("1", value(node, "keep").orElseThrow());
        }
    }
}
