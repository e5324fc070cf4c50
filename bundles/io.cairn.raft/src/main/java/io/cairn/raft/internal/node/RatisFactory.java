package io.cairn.raft.internal.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManager;

import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachine;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

import io.cairn.raft.api.snapshots.StateSnapshots;

/**
 * Builds Ratis servers and clients with Cairn's settings. Ratis loads its implementation classes through the
 * thread context class loader, which inside OSGi must be this bundle's; every construction goes through
 * {@link #withBundleLoader}.
 */
final class RatisFactory {

    /** A follower that hears from no leader for a random time between these stands for election. */
    static final TimeDuration ELECTION_TIMEOUT_MIN = TimeDuration.valueOf(500, TimeUnit.MILLISECONDS);
    static final TimeDuration ELECTION_TIMEOUT_MAX = TimeDuration.valueOf(1000, TimeUnit.MILLISECONDS);
    /** A pause no JVM outlives: Ratis's threshold for closing a server after a pause is a duration, not optional. */
    private static final long NEVER_CLOSE_DAYS = 36_500;
    /**
     * Client retries, for the requests that go through the Raft client (reads, joins): about ten seconds of leader
     * elections. Writes go through {@link EntrySender}, which keeps each one's invocation id on every retry.
     */
    private static final int CLIENT_ATTEMPTS = 40;
    private static final TimeDuration CLIENT_RETRY_SLEEP = TimeDuration.valueOf(250, TimeUnit.MILLISECONDS);

    /** The largest log entry: a restore's image with room for its envelope and Ratis' own fields. */
    static final int MAX_ENTRY_BYTES = StateSnapshots.MAX_RESTORE_BYTES + 64 * 1024;

    private final NodeSettings settings;
    private final RaftProperties properties = new RaftProperties();
    /** What Ratis takes as objects rather than properties: the TLS of the Raft port, if any. */
    private final Parameters parameters = new Parameters();
    private final CommitAnnouncer commitAnnouncer = new CommitAnnouncer();

