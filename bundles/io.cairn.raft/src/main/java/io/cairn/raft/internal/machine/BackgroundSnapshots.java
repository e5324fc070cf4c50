package io.cairn.raft.internal.machine;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.raft.internal.node.Threads;
import io.cairn.raft.internal.state.StateImage;
import io.cairn.raft.internal.state.TableStore;

/**
 * Takes snapshots without stalling the log: Ratis asks for a snapshot on its apply thread, where every later
 * command waits; serialising the tables and syncing the file there stalled all writes for as long as it took.
 * <p>
 * Here the apply thread only captures a {@link StateImage} (references, one pass over the keys) and a single
 * background thread writes it. Ratis is told "no snapshot yet" ({@link RaftLog#INVALID_LOG_INDEX}) until the file
 * and its checksum are synced and renamed into place; only then does a later call report the snapshot's index,
 * and only then may Ratis purge the log up to it. So the log never runs ahead of a durable snapshot.
 */
final class BackgroundSnapshots implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundSnapshots.class);
    private static final long CLOSE_WAIT_SECONDS = 60;

    private final SimpleStateMachineStorage storage;
    private final TableStore store;
    private final RaftMetrics metrics;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Threads.named("cairn-raft-snapshot"));
    /** The write in progress or finished but not yet reported to Ratis; only the apply thread changes it. */
    private CompletableFuture<SingleFileSnapshotInfo> pending;

    BackgroundSnapshots(SimpleStateMachineStorage storage, TableStore store, RaftMetrics metrics) {
        this.storage = storage;
        this.store = store;
        this.metrics = metrics;
    }

    /**
     * Ratis' {@code takeSnapshot}, called between commands with the last applied entry: reports a snapshot
     * that has become durable since the last call, or starts one of the current state and reports none yet.
     *
     * @return the index of a durable snapshot, or {@link RaftLog#INVALID_LOG_INDEX} while one is being written
     * @throws IOException if the last background write failed (the next call starts a new one)
     */
    synchronized long poll(TermIndex lastApplied) throws IOException {
        if (pending != null) {
            if (!pending.isDone()) {
                return RaftLog.INVALID_LOG_INDEX;
            }
            CompletableFuture<SingleFileSnapshotInfo> finished = pending;
            pending = null;
            try {
                return finished.join().getIndex();
            } catch (CompletionException e) {
                throw new IOException("Writing the snapshot failed", e.getCause());
            }
        }
        StateImage image = store.capture();
        pending = CompletableFuture.supplyAsync(() -> write(image, lastApplied), writer);
        return RaftLog.INVALID_LOG_INDEX;
    }

    /** Lets a write in progress finish (a server stopping is asked for a last snapshot), then stops the thread. */
    @Override
    public void close() {
        CompletableFuture<SingleFileSnapshotInfo> running;
        synchronized (this) {
            running = pending;
        }
        try {
            if (running != null) {
                running.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The last snapshot was not written; the log still holds everything it covers", e);
        } finally {
            writer.shutdownNow();
        }
    }

    private SingleFileSnapshotInfo write(StateImage image, TermIndex at) {
        long started = System.nanoTime();
        try {
            File file = storage.getSnapshotFile(at.getTerm(), at.getIndex());
            Path tmp = file.toPath().resolveSibling(file.getName() + ".tmp");
            MessageDigest digest = MD5Hash.getDigester();
            try (FileOutputStream fileOut = new FileOutputStream(tmp.toFile());
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                            new DigestOutputStream(fileOut, digest)))) {
                image.write(out);
                out.flush();
                fileOut.getChannel().force(true);
            }
            MD5Hash md5 = new MD5Hash(digest.digest());
            MD5FileUtil.saveMD5File(file, md5);
            Files.move(tmp, file.toPath(), StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(file.toPath().getParent());
            SingleFileSnapshotInfo info = new SingleFileSnapshotInfo(new FileInfo(file.toPath(), md5), at);
            storage.updateLatestSnapshot(info);
            LOG.info("Snapshot of the replicated state taken at index {}", at.getIndex());
            metrics.snapshotTaken(System.nanoTime() - started);
            return info;
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    /** Makes the rename itself durable: until then a crash could lose the file the log is about to be cut to. */
    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
