package io.cairn.gossip.internal.swim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.coordinate.Coordinate;
import io.cairn.gossip.internal.clock.Scheduler;
import io.cairn.gossip.internal.swim.Message.Alive;
import io.cairn.gossip.internal.swim.Message.Dead;
import io.cairn.gossip.internal.swim.Message.MemberRecord;
import io.cairn.gossip.internal.swim.Message.Suspect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members of one pool and SWIM's rules for what news about them to believe: a higher incarnation wins, alive
 * beats suspect and dead only with a higher incarnation, suspect starts a {@link Suspicion} and dead ends it, and
 * news that this member is suspected or dead is refuted with a higher incarnation. Every change it believes is
 * queued for gossip and reported to {@link Events} when it changes what users see. Called under the pool's lock
 * only; the scheduler it is given runs its tasks under that lock too.
 */
final class MemberTable {
    private static final Logger LOG = LoggerFactory.getLogger(MemberTable.class);

    /** What users see change; called under the lock, so implementations only queue. */
    interface Events {
        void changed(Member member, MemberStatus previous);

        void removed(Member member);
    }

    /** One member as this member knows it. */
    static final class Node {
        final String name;
        String host;
        int port;
        Map<String, String> tags;
        long incarnation;
        NodeState state;
        long stateChanged;
        Suspicion suspicion;
        Coordinate coordinate;

        Node(String name, String host, int port, Map<String, String> tags) {
            this.name = name;
            this.host = host;
            this.port = port;
            this.tags = tags;
        }

        boolean live() {
            return state == NodeState.ALIVE || state == NodeState.SUSPECT;
        }
    }

    private final SwimConfig config;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final BroadcastQueue broadcasts;
    private final Awareness awareness;
    private final Events events;
    private final Node local;
    private final Map<String, Node> nodes = new HashMap<>();
    /** Every node in random order: probed round-robin, reshuffled after each round, sampled for gossip. */
    private final List<Node> order = new ArrayList<>();
    private int probeIndex;
    private int liveCount;
    private boolean leaving;

    MemberTable(SwimConfig config, Scheduler scheduler, RandomGenerator random, BroadcastQueue broadcasts,
            Awareness awareness, Events events, String name, String host, int port, Map<String, String> tags) {
        this.config = config;
        this.scheduler = scheduler;
        this.random = random;
        this.broadcasts = broadcasts;
        this.awareness = awareness;
        this.events = events;
        local = new Node(name, host, port, Map.copyOf(tags));
        local.state = NodeState.ALIVE;
        local.incarnation = 1;
        local.stateChanged = scheduler.nanoTime();
        nodes.put(name, local);
        order.add(local);
        liveCount = 1;
    }

    String localName() {
        return local.name;
    }

    long localIncarnation() {
        return local.incarnation;
    }

    Node local() {
        return local;
    }

    Node node(String name) {
        return nodes.get(name);
    }

    /** Members that are alive or suspect, this one included: SWIM's estimate of the pool's size. */
    int liveCount() {
        return liveCount;
    }

    boolean leaving() {
        return leaving;
    }

    /** Tells the pool this member is alive, with its current incarnation and tags. */
    void announce() {
        queue(local.name, new Alive(local.incarnation, local.name, local.host, local.port, local.tags));
    }

    /** Replaces this member's tags and announces them with a new incarnation. */
    void retag(Map<String, String> tags) {
        MemberStatus previous = status(local);
        local.tags = Map.copyOf(tags);
        local.incarnation++;
        announce();
        events.changed(view(local), previous);
    }

    /**
     * Starts leaving: shows this member as leaving and tells the pool it left.
     *
     * @param spread run once the news has been gossiped its last time
     */
    void leave(Runnable spread) {
        MemberStatus previous = status(local);
        leaving = true;
        local.incarnation++;
        broadcasts.add(key(local.name), WireFormat.encode(new Dead(local.incarnation, local.name, local.name, false)),
                spread);
        events.changed(view(local), previous);
    }

