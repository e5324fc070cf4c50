package io.cairn.gossip.internal.swim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.coordinate.Coordinate;
import io.cairn.coordinate.VivaldiClient;
import io.cairn.gossip.api.Membership;
import io.cairn.gossip.internal.clock.Scheduler;
import io.cairn.gossip.internal.swim.MemberTable.Node;
import io.cairn.gossip.internal.swim.Message.Ack;
import io.cairn.gossip.internal.swim.Message.Alive;
import io.cairn.gossip.internal.swim.Message.Dead;
import io.cairn.gossip.internal.swim.Message.IndirectPing;
import io.cairn.gossip.internal.swim.Message.Nack;
import io.cairn.gossip.internal.swim.Message.Ping;
import io.cairn.gossip.internal.swim.Message.PushPull;
import io.cairn.gossip.internal.swim.Message.Query;
import io.cairn.gossip.internal.swim.Message.QueryResponse;
import io.cairn.gossip.internal.swim.Message.Suspect;
import io.cairn.gossip.internal.swim.Message.UserBroadcast;
import io.cairn.gossip.internal.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of one gossip pool: SWIM with Lifeguard over a {@link Transport}, timed by a {@link Scheduler}. It
 * probes members ({@link Prober}), believes news by SWIM's rules ({@link MemberTable}), piggybacks queued news and
 * user broadcasts on gossip to random members, exchanges the full state with one random member now and then and
 * with a failed one (so split pools merge), reaps members gone for longer than the reconnect timeout, and carries
 * queries whose answers come straight back. All protocol state is under one lock; the {@link PoolListener} is
 * called outside it. Owns the transport: {@link #stop()} closes it.
 */
public final class GossipPool {
    private static final Logger LOG = LoggerFactory.getLogger(GossipPool.class);

    private final Object lock = new Object();
    private final SwimConfig config;
    private final Transport transport;
    private final Scheduler clock;
    private final Scheduler locked;
    private final RandomGenerator random;
    private final PoolListener listener;
    private final VivaldiClient vivaldi;
    private final Awareness awareness;
    private final BroadcastQueue broadcasts;
    private final MemberTable table;
    private final Prober prober;
    private final UserMessages user = new UserMessages();
    private final Outbox outbox = new Outbox();
    private final AtomicLong malformed = new AtomicLong();
    private long nextUserId;
    private boolean running;
    private CompletableFuture<Void> leaving;

    /**
     * @param name      the member's name, unique in the pool
     * @param tags      what it tells the others about itself (at most 512 bytes encoded)
     * @param transport where it is reached: its {@link Transport#localAddress()} is the member's address
     * @param random    picks probe order, gossip targets and ids (seed it for repeatable runs)
     */
    public GossipPool(String name, Map<String, String> tags, SwimConfig config, Transport transport,
            Scheduler scheduler, RandomGenerator random, PoolListener listener) {
        Limits.checkName("member name", name);
        Limits.checkTags(tags);
        this.config = config;
        this.transport = transport;
        this.clock = scheduler;
        this.random = random;
        this.listener = listener;
        this.locked = new Scheduler() {
            @Override
            public long nanoTime() {
                return clock.nanoTime();
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                return clock.schedule(delay, () -> locked(task));
            }
        };
        vivaldi = new VivaldiClient(random, VivaldiClient.MAX_TRACKED_NODES);
        awareness = new Awareness(config.awarenessMaxMultiplier());
        broadcasts = new BroadcastQueue(config.maxQueuedBroadcasts());
        InetSocketAddress address = transport.localAddress();
        table = new MemberTable(config, locked, random, broadcasts, awareness, new MemberTable.Events() {
            @Override
            public void changed(Member member, MemberStatus previous) {
                outbox.add(() -> listener.memberChanged(member, previous));
            }

            @Override
            public void removed(Member member) {
                vivaldi.forget(member.name());
                outbox.add(() -> listener.memberRemoved(member));
            }
        }, name, Addresses.host(address), address.getPort(), tags);
        prober = new Prober(config, table, transport, locked, awareness, vivaldi);
        nextUserId = random.nextLong() & Long.MAX_VALUE;
    }

    /** Starts receiving, probing and gossiping, and reports this member itself to the listener as alive. */
    public void start() throws IOException {
        transport.start(new Transport.Receiver() {
            @Override
            public void packet(InetSocketAddress from, byte[] packet) {
                receive(from, packet);
            }

            @Override
            public byte[] exchange(InetSocketAddress from, byte[] request) throws IOException {
                return answer(from, request);
            }
        });
        synchronized (lock) {
            running = true;
            table.announce();
            Member self = table.view(table.local());
            outbox.add(() -> listener.memberChanged(self, MemberStatus.NONE));
            probeLoop(stagger(config.probeInterval()));
            gossipLoop(stagger(config.gossipInterval()));
            pushPullLoop(stagger(config.pushPullInterval()));
            reconnectLoop(stagger(config.reconnectInterval()));
            reapLoop(config.reapInterval());
        }
        outbox.deliver();
    }

    /** Stops taking part at once, without telling anyone (see {@link #leave}), and closes the transport. */
    public void stop() {
        Map<Long, UserMessages.PendingQuery> queries;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            table.stop();
            prober.stop();
            broadcasts.clear();
            queries = user.finishAll();
        }
        queries.values().forEach(query -> outbox.add(() -> query.result.complete(Map.copyOf(query.answers))));
        transport.close();
        outbox.deliver();
    }

    /** This member's name. */
    public String name() {
        return table.localName();
    }

    /** This member as the others see it. */
    public Member local() {
        synchronized (lock) {
            return table.view(table.local());
        }
    }

    /** Every member known, this one included, sorted by name. */
    public List<Member> members() {
        synchronized (lock) {
            return table.members();
        }
    }

    /** This member's network coordinate. */
    public Coordinate coordinate() {
        return vivaldi.coordinate();
    }

    /** The coordinate {@code node} last sent with an ack, if any. */
    public Optional<Coordinate> coordinate(String node) {
        synchronized (lock) {
            Node known = table.node(node);
            return known == null ? Optional.empty() : Optional.ofNullable(known.coordinate);
        }
    }

    /** Lifeguard's local-health score, 0 when healthy. */
    public int healthScore() {
        synchronized (lock) {
            return awareness.score();
        }
    }

    /** SWIM's finer state of {@code node} (suspect members show as alive), if known. */
    Optional<NodeState> state(String node) {
        synchronized (lock) {
            Node known = table.node(node);
            return known == null ? Optional.empty() : Optional.of(known.state);
        }
    }

    /** The incarnation this member knows {@code node} at; 0 if unknown. */
    long incarnation(String node) {
        synchronized (lock) {
            Node known = table.node(node);
            return known == null ? 0 : known.incarnation;
        }
    }

    /** How many datagrams and streams were dropped because they were not valid messages. */
    public long malformedMessages() {
        return malformed.get();
    }

    /**
     * Exchanges the full state with each address and so joins their pool.
     *
     * @return how many answered; fails naming each address and its error when none did
     */
    public CompletionStage<Integer> join(List<InetSocketAddress> addresses) {
        if (addresses.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no address to join"));
        }
        List<CompletableFuture<String>> attempts = new ArrayList<>();
        for (InetSocketAddress address : addresses) {
            attempts.add(pushPull(address, true).toCompletableFuture().handle((ok, failure) -> failure == null
                    ? null : address.getAddress().getHostAddress() + ":" + address.getPort() + ": "
                    + rootMessage(failure)));
        }
        return CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<String> errors = attempts.stream().map(CompletableFuture::join).filter(e -> e != null).toList();
            if (errors.size() == addresses.size()) {
                throw new IllegalStateException("could not join: " + String.join("; ", errors));
            }
            return addresses.size() - errors.size();
        });
    }

    /**
     * Tells the pool this member leaves, waits until that news has been gossiped its last time or
     * {@code timeout} passed, then {@linkplain #stop() stops}.
     */
    public CompletionStage<Void> leave(Duration timeout) {
        CompletableFuture<Void> spread;
        synchronized (lock) {
            if (leaving != null) {
                return leaving;
            }
            leaving = new CompletableFuture<>();
            spread = leaving;
            if (!running) {
                leaving.complete(null);
                return leaving;
            }
            boolean alone = table.liveCount() <= 1;
            table.leave(() -> outbox.add(() -> spread.complete(null)));
            if (alone) {
                outbox.add(() -> spread.complete(null));
            }
            clock.schedule(timeout, () -> spread.complete(null));
        }
        outbox.deliver();
        return spread.thenRun(this::stop);
    }

    /** Force-leave: see {@link Membership#forceLeave}. */
    public boolean forceLeave(String node, boolean prune) {
        boolean known;
        synchronized (lock) {
            known = table.forceLeave(node, prune);
        }
        outbox.deliver();
        return known;
    }

    /** Sets ({@code null} removes) tags of this member and gossips them with a new incarnation. */
    public void updateTags(Map<String, String> changes) {
        synchronized (lock) {
            Map<String, String> tags = new LinkedHashMap<>(table.local().tags);
            changes.forEach((key, value) -> {
                if (value == null) {
                    tags.remove(key);
                } else {
                    tags.put(key, value);
                }
            });
            Limits.checkTags(tags);
            table.retag(tags);
        }
        outbox.deliver();
    }

    /** Sends {@code payload} to every member on {@code channel}; delivered here too. */
    public void broadcast(String channel, byte[] payload) {
        Limits.checkName("channel", channel);
        Limits.checkPayload(payload);
        synchronized (lock) {
            UserBroadcast message = new UserBroadcast(table.localName(), nextUserId++, channel, payload.clone());
            Limits.checkFits(transport.maxPacketBytes(), message);
            receive(message);
        }
        outbox.deliver();
    }

    /** Asks every member the query {@code name}; completes after {@code timeout} with the answers by member. */
    public CompletionStage<Map<String, byte[]>> query(String name, byte[] payload, Duration timeout) {
        Limits.checkName("query name", name);
        Limits.checkPayload(payload);
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(WireFormat.MAX_QUERY_TIMEOUT) > 0) {
            throw new IllegalArgumentException("a query timeout must be positive and at most "
                    + WireFormat.MAX_QUERY_TIMEOUT + ", not " + timeout);
        }
        CompletableFuture<Map<String, byte[]>> result;
        synchronized (lock) {
            if (!running) {
                return CompletableFuture.failedFuture(new IllegalStateException("the gossip pool is stopped"));
            }
            long id = nextUserId++;
            Node self = table.local();
            Query query = new Query(self.name, id, self.host, self.port, timeout, name, payload.clone());
            Limits.checkFits(transport.maxPacketBytes(), query);
            result = user.ask(id).result;
            locked.schedule(timeout, () -> {
                UserMessages.PendingQuery done = user.finish(id);
                if (done != null) {
                    Map<String, byte[]> answers = Map.copyOf(done.answers);
                    outbox.add(() -> done.result.complete(answers));
                }
            });
            receive(query);
        }
        outbox.deliver();
        return result;
    }

    private void probeLoop(Duration delay) {
        locked.schedule(delay, () -> probeLoop(prober.probeNext()));
    }

    private void gossipLoop(Duration delay) {
        locked.schedule(delay, () -> {
            gossip();
            gossipLoop(config.gossipInterval());
        });
    }

    private void pushPullLoop(Duration delay) {
        locked.schedule(delay, () -> {
            table.randomNodes(1, node -> node.state == NodeState.ALIVE)
                    .forEach(node -> pushPull(Addresses.socket(node.host, node.port), false));
            pushPullLoop(config.pushPullInterval(table.liveCount()));
        });
    }

    private void reconnectLoop(Duration delay) {
        locked.schedule(delay, () -> {
            table.randomNodes(1, node -> node.state == NodeState.DEAD)
                    .forEach(node -> pushPull(Addresses.socket(node.host, node.port), false));
            reconnectLoop(config.reconnectInterval());
        });
    }

    private void reapLoop(Duration delay) {
        locked.schedule(delay, () -> {
            table.reap();
            reapLoop(config.reapInterval());
        });
    }

    /** Piggybacks queued broadcasts to random members: live ones, and recently failed ones so they can refute. */
    private void gossip() {
        long now = clock.nanoTime();
        long deadWindow = config.gossipToTheDeadTime().toNanos();
        int limit = config.retransmitLimit(table.liveCount());
        int room = transport.maxPacketBytes() - 1 - WireFormat.COMPOUND_HEADER_BYTES;
        for (Node target : table.randomNodes(config.gossipNodes(),
                node -> node.live() || now - node.stateChanged <= deadWindow)) {
            List<byte[]> parts = broadcasts.take(room, WireFormat.COMPOUND_PART_BYTES, limit);
            if (parts.isEmpty()) {
                return;
            }
            transport.send(Addresses.socket(target.host, target.port), WireFormat.packet(parts));
        }
    }

    /** Sends this member's full state to {@code address} and believes the state that comes back. */
    private CompletionStage<Void> pushPull(InetSocketAddress address, boolean join) {
        byte[] request;
        synchronized (lock) {
            request = WireFormat.packet(new PushPull(table.localName(), join, table.records()));
        }
        return transport.exchange(address, request, config.streamTimeout()).thenAccept(reply -> {
            Message message;
            try {
                message = WireFormat.decodeStream(reply);
            } catch (MalformedMessageException e) {
                malformed.incrementAndGet();
                throw new IllegalStateException("not a gossip member: " + e.getMessage(), e);
            }
            if (!(message instanceof PushPull state)) {
                throw new IllegalStateException("answered a push/pull with " + message.getClass().getSimpleName());
            }
            locked(() -> table.merge(state.from(), state.members()));
        });
    }

    private void receive(InetSocketAddress from, byte[] packet) {
        List<Message> messages;
        try {
            messages = WireFormat.decodePacket(packet);
        } catch (MalformedMessageException | RuntimeException e) {
            malformed.incrementAndGet();
            LOG.debug("Dropped a malformed datagram from {}: {}", from, e.getMessage());
            return;
        }
        locked(() -> messages.forEach(message -> {
            try {
                receive(from, message);
            } catch (RuntimeException e) {
                malformed.incrementAndGet();
                LOG.debug("Dropped a message from {} that could not be handled", from, e);
            }
        }));
    }

    private void receive(InetSocketAddress from, Message message) {
        if (message instanceof Ping ping) {
            prober.ping(from, ping);
        } else if (message instanceof IndirectPing request) {
            prober.indirectPing(from, request);
        } else if (message instanceof Ack ack) {
            prober.ack(ack);
        } else if (message instanceof Nack nack) {
            prober.nack(nack);
        } else if (message instanceof Alive alive) {
            table.alive(alive);
        } else if (message instanceof Suspect suspect) {
            table.suspect(suspect);
        } else if (message instanceof Dead dead) {
            table.dead(dead);
        } else if (message instanceof UserBroadcast broadcast) {
            receive(broadcast);
        } else if (message instanceof Query query) {
            receive(query);
        } else if (message instanceof QueryResponse response) {
            user.answer(response.id(), response.from(), response.payload());
        } else {
            LOG.debug("Ignored a {} datagram from {}", message.getClass().getSimpleName(), from);
        }
    }

    private void receive(UserBroadcast broadcast) {
        if (user.firstSight("broadcast", broadcast.origin(), broadcast.id())) {
            broadcasts.add("broadcast " + broadcast.origin() + " " + broadcast.id(), WireFormat.encode(broadcast),
                    null);
            outbox.add(() -> listener.broadcastReceived(broadcast.channel(), broadcast.origin(),
                    broadcast.payload()));
        }
    }

    private void receive(Query query) {
        if (user.firstSight("query", query.origin(), query.id())) {
            broadcasts.add("query " + query.origin() + " " + query.id(), WireFormat.encode(query), null);
            String self = table.localName();
            outbox.add(() -> listener.answerQuery(query.name(), query.origin(), query.payload())
                    .ifPresent(answer -> respond(query, self, answer)));
        }
    }

    /** Sends an answer straight to the query's origin: a datagram, or a stream if it does not fit in one. */
    private void respond(Query query, String self, byte[] answer) {
        if (answer.length > WireFormat.MAX_PAYLOAD_BYTES) {
            LOG.warn("Not answering query {}: the answer has {} bytes, at most {} are allowed", query.name(),
                    answer.length, WireFormat.MAX_PAYLOAD_BYTES);
            return;
        }
        if (query.origin().equals(self)) {
            locked(() -> user.answer(query.id(), self, answer));
            return;
        }
        byte[] packet = WireFormat.packet(new QueryResponse(query.id(), self, answer));
        InetSocketAddress origin = Addresses.socket(query.host(), query.port());
        if (packet.length <= transport.maxPacketBytes()) {
            transport.send(origin, packet);
        } else {
            transport.exchange(origin, packet, config.streamTimeout());
        }
    }

    private byte[] answer(InetSocketAddress from, byte[] request) throws IOException {
        Message message;
        try {
            message = WireFormat.decodeStream(request);
        } catch (MalformedMessageException | RuntimeException e) {
            malformed.incrementAndGet();
            throw new IOException("not a gossip message from " + from + ": " + e.getMessage(), e);
        }
        byte[] reply;
        synchronized (lock) {
            if (!running) {
                throw new IOException("this gossip member has stopped");
            }
            if (message instanceof PushPull state) {
                table.merge(state.from(), state.members());
                reply = WireFormat.packet(new PushPull(table.localName(), false, table.records()));
            } else if (message instanceof Ping ping) {
                reply = prober.streamPing(ping);
            } else if (message instanceof QueryResponse response) {
                user.answer(response.id(), response.from(), response.payload());
                reply = new byte[0];
            } else {
                reply = null;
            }
        }
        outbox.deliver();
        if (reply == null) {
            throw new IOException("unexpected " + message.getClass().getSimpleName() + " stream from " + from);
        }
        return reply;
    }

    /** Runs a protocol step under the lock (if still running), then tells the listener what happened. */
    private void locked(Runnable step) {
        synchronized (lock) {
            if (!running) {
                return;
            }
            step.run();
        }
        outbox.deliver();
    }

    private Duration stagger(Duration interval) {
        return Duration.ofNanos((long) (random.nextDouble() * interval.toNanos()));
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
