package io.cairn.raft.internal.node;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.ratis.client.RaftClient;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.proto.RaftProtos.ServerRpcProto;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.GroupInfoReply;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientAsynchronousProtocol;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLogBase;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.cairn.raft.api.CommandResult;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.NoLeaderException;
import io.cairn.raft.api.RaftConfiguration;
import io.cairn.raft.api.RaftOperator;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.ReadContext;
import io.cairn.raft.api.ServerInfo;
import io.cairn.raft.api.ServerProgress;
import io.cairn.raft.api.StateView;
import io.cairn.raft.api.snapshots.StateSnapshots;
import io.cairn.raft.internal.machine.AppliedIndexWaiters;
import io.cairn.raft.internal.machine.CairnStateMachine;
import io.cairn.raft.internal.machine.ChangeNotifier;
import io.cairn.raft.internal.machine.Envelope;
import io.cairn.raft.internal.machine.HandlerRegistry;
import io.cairn.raft.internal.machine.ProgressQuery;
import io.cairn.raft.internal.machine.RaftMetrics;
import io.cairn.raft.internal.machine.ReadBarrier;
import io.cairn.raft.internal.machine.StateRestore;
import io.cairn.raft.internal.machine.TombstoneReaping;
import io.cairn.raft.internal.machine.TombstoneSchedule;
import io.cairn.raft.internal.state.StateImage;
import io.cairn.raft.internal.state.TableStore;

/**
 * One server of the Raft group, on Apache Ratis: the {@link RaftService} and {@link RaftOperator} other bundles
 * use. Until {@link #start} has run, writes and leader reads fail with {@link io.cairn.raft.api.NoLeaderException}.
 */