    void alive(Alive alive) {
        if (alive.node().equals(local.name)) {
            if (!leaving && (alive.incarnation() > local.incarnation || alive.incarnation() == local.incarnation
                    && !(alive.tags().equals(local.tags) && alive.host().equals(local.host)
                    && alive.port() == local.port))) {
                refute(alive.incarnation());
            }
            return;
        }
        Node node = nodes.get(alive.node());
        MemberStatus previous;
        if (node == null) {
            node = new Node(alive.node(), alive.host(), alive.port(), alive.tags());
            node.state = NodeState.DEAD;
            nodes.put(node.name, node);
            order.add(node);
            Collections.swap(order, order.size() - 1, random.nextInt(order.size()));
            previous = MemberStatus.NONE;
        } else {
            if (alive.incarnation() <= node.incarnation) {
                return;
            }
            if (node.live() && !(node.host.equals(alive.host()) && node.port == alive.port())) {
                LOG.warn("Conflicting address for member {}: it is at {}:{}, and now {}:{} claims its name too",
                        node.name, node.host, node.port, alive.host(), alive.port());
                return;
            }
            previous = status(node);
        }
        Member before = previous == MemberStatus.NONE ? null : view(node);
        cancelSuspicion(node);
        node.incarnation = alive.incarnation();
        node.host = alive.host();
        node.port = alive.port();
        node.tags = Map.copyOf(alive.tags());
        setState(node, NodeState.ALIVE);
        queue(node.name, alive);
        Member after = view(node);
        if (!after.equals(before)) {
            events.changed(after, previous);
        }
    }

    void suspect(Suspect suspect) {
        Node node = nodes.get(suspect.node());
        if (node == null || suspect.incarnation() < node.incarnation) {
            return;
        }
        if (node == local) {
            if (!leaving) {
                refute(suspect.incarnation());
            }
            return;
        }
        if (node.state == NodeState.SUSPECT) {
            if (node.suspicion.confirm(suspect.from())) {
                queue(node.name, suspect);
            }
            return;
        }
        if (node.state != NodeState.ALIVE) {
            return;
        }
        node.incarnation = suspect.incarnation();
        setState(node, NodeState.SUSPECT);
        queue(node.name, suspect);
        int expected = config.suspicionMult() - 2;
        if (liveCount - 2 < expected) {
            expected = 0;
        }
        Duration min = config.suspicionMinTimeout(liveCount);
        Duration max = min.multipliedBy(config.suspicionMaxTimeoutMult());
        Node suspected = node;
        long incarnation = suspect.incarnation();
        node.suspicion = new Suspicion(suspect.from(), expected, min, max, scheduler, () -> {
            if (suspected.state == NodeState.SUSPECT && suspected.incarnation == incarnation
                    && nodes.get(suspected.name) == suspected) {
                LOG.info("Marking member {} as failed: suspect for too long without refuting", suspected.name);
                dead(new Dead(incarnation, suspected.name, local.name, false));
            }
        });
    }

    void dead(Dead dead) {
        Node node = nodes.get(dead.node());
        if (node == null || dead.incarnation() < node.incarnation) {
            return;
        }
        if (node == local) {
            if (!leaving) {
                refute(dead.incarnation());
            }
            return;
        }
        boolean upgrade = node.live() || node.state == NodeState.DEAD && dead.leave();
        if (!upgrade && !dead.prune()) {
            return;
        }
        MemberStatus previous = status(node);
        cancelSuspicion(node);
        node.incarnation = dead.incarnation();
        if (upgrade) {
            setState(node, dead.leave() ? NodeState.LEFT : NodeState.DEAD);
        }
        queue(node.name, dead);
        if (status(node) != previous) {
            events.changed(view(node), previous);
        }
        if (dead.prune()) {
            remove(node);
        }
    }

    /**
     * Believes what another member's full state says: alive members as alive, left ones as left, and suspect or
     * failed ones only as suspected by {@code from} (this member may know better, and the suspect gets its chance to
     * refute).
     */
    void merge(String from, List<MemberRecord> members) {
        for (MemberRecord member : members) {
            switch (member.state()) {
                case ALIVE -> alive(new Alive(member.incarnation(), member.name(), member.host(), member.port(),
                        member.tags()));
                case LEFT -> dead(new Dead(member.incarnation(), member.name(), member.name(), false));
                case SUSPECT, DEAD -> suspect(new Suspect(member.incarnation(), member.name(), from));
            }
        }
    }

