package io.cairn.raft.internal.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.MD5FileUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.raft.internal.state.StateImage;
import io.cairn.raft.internal.state.TableStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Ratis learns a snapshot's index only once its file is written, checksummed and in place. */
class BackgroundSnapshotsTest {

    @TempDir
    Path dir;
    private RaftStorage raftStorage;
    private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
    private final TableStore store = new TableStore();
    private BackgroundSnapshots snapshots;

    @BeforeEach
    void setUp() throws IOException {
        raftStorage = RaftStorage.newBuilder().setDirectory(dir.toFile())
                .setOption(RaftStorage.StartupOption.FORMAT)
                .setStorageFreeSpaceMin(RaftServerConfigKeys.STORAGE_FREE_SPACE_MIN_DEFAULT)
                .setLogCorruptionPolicy(RaftServerConfigKeys.Log.CorruptionPolicy.getDefault()).build();
        raftStorage.initialize();
        storage.init(raftStorage);
        snapshots = new BackgroundSnapshots(storage, store, new RaftMetrics(new SimpleMeterRegistry()));
    }

    @AfterEach
    void tearDown() throws IOException {
        snapshots.close();
        raftStorage.close();
    }

    @Test
    void theIndexIsReportedOnlyOnceTheSnapshotIsDurable() throws Exception {
        put(1, "a", "1");
        put(2, "b", "2");
        TermIndex at = TermIndex.valueOf(1, 2);

        assertEquals(RaftLog.INVALID_LOG_INDEX, snapshots.poll(at), "the first call only starts the write");
        put(3, "c", "written after the capture");
        long reported = awaitReported(TermIndex.valueOf(1, 3));

        assertEquals(2, reported);
        SingleFileSnapshotInfo latest = storage.getLatestSnapshot();
        assertNotNull(latest, "the storage knows the snapshot once it is reported");
        assertEquals(2, latest.getIndex());
        Path file = latest.getFile().getPath();
        MD5FileUtil.verifySavedMD5(file.toFile(), latest.getFile().getFileDigest());
        TableStore restored = new TableStore();
        try (InputStream in = Files.newInputStream(file)) {
            restored.restore(StateImage.read(new DataInputStream(in)));
        }
        assertEquals(2, restored.appliedIndex());
        assertArrayEquals(bytes("2"), restored.get("kv", "b").orElseThrow().value());
        assertTrue(restored.get("kv", "c").isEmpty(), "the file holds the state as captured");
    }

    private long awaitReported(TermIndex lastApplied) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            long index = snapshots.poll(lastApplied);
            if (index != RaftLog.INVALID_LOG_INDEX) {
                return index;
            }
            Thread.sleep(10);
        }
        return fail("the snapshot was never reported");
    }

    private void put(long index, String key, String value) {
        store.apply(index, (type, payload, writer) -> {
            throw new AssertionError("no nested commands here");
        }, writer -> writer.put("kv", key, bytes(value)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