    RatisFactory(NodeSettings settings) {
        this.settings = settings;
        RaftConfigKeys.Rpc.setType(properties, new AnnouncingGrpcType());
        parameters.put(AnnouncingGrpcType.ANNOUNCER, commitAnnouncer, CommitAnnouncer.class);
        GrpcConfigKeys.Server.setHost(properties, settings.bindHost());
        GrpcConfigKeys.Server.setPort(properties, settings.port());
        RaftServerConfigKeys.setStorageDir(properties, List.of(settings.storageDir().toFile()));
        RaftServerConfigKeys.Rpc.setTimeoutMin(properties, ELECTION_TIMEOUT_MIN);
        RaftServerConfigKeys.Rpc.setTimeoutMax(properties, ELECTION_TIMEOUT_MAX);
        // Ratis closes the whole server when its JVM was paused for longer than this (60 s by default): a laptop
        // that slept, a VM moved, a kill -STOP. Raft needs no such rule (a server that wakes learns the term, and a
        // leader still steps down after a pause, Ratis's leaderStepDownWaitTime), and nothing would start the
        // server again: the agent answered "No cluster leader" until restarted. So never.
        RaftServerConfigKeys.setCloseThreshold(properties, TimeDuration.valueOf(NEVER_CLOSE_DAYS, TimeUnit.DAYS));
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(properties, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(properties, settings.snapshotThreshold());
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(properties, 2);
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(properties, true);
        RaftServerConfigKeys.Log.setPurgeGap(properties, (int) Math.min(1024, settings.snapshotThreshold()));
        RaftServerConfigKeys.Log.setSegmentSizeMax(properties, SizeInBytes.valueOf(settings.logSegmentBytes()));
        // Memory that every write keeps alive is what young collections copy, and their pauses were the p99 of
        // writes under load. Ratis caches the entries of 6 closed log segments by default (only the open one and
        // the last closed are needed to feed followers), and keeps each write's reply for 60 s to answer a
        // client's retry of it: the hold timeout and some slack cover every retry EntrySender makes, which stop at
        // the write's deadline.
        RaftServerConfigKeys.Log.setSegmentCacheNumMax(properties, 2);
        RaftServerConfigKeys.RetryCache.setExpiryTime(properties,
                TimeDuration.valueOf(settings.holdTimeout().plus(RaftNode.RETRY_CACHE_SLACK).toMillis(),
                        TimeUnit.MILLISECONDS));
        // A log entry may be as large as the appender's buffer, which the log's write buffer must hold (Ratis
        // refuses larger entries): both sized for the largest entry, a snapshot restore (StateSnapshots), which
        // also stays well below gRPC's message limit (64 MB). The write buffer is allocated once per server.
        RaftServerConfigKeys.Log.Appender.setBufferByteLimit(properties, SizeInBytes.valueOf(MAX_ENTRY_BYTES));
        RaftServerConfigKeys.Log.setWriteBufferSize(properties, SizeInBytes.valueOf(MAX_ENTRY_BYTES + 8));
        // Group commit: the log worker keeps appending while the previous fsync runs, so one fsync covers every
        // entry written meanwhile. Still durable: the flushed index (and so commit) only moves after the fsync.
        RaftServerConfigKeys.Log.setAsyncFlushEnabled(properties, true);
        // Followers learn each commit from a heartbeat the CommitAnnouncer asks for, not from Ratis's commit-index
        // log entries, which cost an fsync on every server per commit (a third of the writes one connection made
        // on three servers). Off also in a group formed alone, which has nobody to tell.
        RaftServerConfigKeys.Log.setLogMetadataEnabled(properties, false);
        // Ratis waits at least 10 ms between two appends to one follower by default. Entries written during an
        // append go together in the next one anyway, so the wait only adds latency.
        RaftServerConfigKeys.Log.Appender.setWaitTimeMin(properties, TimeDuration.ZERO);
        if (settings.tls() != null) {
            GrpcConfigKeys.TLS.setConf(parameters, grpcTls(settings.tls()));
        }
    }

    /**
     * One TLS configuration for the Raft port and for every connection this server opens: to its peers, and as a
     * client of the group (forwarded writes, reads, joins). Ratis's "mutual TLS" makes the port require a client
     * certificate and every connection present this server's; {@link PeerTrust} then decides, from the
     * {@code verify_*} settings, which certificates are good enough. Reads the PEM files now.
     */
    private static GrpcTlsConfig grpcTls(RpcTls tls) {
        KeyManager identity = tls.files().keyManagers()[0];
        return new GrpcTlsConfig(identity, new PeerTrust(tls, tls.files().authorities()), true);
    }

    /**
     * Ends a hold given to {@link #server}: Ratis reads the first election's timeout from these properties each time
     * its follower timer restarts, and until the server changes role every timeout counts as the first.
     */
    void endFirstElectionHold() {
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(properties, ELECTION_TIMEOUT_MIN);
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(properties, ELECTION_TIMEOUT_MAX);
    }

    /**
     * @param firstElectionHold how long the server waits, after it starts, before it first stands for election
     *                          unless it hears from a leader first; {@code null} for the usual election timeout
     */
    RaftServer server(RaftGroup group, StateMachine stateMachine, RaftStorage.StartupOption option,
            Duration firstElectionHold) throws IOException {
        if (firstElectionHold != null) {
            TimeDuration hold = TimeDuration.valueOf(firstElectionHold.toMillis(), TimeUnit.MILLISECONDS);
            RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(properties, hold);
            RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(properties, hold);
        } else if (group.getPeers().size() == 1) {
            // Alone in its group a server has nobody to hear from: no reason to wait out a whole election
            // timeout before it becomes leader (this was most of a -dev agent's wait for its first write).
            RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(properties, TimeDuration.valueOf(10, TimeUnit.MILLISECONDS));
            RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(properties, TimeDuration.valueOf(50, TimeUnit.MILLISECONDS));
        }
        try {
            return withBundleLoader(() -> {
                RaftServer server = RaftServer.newBuilder()
                        .setServerId(RaftPeerId.valueOf(settings.nodeName()))
                        .setGroup(group)
                        .setStateMachine(stateMachine)
                        .setProperties(properties)
                        .setParameters(parameters)
                        .setOption(option)
                        .build();
                server.start();
                return server;
            });
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    RaftClient client(RaftGroup group) {
        try {
            return withBundleLoader(() -> RaftClient.newBuilder()
                    .setRaftGroup(group)
                    .setProperties(properties)
                    .setParameters(parameters)
                    .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(CLIENT_ATTEMPTS,
                            CLIENT_RETRY_SLEEP))
                    .build());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /** What tells this server's followers, while it leads, that its commit index moved. */
    CommitAnnouncer commitAnnouncer() {
        return commitAnnouncer;
    }

    RaftPeer peer(String id, String address) {
        return RaftPeer.newBuilder().setId(id).setAddress(address).build();
    }

    /** Runs {@code action} with this bundle's class loader as the context class loader (Ratis needs it). */
    static <T> T withBundleLoader(Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RatisFactory.class.getClassLoader());
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