    /** Every member as a push/pull sends it. */
    List<MemberRecord> records() {
        List<MemberRecord> records = new ArrayList<>(nodes.size());
        for (Node node : order) {
            NodeState state = node == local && leaving ? NodeState.LEFT : node.state;
            records.add(new MemberRecord(node.name, node.host, node.port, node.incarnation, state, node.tags));
        }
        return records;
    }

    /** Every member as users see it, sorted by name. */
    List<Member> members() {
        List<Member> members = new ArrayList<>(nodes.size());
        for (Node node : nodes.values()) {
            members.add(view(node));
        }
        members.sort(Comparator.comparing(Member::name));
        return members;
    }

    Member view(Node node) {
        return new Member(node.name, node.host, node.port, status(node), node.tags);
    }

    /**
     * Moves a failed member to left (it is no longer expected back), or forgets it with {@code prune}.
     *
     * @return false if there is no such member
     */
    boolean forceLeave(String name, boolean prune) {
        Node node = nodes.get(name);
        if (node == null) {
            return false;
        }
        if (node != local && (node.state == NodeState.DEAD || node.state == NodeState.LEFT && prune)) {
            dead(new Dead(node.incarnation, node.name, node.name, prune));
        }
        return true;
    }

    /** Forgets members that failed or left more than the reconnect timeout ago. */
    void reap() {
        long now = scheduler.nanoTime();
        for (Node node : new ArrayList<>(order)) {
            if (!node.live() && now - node.stateChanged > config.reconnectTimeout().toNanos()) {
                LOG.info("Reaping member {}: {} for more than {}", node.name, status(node).text(),
                        config.reconnectTimeout());
                remove(node);
            }
        }
    }

    /** The next member to probe: each alive or suspect one once per round, in an order shuffled every round. */
    Node nextProbeTarget() {
        for (int checked = 0; checked < order.size(); checked++) {
            if (probeIndex >= order.size()) {
                Collections.shuffle(order, new Random(random.nextLong()));
                probeIndex = 0;
            }
            Node node = order.get(probeIndex++);
            if (node != local && node.live()) {
                return node;
            }
        }
        return null;
    }

    /** Up to {@code count} distinct random other members that pass {@code filter}. */
    List<Node> randomNodes(int count, Predicate<Node> filter) {
        List<Node> chosen = new ArrayList<>(count);
        Set<Node> seen = new HashSet<>();
        int size = order.size();
        for (int attempt = 0; attempt < 3 * size && chosen.size() < count; attempt++) {
            Node node = order.get(random.nextInt(size));
            if (node != local && seen.add(node) && filter.test(node)) {
                chosen.add(node);
            }
        }
        return chosen;
    }

    /** Drops every suspicion timer: the pool stops. */
    void stop() {
        nodes.values().forEach(this::cancelSuspicion);
    }

    private void refute(long accused) {
        local.incarnation = Math.max(local.incarnation, accused) + 1;
        awareness.apply(1);
        announce();
    }

    private void remove(Node node) {
        cancelSuspicion(node);
        nodes.remove(node.name);
        int index = order.indexOf(node);
        order.remove(index);
        if (index < probeIndex) {
            probeIndex--;
        }
        if (node.live()) {
            liveCount--;
        }
        events.removed(view(node));
    }

    private void setState(Node node, NodeState state) {
        if (node.state == state) {
            return;
        }
        boolean wasLive = node.live();
        node.state = state;
        node.stateChanged = scheduler.nanoTime();
        liveCount += (node.live() ? 1 : 0) - (wasLive ? 1 : 0);
    }

    private void cancelSuspicion(Node node) {
        if (node.suspicion != null) {
            node.suspicion.cancel();
            node.suspicion = null;
        }
    }

    private void queue(String node, Message message) {
        broadcasts.add(key(node), WireFormat.encode(message), null);
    }

    /** The broadcast key of news about a member: newer news replaces older news about the same member. */
    private static String key(String node) {
        return "member " + node;
    }

    private MemberStatus status(Node node) {
        if (node == local) {
            return leaving ? MemberStatus.LEAVING : MemberStatus.ALIVE;
        }
        return switch (Objects.requireNonNull(node.state)) {
            case ALIVE, SUSPECT -> MemberStatus.ALIVE;
            case DEAD -> MemberStatus.FAILED;
            case LEFT -> MemberStatus.LEFT;
        };
    }
}