public final class RaftNode implements RaftService, RaftOperator, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RaftNode.class);
    /**
     * How much longer than a write's deadline (the hold timeout) Ratis remembers its reply, to answer every retry of
     * it: a retry is only sent before the deadline.
     */
    static final Duration RETRY_CACHE_SLACK = Duration.ofSeconds(10);
    /** How long an entry waits before it is sent again to a server that was not ready or could not be reached. */
    private static final Duration DELIVERY_PAUSE = Duration.ofMillis(100);
    private static final Duration BARRIER_TIMEOUT = Duration.ofSeconds(5);
    /** How long a leadership transfer may take, the new leader's catching up included. */
    private static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(10);
    /** How long a server that asks to be added back holds off its first election (see {@link #rejoin}). */
    static final Duration REJOIN_ELECTION_HOLD = Duration.ofSeconds(30);
    /** The sessions bundle's table ({@code io.cairn.session.api.Sessions.TABLE}); read here only to count rows. */
    private static final String SESSION_TABLE = "session";
    /** Tombstones are checked every 30th of their TTL (Consul's 30 seconds for 15 minutes), at most every 30 s. */
    private static final int TOMBSTONE_CHECKS_PER_TTL = 30;
    private static final Duration MAX_TOMBSTONE_GRANULARITY = Duration.ofSeconds(30);
    /** Writes coalesce into log entries (see CommandBatcher): this many outstanding, each this large at most. */
    private static final int ENTRIES_IN_FLIGHT = 4;
    private static final int COMMANDS_PER_ENTRY = 256;
    private static final int ENTRY_BYTES = 1 << 20;
    private static final Message APPLIED_INDEX_QUERY = Message.valueOf(
            ByteString.copyFrom(Envelope.APPLIED_INDEX_QUERY));
    private static final Message PROGRESS_QUERY = Message.valueOf(ByteString.copyFrom(ProgressQuery.QUERY));

    private final NodeSettings settings;
    private final RaftGroupId groupId;
    private final TableStore store = new TableStore();
    private final ExecutorService notifyExecutor = Executors.newFixedThreadPool(2,
            Threads.named("cairn-raft-notify"));
    /**
     * Runs what callers chain on a write's result (the HTTP layer renders and sends its answer there). Ratis
     * completes a leader's local writes on its single apply thread; work chained there would stall every
     * later write.
     */
    private final ExecutorService replyExecutor = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), Threads.named("cairn-raft-reply"));
    private final ChangeNotifier changes = new ChangeNotifier(store, notifyExecutor);
    private final AppliedIndexWaiters appliedWaiters = new AppliedIndexWaiters(notifyExecutor);
    private final HandlerRegistry handlers;
    /** A new one for each start of the Raft server (Ratis closes a server's state machine with it, for good). */
    private volatile CairnStateMachine stateMachine;
    private final RaftMetrics metrics;
    private final RatisFactory ratis;
    private final TombstoneSchedule tombstones;
    private final ScheduledExecutorService tombstoneTimer = Executors.newSingleThreadScheduledExecutor(
            Threads.named("cairn-raft-tombstones"));
    /** Pauses between attempts to deliver an entry, and its deadline. */
    private final ScheduledThreadPoolExecutor deliveryTimer = deliveryTimer();
    /** Every entry this server submits keeps one invocation id (this client id, a call id) until it is applied. */
    private final EntrySender entries;
    private final CommandBatcher<byte[], Committed> batcher = new CommandBatcher<>(this::sendEntry,
            command -> command.length, ENTRIES_IN_FLIGHT, COMMANDS_PER_ENTRY, ENTRY_BYTES, replyExecutor);
    /**
     * {@code ?consistent} reads share read barriers: one in flight at a time, and every read that arrives
     * meanwhile waits for the next one, which is submitted after it arrived (so it orders after every write
     * acknowledged before the read began). Under load a barrier serves a whole batch of reads.
     */
    private final CommandBatcher<Boolean, Void> readBarriers = new CommandBatcher<>(this::sendReadBarrier,
            read -> 0, 1, Integer.MAX_VALUE, Integer.MAX_VALUE, replyExecutor);

    private RaftServer server;
    private RaftClient client;
    private Set<RaftPeer> clientPeers = Set.of();
    private volatile boolean running;
    private volatile boolean rejoining;

    public RaftNode(NodeSettings settings, HandlerRegistry handlers, RaftMetrics metrics) {
        this.settings = settings;
        this.groupId = RaftGroupId.valueOf(settings.groupUuid());
        this.entries = new EntrySender(ClientId.randomId(), groupId, new RatisRoutes(), deliveryTimer,
                settings.holdTimeout().toNanos(), DELIVERY_PAUSE.toNanos(), System::nanoTime);
        this.tombstones = new TombstoneSchedule(settings.tombstoneTtl().toNanos());
        this.metrics = metrics;
        this.ratis = new RatisFactory(settings);
        this.handlers = handlers;
        this.stateMachine = newStateMachine();
        registerGauges(metrics.registry());
        handlers.add(TombstoneReaping.TYPE, new TombstoneReaping(store), Integer.MAX_VALUE, Long.MIN_VALUE);
        handlers.add(ReadBarrier.TYPE, new ReadBarrier(), Integer.MAX_VALUE, Long.MIN_VALUE);
        handlers.add(StateRestore.TYPE, new StateRestore(store, changes), Integer.MAX_VALUE, Long.MIN_VALUE);
        long every = Math.max(1, Math.min(MAX_TOMBSTONE_GRANULARITY.toNanos(),
                settings.tombstoneTtl().toNanos() / TOMBSTONE_CHECKS_PER_TTL));
        tombstoneTimer.scheduleWithFixedDelay(this::collectTombstones, every, every, TimeUnit.NANOSECONDS);
    }

    private CairnStateMachine newStateMachine() {
        return new CairnStateMachine(store, handlers, changes, appliedWaiters, metrics,
                () -> ProgressQuery.encode(division().map(RaftNode::progress).orElse(List.of())),
                ratis.commitAnnouncer()::announce);
    }

    /**
     * Whether Ratis still runs {@code d} with a log it can write. After a failed write Ratis closes the log, or fails
     * every later write to it, but leaves the division running.
     */
    private boolean serving(RaftServer.Division d) {
        return d.getInfo().isAlive() && !stateMachine.logFailed()
                && !(d.getRaftLog() instanceof RaftLogBase log && !log.isOpened());
    }

    /** One thread; a write's deadline is cancelled when it is answered, and leaves the queue then. */
    private static ScheduledThreadPoolExecutor deliveryTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, Threads.named("cairn-raft-delivery"));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Log position, term and role, read from Ratis when scraped; sessions counted in the replicated state. */
    private void registerGauges(MeterRegistry registry) {
        Gauge.builder("cairn.raft.commit.index", this, n -> n.division()
                .map(d -> CairnStateMachine.stateIndex(d.getRaftLog().getLastCommittedIndex())).orElse(0L))
                .description("Highest Raft index known to be committed").register(registry);
        Gauge.builder("cairn.raft.applied.index", this, n -> n.division()
                .map(d -> CairnStateMachine.stateIndex(d.getInfo().getLastAppliedIndex())).orElse(0L))
                .description("Highest Raft index applied to this server's state").register(registry);
        Gauge.builder("cairn.raft.term", this, n -> n.division().map(d -> d.getInfo().getCurrentTerm()).orElse(0L))
                .description("Current Raft term").register(registry);
        Gauge.builder("cairn.raft.leader", this, n -> n.isLeader() ? 1 : 0)
                .description("1 while this server is the leader, else 0").register(registry);
        Gauge.builder("cairn.raft.sessions", store, s -> s.scan(SESSION_TABLE, "").size())
                .description("Sessions in the replicated state").register(registry);
        Gauge.builder("cairn.raft.tombstones", store, TableStore::tombstoneCount)
                .description("Tombstones of deleted keys in the replicated state, kept for the tombstone TTL")
                .register(registry);
    }

    /** Samples the applied index and, on the leader, reaps the tombstones that have outlived their TTL. */
    private void collectTombstones() {
        long now = System.nanoTime();
        tombstones.sample(now, store.appliedIndex());
        if (!running || !isLeader()) {
            return;
        }
        tombstones.due(now).ifPresent(index -> submit(TombstoneReaping.TYPE, TombstoneReaping.upTo(index))
                .whenComplete((result, failure) -> {
                    if (failure == null) {
                        tombstones.reaped(index);
                    } else {
                        LOG.debug("Reaping tombstones up to index {} failed, will retry", index, failure);
                    }
                }));
    }

    public NodeSettings settings() {
        return settings;
    }

    /** Whether this server's storage already holds the group (it was a member before: recover, don't join). */
    public boolean hasStorage() {
        return Files.isDirectory(settings.storageDir().resolve(settings.groupUuid().toString()));
    }

    /**
     * Starts the Raft server: from storage if it holds the group, otherwise as a new member whose initial
     * configuration is {@code peers} (empty: wait to be added by the leader).
     */
    public synchronized void start(Collection<RaftPeer> peers) throws IOException {
        start(peers, null);
    }

    /**
     * Starts from storage a server that the group no longer lists (removed while it was away, as autopilot removes
     * a dead server), if it has not started yet, and asks the group, reached through {@code via}, to add it back;
     * called again while {@link #isRejoining()} if that failed. Its storage still lists it, so it would stand for
     * election once its timeout ran out; a leader answers a vote request from a server it removed, and is not
     * adding, by telling it to shut down, and Ratis then closes it for good. So it stands for no election for
     * {@link #REJOIN_ELECTION_HOLD} after it starts, unless it hears from a leader first (as it does once the
     * leader brings it up to date); once the group has added it, its usual election timeout applies again.
     */
    public void rejoin(Collection<RaftPeer> via) throws IOException {
        synchronized (this) {
            if (server == null) {
                start(List.of(), REJOIN_ELECTION_HOLD);
                rejoining = true;
            }
        }
        requestJoin(via);
        ratis.endFirstElectionHold();
        rejoining = false;
    }

    /** Whether this server was started by {@link #rejoin} and the group has not yet added it. */
    public boolean isRejoining() {
        return rejoining;
    }

    private void start(Collection<RaftPeer> peers, Duration firstElectionHold) throws IOException {
        if (server != null) {
            throw new IllegalStateException("Raft server already started");
        }
        boolean recover = hasStorage();
        RaftGroup group = recover ? RaftGroup.valueOf(groupId) : RaftGroup.valueOf(groupId, peers);
        LOG.info("Starting Raft server {} at {} ({})", settings.nodeName(), settings.raftAddress(),
                recover ? "recovering from storage" : "new, peers " + peers);
        server = ratis.server(group, stateMachine,
                recover ? RaftStorage.StartupOption.RECOVER : RaftStorage.StartupOption.FORMAT, firstElectionHold);
        running = true;
    }

    /**
     * Lets go of a Raft server that Ratis closed, or whose log it closed, while this node runs, so that it can be
     * started again from storage ({@code ClusterFormation} does, every second until it succeeds). Ratis gives up a
     * log for good when a write to it failed (a full disk, a file size limit, an I/O error), and closes a server
     * whose state machine failed; the agent would otherwise answer {@code No cluster leader} until restarted. The
     * state is rebuilt from the last snapshot and the log, as after a restart: every write this server acknowledged
     * was flushed to its log first.
     */
    public void releaseClosedServer() {
        RaftServer closed;
        synchronized (this) {
            if (!running || server == null || division().map(this::serving).orElse(false)) {
                return;
            }
            closed = server;
            server = null;
            running = false;
        }
        LOG.warn("Raft server {} can no longer write its log, or Ratis closed it: starting it again from storage",
                settings.nodeName());
        closeQuietly(closed, "closed Raft server");
        // Ratis applies the log again from the last snapshot, which the new state machine restores; without one,
        // from the first entry, onto empty tables (the waiters see the replay, as after a snapshot is installed)
        store.clear();
        changes.changedAll();
        stateMachine = newStateMachine();
    }

    /**
     * Whether the group's current configuration, as the first of {@code via} that answers tells it, lists this
     * server; empty if none answers.
     */
    public Optional<Boolean> listedBy(Collection<RaftPeer> via) {
        try (RaftClient admin = ratis.client(RaftGroup.valueOf(groupId, via))) {
            for (RaftPeer peer : via) {
                try {
                    GroupInfoReply info = admin.getGroupManagementApi(peer.getId()).info(groupId);
                    if (info.isSuccess()) {
                        return Optional.of(info.getGroup().getPeers().stream()
                                .anyMatch(p -> p.getId().toString().equals(settings.nodeName())));
                    }
                } catch (IOException e) {
                    LOG.debug("Asking {} for the Raft group's configuration failed", peer.getId(), e);
                }
            }
        } catch (IOException e) {
            LOG.debug("Closing the admin client failed", e);
        }
        return Optional.empty();
    }

    public boolean isRunning() {
        return running;
    }

    /** The ids of the current configuration if this server is part of it. */
    public Optional<List<String>> members() {
        return division().map(d -> d.getRaftConf().getAllPeers().stream().map(p -> p.getId().toString()).toList())
                .filter(ids -> ids.contains(settings.nodeName()));
    }

    /** Asks the group, reached through {@code via}, to add this server as a voter. */
    public void requestJoin(Collection<RaftPeer> via) throws IOException {
        addVoter(ratis.peer(settings.nodeName(), settings.raftAddress()), via);
    }

    /**
     * On the leader: adds a server of the LAN pool that is not in the group (one autopilot removed while it was
     * down, and that is back) as a voter, as Consul's leader adds the alive servers it finds.
     */
    public void addServer(String id, String raftAddress) throws IOException {
        RaftServer.Division division = division().orElseThrow(NoLeaderException::new);
        addVoter(ratis.peer(id, raftAddress), division.getRaftConf().getCurrentPeers());
    }

    private void addVoter(RaftPeer peer, Collection<RaftPeer> via) throws IOException {
        try (RaftClient admin = ratis.client(RaftGroup.valueOf(groupId, via))) {
            RaftClientReply reply = admin.admin().setConfiguration(SetConfigurationRequest.Arguments.newBuilder()
                    .setServersInNewConf(List.of(peer)).setMode(SetConfigurationRequest.Mode.ADD).build());
            if (!reply.isSuccess()) {
                throw new IOException("Adding " + peer.getId() + " to the Raft group failed: " + reply.getException());
            }
        }
    }

    @Override
    public CompletionStage<Void> removeServer(String id) {
        return CompletableFuture.runAsync(() -> {
            RaftServer.Division division = division().orElseThrow(NoLeaderException::new);
            List<RaftPeer> remaining = new ArrayList<>(division.getRaftConf().getCurrentPeers());
            if (!remaining.removeIf(peer -> peer.getId().toString().equals(id))) {
                return;
            }
            try (RaftClient admin = ratis.client(RaftGroup.valueOf(groupId, remaining))) {
                RaftClientReply reply = admin.admin().setConfiguration(remaining);
                if (!reply.isSuccess()) {
                    throw new NoLeaderException(reply.getException());
                }
                LOG.info("Removed server {} from the Raft group", id);
            } catch (IOException e) {
                throw new NoLeaderException(e);
            }
        }, replyExecutor);
    }

    @Override
    public CompletionStage<String> transferLeadership(Optional<String> id) {
        return CompletableFuture.supplyAsync(() -> {
            RaftServer.Division division = division().orElseThrow(NoLeaderException::new);
            RaftPeerId leaderId = division.getInfo().getLeaderId();
            if (leaderId == null) {
                throw new NoLeaderException();
            }
            String target = id.orElseGet(() -> mostUpToDateFollower(division, leaderId.toString()));
            boolean voter = division.getRaftConf().getCurrentPeers().stream()
                    .anyMatch(p -> p.getId().toString().equals(target));
            if (!voter) {
                throw new IllegalArgumentException("id \"" + target + "\" was not found in the Raft configuration");
            }
            if (target.equals(leaderId.toString())) {
                throw new IllegalArgumentException("Server \"" + target + "\" is the leader already");
            }
            RaftClient c = client();
            if (c == null) {
                throw new NoLeaderException();
            }
            try {
                RaftClientReply reply = RatisFactory.withBundleLoader(() -> c.admin()
                        .transferLeadership(RaftPeerId.valueOf(target), TRANSFER_TIMEOUT.toMillis()));
                if (!reply.isSuccess()) {
                    throw new NoLeaderException(reply.getException());
                }
            } catch (NoLeaderException e) {
                throw e;
            } catch (Exception e) {
                throw new NoLeaderException(e);
            }
            LOG.info("Transferred Raft leadership from {} to {}", leaderId, target);
            return target;
        }, replyExecutor);
    }

    /**
     * The voter other than the leader with the highest match index as the leader sees it; on a follower, which
     * does not know, the first other voter in id order.
     */
    private static String mostUpToDateFollower(RaftServer.Division division, String leader) {
        Comparator<ServerProgress> order = Comparator.comparingLong(ServerProgress::lastIndex).reversed()
                .thenComparing(ServerProgress::id);
        Set<String> voters = new HashSet<>();
        division.getRaftConf().getCurrentPeers().forEach(p -> voters.add(p.getId().toString()));
        voters.remove(leader);
        return progress(division).stream().filter(p -> voters.contains(p.id())).sorted(order)
                .map(ServerProgress::id).findFirst()
                .orElseGet(() -> voters.stream().sorted().findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("There is no other voter to lead")));
    }

    @Override
    public CompletionStage<List<ServerProgress>> progress() {
        Optional<RaftServer.Division> division = division();
        if (division.isPresent() && division.get().getInfo().isLeader()) {
            return CompletableFuture.completedFuture(progress(division.get()));
        }
        RaftClient c = client();
        if (c == null) {
            return CompletableFuture.failedFuture(new NoLeaderException());
        }
        return c.async().sendReadOnly(PROGRESS_QUERY).thenApply(reply -> {
            Failures.throwIfFailed(reply);
            return ProgressQuery.decode(reply.getMessage().getContent().toByteArray());
        }).orTimeout(BARRIER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).exceptionally(Failures::rethrowMapped);
    }

    /**
     * The leader's log appenders, in Ratis' order, as the role info (last contact) and the match indices report
     * them; the leader itself with its own last log index. Indexes as the replicated state numbers them
     * ({@link CairnStateMachine#stateIndex}).
     */
    private static List<ServerProgress> progress(RaftServer.Division division) {
        RoleInfoProto role = division.getInfo().getRoleInfoProto();
        if (!division.getInfo().isLeader() || !role.hasLeaderInfo()) {
            return List.of();
        }
        long term = division.getInfo().getCurrentTerm();
        long[] matched = division.getInfo().getFollowerMatchIndices();
        List<ServerRpcProto> followers = role.getLeaderInfo().getFollowerInfoList();
        List<ServerProgress> progress = new ArrayList<>();
        TermIndex last = division.getRaftLog().getLastEntryTermIndex();
        progress.add(new ServerProgress(division.getId().toString(), 0,
                last == null ? 0 : CairnStateMachine.stateIndex(last.getIndex()), term));
        for (int i = 0; i < followers.size() && i < matched.length; i++) {
            ServerRpcProto follower = followers.get(i);
            progress.add(new ServerProgress(follower.getId().getId().toStringUtf8(),
                    follower.getLastRpcElapsedTimeMs(), CairnStateMachine.stateIndex(matched[i]), term));
        }
        progress.sort(Comparator.comparing(ServerProgress::id));
        return List.copyOf(progress);
    }

    /** The missing handler type this server waits for before applying further (not ready), if any. */
    public Optional<String> waitingForHandler() {
        return stateMachine.waitingForHandler();
    }

    @Override
    public CompletionStage<CommandResult> submit(String type, byte[] payload) {
        if (type.isEmpty()) {
            // an empty type marks a batch in the log (see Envelope)
            return CompletableFuture.failedFuture(new IllegalArgumentException("A command type must not be empty"));
        }
        long submitted = System.nanoTime();
        return batcher.submit(Envelope.command(type, payload)).thenCompose(committed -> {
            metrics.committed(submitted);
            byte[] result = Envelope.parseReply(committed.reply());
            return appliedWaiters.await(committed.index()).thenApply(v -> {
                metrics.applied(type, submitted);
                return new CommandResult(CairnStateMachine.stateIndex(committed.index()), result);
            });
        }).exceptionally(Failures::rethrowMapped);
    }

    /** A command's reply from the state machine and the index of the entry that carried it. */
    private record Committed(long index, byte[] reply) {
    }

    /** Sends one log entry carrying {@code commands} (see {@link CommandBatcher}); one reply per command. */
    private CompletableFuture<List<Committed>> sendEntry(List<byte[]> commands) {
        boolean batch = commands.size() > 1;
        Message message = Message.valueOf(UnsafeByteOperations.unsafeWrap(
                batch ? Envelope.batch(commands) : commands.get(0)));
        return entries.send(message).thenApply(reply -> {
            Failures.throwIfFailed(reply);
            ByteString content = reply.getMessage().getContent();
            List<byte[]> replies = batch ? Envelope.parseBatchReply(content.asReadOnlyByteBuffer())
                    : List.of(content.toByteArray());
            List<Committed> committed = new ArrayList<>(replies.size());
            for (byte[] r : replies) {
                committed.add(new Committed(reply.getLogIndex(), r));
            }
            return committed;
        });
    }

    /**
     * Where {@link EntrySender} sends entries. To this server's own division straight on the calling thread: a
     * round trip through the client's RPC to itself cost more CPU than the write, and the server's own entry
     * point would hand it to another pool and wait. To other servers through the Raft client's RPC, which this
     * sender drives itself so that an entry keeps one invocation id.
     */
    private final class RatisRoutes implements EntrySender.Routes {
        private final RaftPeerId self = RaftPeerId.valueOf(settings.nodeName());

        @Override
        public RaftPeerId self() {
            return self;
        }

        @Override
        public Optional<RaftPeerId> knownLeader() {
            return division().map(d -> d.getInfo().getLeaderId());
        }

        @Override
        public List<RaftPeerId> peers() {
            return division().map(d -> d.getRaftConf().getAllPeers().stream().map(RaftPeer::getId).toList())
                    .orElse(List.of());
        }

        @Override
        public CompletableFuture<RaftClientReply> sendLocal(RaftClientRequest request) throws Exception {
            RaftServer.Division d = division().orElseThrow(io.cairn.raft.api.NoLeaderException::new);
            if (!(d instanceof RaftClientAsynchronousProtocol local)) {
                return sendRemote(request);
            }
            return RatisFactory.withBundleLoader(() -> local.submitClientRequestAsync(request));
        }

        @Override
        public CompletableFuture<RaftClientReply> sendRemote(RaftClientRequest request) throws Exception {
            RaftClient c = client();
            if (c == null) {
                throw new io.cairn.raft.api.NoLeaderException();
            }
            return RatisFactory.withBundleLoader(() -> c.getClientRpc().sendRequestAsyncUnordered(request));
        }

        @Override
        public void remoteFailed(RaftPeerId target, Throwable failure) {
            RaftClient c = client();
            if (c != null) {
                c.getClientRpc().handleException(target, failure, c.getClientRpc().shouldReconnect(failure));
            }
        }
    }

    /** Writes the image of the state as applied here (see {@link StateSnapshots#export}). */
    public StateSnapshots.Position export(OutputStream out) throws IOException {
        StateImage image = store.capture();
        long term = division().map(d -> d.getInfo().getCurrentTerm()).orElse(0L);
        DataOutputStream data = new DataOutputStream(out);
        image.write(data);
        data.flush();
        return new StateSnapshots.Position(image.appliedIndex(), term);
    }

    /** Replaces the replicated state with an exported image (see {@link StateSnapshots#restore}). */
    public CompletionStage<Long> restore(byte[] image) {
        if (image.length > StateSnapshots.MAX_RESTORE_BYTES) {
            throw new IllegalArgumentException("The state image has " + image.length + " bytes, more than the "
                    + StateSnapshots.MAX_RESTORE_BYTES + " a restore takes");
        }
        StateRestore.image(image);
        return submit(StateRestore.TYPE, image).thenApply(CommandResult::index);
    }

    @Override
    public CompletionStage<ReadContext> barrier(Consistency consistency) {
        Optional<RaftServer.Division> division = division();
        if (consistency == Consistency.STALE) {
            return CompletableFuture.completedFuture(division.map(d -> context(d, consistency))
                    .orElse(new ReadContext(false, 0, consistency)));
        }
        if (division.isEmpty()) {
            return CompletableFuture.failedFuture(new io.cairn.raft.api.NoLeaderException());
        }
        RaftServer.Division d = division.get();
        if (consistency == Consistency.CONSISTENT) {
            return readBarriers.submit(Boolean.TRUE)
                    .orTimeout(BARRIER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .thenApply(applied -> context(d, consistency))
                    .exceptionally(e -> Failures.rethrowBarrier(e, stateMachine.waitingForHandler()));
        }
        if (d.getInfo().isLeader() && d.getInfo().isLeaderReady()) {
            return CompletableFuture.completedFuture(context(d, consistency));
        }
        RaftClient c = client();
        if (c == null) {
            return CompletableFuture.failedFuture(new io.cairn.raft.api.NoLeaderException());
        }
        return c.async().sendReadOnlyNonLinearizable(APPLIED_INDEX_QUERY).thenCompose(reply -> {
            Failures.throwIfFailed(reply);
            return appliedWaiters.await(Envelope.parseAppliedIndex(reply.getMessage().getContent()
                    .asReadOnlyByteBuffer()));
        }).orTimeout(BARRIER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(v -> context(d, consistency))
                .exceptionally(e -> Failures.rethrowBarrier(e, stateMachine.waitingForHandler()));
    }

    /** One read barrier for a batch of reads, done once this server has applied it (as every submit is). */
    private CompletionStage<List<Void>> sendReadBarrier(List<Boolean> reads) {
        return submit(ReadBarrier.TYPE, ReadBarrier.PAYLOAD)
                .thenApply(applied -> Collections.nCopies(reads.size(), (Void) null));
    }

    @Override
    public StateView state() {
        return store;
    }

    @Override
    public CompletableFuture<Long> awaitChange(String table, String prefix, long afterIndex) {
        return changes.await(table, prefix, afterIndex);
    }

    @Override
    public Optional<String> leader() {
        return division().flatMap(d -> {
            RaftPeerId leaderId = d.getInfo().getLeaderId();
            RaftPeer peer = leaderId == null ? null : d.getRaftConf().getPeer(leaderId);
            return Optional.ofNullable(peer).map(RaftPeer::getAddress);
        });
    }

    @Override
    public boolean isLeader() {
        return division().map(d -> d.getInfo().isLeader()).orElse(false);
    }

    @Override
    public RaftConfiguration configuration() {
        return division().map(d -> {
            RaftPeerId leaderId = d.getInfo().getLeaderId();
            List<ServerInfo> servers = new ArrayList<>();
            for (RaftPeer p : d.getRaftConf().getCurrentPeers()) {
                servers.add(new ServerInfo(p.getId().toString(), p.getId().toString(), p.getAddress(),
                        p.getId().equals(leaderId), true));
            }
            for (RaftPeer p : d.getRaftConf().getCurrentPeers(RaftPeerRole.LISTENER)) {
                servers.add(new ServerInfo(p.getId().toString(), p.getId().toString(), p.getAddress(), false, false));
            }
            servers.sort(Comparator.comparing(ServerInfo::id));
            return new RaftConfiguration(List.copyOf(servers),
                    CairnStateMachine.stateIndex(d.getRaftConf().getLogEntryIndex()));
        }).orElse(new RaftConfiguration(List.of(), 0));
    }

    @Override
    public void close() {
        running = false;
        stateMachine.stopWaiting();
        RaftClient closingClient;
        RaftServer closingServer;
        synchronized (this) {
            closingClient = client;
            client = null;
            closingServer = server;
            server = null;
        }
        // Not under this object's lock: closing fails the pending writes, and their callbacks (falling back to the
        // client, sending the next entry) take it; they now find no server and fail at once.
        closeQuietly(closingClient, "Raft client");
        closeQuietly(closingServer, "Raft server");
        tombstoneTimer.shutdownNow();
        deliveryTimer.shutdownNow();
        entries.close();
        notifyExecutor.shutdown();
        replyExecutor.shutdown();
        try {
            notifyExecutor.awaitTermination(5, TimeUnit.SECONDS);
            replyExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized Optional<RaftServer.Division> division() {
        if (server == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(server.getDivision(groupId));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A client to the current configuration; rebuilt when the configuration's peers change. */
    private synchronized RaftClient client() {
        Optional<RaftServer.Division> d = division();
        if (d.isEmpty() || d.get().getRaftConf().getAllPeers().isEmpty()) {
            return null;
        }
        Set<RaftPeer> peers = new HashSet<>(d.get().getRaftConf().getAllPeers());
        if (client == null || !peers.equals(clientPeers)) {
            closeQuietly(client, "Raft client");
            client = ratis.client(RaftGroup.valueOf(groupId, peers));
            clientPeers = peers;
        }
        return client;
    }

    private ReadContext context(RaftServer.Division d, Consistency consistency) {
        boolean known = d.getInfo().getLeaderId() != null;
        RoleInfoProto role = d.getInfo().getRoleInfoProto();
        long lastContact = d.getInfo().isLeader() || !role.hasFollowerInfo() ? 0
                : role.getFollowerInfo().getLeaderInfo().getLastRpcElapsedTimeMs();
        return new ReadContext(known, lastContact, consistency);
    }

    private static void closeQuietly(AutoCloseable closeable, String what) {
        if (closeable == null) {
            return;
        }
        try {
            // shutting down may load classes too
            RatisFactory.withBundleLoader(() -> {
                closeable.close();
                return null;
            });
        } catch (Exception e) {
            LOG.warn("Closing the {} failed", what, e);
        }
    }
}
