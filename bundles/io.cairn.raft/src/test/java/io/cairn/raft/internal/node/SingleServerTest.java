package io.cairn.raft.internal.node;

import static io.cairn.raft.internal.node.TestCluster.await;
import static io.cairn.raft.internal.node.TestCluster.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.raft.api.CommandHandler;
import io.cairn.raft.api.CommandRejectedException;
import io.cairn.raft.api.CommandResult;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.StateWriter;

/** A dev-mode server (bootstrap-expect 1): dispatch, refusal, blocking queries, snapshots and log compaction. */
class SingleServerTest {

    @TempDir
    Path dir;

    static CommandResult put(RaftService raft, String key, String value) throws Exception {
        return raft.submit("kv", (key + "=" + value).getBytes(StandardCharsets.UTF_8)).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void appliesCommandsAndRefusesUnknownTypesAndInvalidPayloads() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 1, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            RaftNode node = cluster.leader().node;
            CommandResult result = put(node, "a", "1");
            assertEquals("ok", new String(result.result(), StandardCharsets.UTF_8));
            assertEquals(result.index(), node.state().get("kv", "a").orElseThrow().modifyIndex());
            assertEquals("1", value(node, "a").orElseThrow());

            ExecutionException unknown = assertThrows(ExecutionException.class, () -> node.submit("nope",
                    new byte[0]).toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertInstanceOf(CommandRejectedException.class, unknown.getCause());
            assertTrue(unknown.getCause().getMessage().contains("nope"), unknown.getCause().getMessage());

            ExecutionException noType = assertThrows(ExecutionException.class, () -> node.submit("",
                    new byte[] {0, 0, 0, 1}).toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertInstanceOf(IllegalArgumentException.class, noType.getCause());

            ExecutionException invalid = assertThrows(ExecutionException.class, () -> put(node, "", "x"));
            assertInstanceOf(CommandRejectedException.class, invalid.getCause());
            assertEquals("empty key", invalid.getCause().getMessage());

            // refusals changed nothing, and the server goes on accepting commands
            assertEquals(1, node.state().scan("kv", "").size());
            assertTrue(put(node, "b", "2").index() > result.index());
            assertEquals("127.0.0.1:" + node.settings().port(), node.leader().orElseThrow());
            assertEquals(1, node.configuration().servers().size());
            assertTrue(node.configuration().servers().get(0).leader());
            assertTrue(node.barrier(Consistency.CONSISTENT).toCompletableFuture().get(30, TimeUnit.SECONDS)
                    .knownLeader());
        }
    }

    @Test
    void concurrentConsistentReadsShareReadBarriers() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 1, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            RaftNode node = cluster.leader().node;
            long before = put(node, "ready", "1").index();
            List<CompletableFuture<?>> reads = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                reads.add(node.barrier(Consistency.CONSISTENT).toCompletableFuture());
            }
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            long barriers = node.state().appliedIndex() - before;
            assertTrue(barriers >= 1 && barriers <= 4, "200 concurrent reads took " + barriers + " barriers");
            assertEquals(1, node.state().scan("kv", "").size(), "a barrier changes no table");
        }
    }

    @Test
    void concurrentWritesShareLogEntriesYetEachGetsItsOwnOutcome() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 1, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            RaftNode node = cluster.leader().node;
            // a leader's first writes may be retried through the client until it is ready, out of order
            put(node, "ready", "1");
            CompletableFuture<Long> watch = node.awaitChange("kv", "batch/", 0);
            List<CompletableFuture<CommandResult>> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // one refused command in the middle: only it fails
                String payload = i == 100 ? "=no-key" : "batch/k" + i + "=v" + i;
                writes.add(node.submit("kv", payload.getBytes(StandardCharsets.UTF_8)).toCompletableFuture());
            }
            Set<Long> indexes = new HashSet<>();
            for (int i = 0; i < writes.size(); i++) {
                if (i == 100) {
                    int n = i;
                    ExecutionException refused = assertThrows(ExecutionException.class,
                            () -> writes.get(n).get(30, TimeUnit.SECONDS));
                    assertInstanceOf(CommandRejectedException.class, refused.getCause());
                    assertEquals("empty key", refused.getCause().getMessage());
                    continue;
                }
                CommandResult result = writes.get(i).get(30, TimeUnit.SECONDS);
                assertEquals("ok", new String(result.result(), StandardCharsets.UTF_8));
                assertEquals(result.index(), node.state().get("kv", "batch/k" + i).orElseThrow().modifyIndex());
                indexes.add(result.index());
            }
            assertTrue(indexes.size() < 199, "200 writes at once took " + indexes.size() + " log entries");
            assertEquals(199, node.state().scan("kv", "batch/").size());
            assertTrue(watch.get(30, TimeUnit.SECONDS) > 0);
            // sent in submission order: a later write never has a lower index
            for (int i = 1; i < writes.size(); i++) {
                if (i != 100 && i - 1 != 100) {
                    assertTrue(writes.get(i).get().index() >= writes.get(i - 1).get().index(), "write " + i + " at "
                            + writes.get(i).get().index() + ", write " + (i - 1) + " at " + writes.get(i - 1).get().index());
                }
            }
        }
    }

    @Test
    void stoppingWhileAnEntryWaitsForItsHandlerAppliesNothingAfterIt() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 1, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            TestCluster.Server server = cluster.leader();
            RaftNode node = server.node;
            put(node, "ready", "1");
            // the leader accepts the write, then its handler goes away (a bundle stopping): the committed entry
            // waits for a handler, and its write stays pending
            CommandHandler leaving = new CommandHandler() {
                @Override
                public void validate(byte[] payload) {
                    server.handlers.remove("leaving", this);
                }

                @Override
                public byte[] apply(byte[] payload, StateWriter state) {
                    return new byte[0];
                }
            };
            server.handlers.add("leaving", leaving, 0, 2);
            CompletableFuture<CommandResult> waiting = node.submit("leaving", new byte[] {1}).toCompletableFuture();
            await(() -> node.waitingForHandler().isPresent(), "the entry to wait for its handler");
            // committed behind it, never applied
            CompletableFuture<CommandResult> behind = node.submit("kv", "after=1".getBytes(StandardCharsets.UTF_8))
                    .toCompletableFuture();
            Thread.sleep(200);

            // stopping fails both writes and applies neither: the log keeps them for the next start
            server.stopWithin(Duration.ofSeconds(30));
            for (CompletableFuture<CommandResult> pending : List.of(waiting, behind)) {
                ExecutionException failed = assertThrows(ExecutionException.class,
                        () -> pending.get(30, TimeUnit.SECONDS));
                assertFalse(failed.getCause() instanceof CommandRejectedException, failed.getCause().toString());
            }
            assertTrue(node.state().get("kv", "after").isEmpty(), "applied past an entry left unapplied");
        }
    }

    @Test
    void aNewClustersFirstCommandWakesAQueryBlockingOnIndexOne() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 1, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            RaftNode node = cluster.leader().node;
            // a read of the empty table reports X-Consul-Index 1, and the client's next read blocks on index=1
            CompletableFuture<Long> watch = node.awaitChange("kv", "", 1);
            CommandResult first = put(node, "a", "1");
            assertTrue(first.index() > 1, "first command at index " + first.index());
            assertEquals(first.index(), watch.get(30, TimeUnit.SECONDS));
            assertEquals(first.index(), node.state().get("kv", "a").orElseThrow().createIndex());
            assertEquals(first.index(), node.state().appliedIndex());
        }
    }

    @Test
    void awaitChangeFiresForItsPrefixOnly() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 1, 10_000, NodeSettings.DEFAULT_SEGMENT_BYTES).start()) {
            RaftNode node = cluster.leader().node;
            long index = put(node, "web/a", "1").index();
            CompletableFuture<Long> web = node.awaitChange("kv", "web/", index);
            CompletableFuture<Long> db = node.awaitChange("kv", "db/", 0);
            assertFalse(web.isDone());

            long written = put(node, "web/b", "2").index();
            assertEquals(written, web.get(30, TimeUnit.SECONDS));
            // the write under web/ has been applied and notified; db/ has seen nothing
            assertFalse(db.isDone());
            long deleted = node.submit("kv", "web/a".getBytes(StandardCharsets.UTF_8)).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS).index();
            assertEquals(deleted, node.awaitChange("kv", "web/", written).get(30, TimeUnit.SECONDS),
                    "a delete wakes watchers of its prefix");
            assertFalse(db.isDone());
            assertEquals(deleted, node.awaitChange("kv", "web/", index).getNow(-1L), "already past: at once");
        }
    }

    @Test
    void snapshotsCompactTheLogAndRestartRestoresTheState() throws Exception {
        int writes = 120;
        try (TestCluster cluster = new TestCluster(dir, 1, 20, 4096).start()) {
            TestCluster.Server server = cluster.leader();
            for (int i = 0; i < writes; i++) {
                put(server.node, "k" + i, "v" + i);
            }
            Path groupDir = server.settings.storageDir().resolve(server.settings.groupUuid().toString());
            await(() -> snapshotCount(groupDir) > 0, "a snapshot");
            await(() -> firstLogSegmentStart(groupDir) > 0, "the log to be purged up to a snapshot");

            server.stop();
            server.start(true);
            RaftNode restarted = cluster.leader().node;
            await(() -> restarted.state().get("kv", "k" + (writes - 1)).isPresent(), "the state to be restored");
            for (int i = 0; i < writes; i++) {
                assertEquals("v" + i, value(restarted, "k" + i).orElseThrow());
            }
            put(restarted, "after", "restart");
            assertEquals("restart", value(restarted, "after").orElseThrow());
        }
    }

    /** Complete snapshots: snapshot.<term>_<index>, not the checksums nor the files still being written. */
    private static long snapshotCount(Path groupDir) {
        try (Stream<Path> files = Files.list(groupDir.resolve("sm"))) {
            return files.filter(p -> p.getFileName().toString().matches("snapshot\\.\\d+_\\d+")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The first index still in the log: segment files are named log_<start>-<end> or log_inprogress_<start>. */
    private static long firstLogSegmentStart(Path groupDir) {
        try (Stream<Path> files = Files.list(groupDir.resolve("current"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("log_"))
                    .mapToLong(n -> Long.parseLong(n.replace("log_inprogress_", "").replace("log_", "")
                            .split("-")[0]))
                    .min().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
