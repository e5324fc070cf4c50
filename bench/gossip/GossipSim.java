import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.gossip.internal.clock.VirtualScheduler;
import io.cairn.gossip.internal.sim.MemoryNetwork;
import io.cairn.gossip.internal.swim.GossipPool;
import io.cairn.gossip.internal.swim.NodeState;
import io.cairn.gossip.internal.swim.PoolListener;
import io.cairn.gossip.internal.swim.SwimConfig;
import io.cairn.gossip.internal.transport.Transport;

/**
 * The gossip simulation benchmark (issue 19): {@code members} gossip pools of {@code io.cairn.gossip} (SWIM with
 * Lifeguard, Consul's LAN profile {@link SwimConfig#lan()}) on the in-memory network ({@link MemoryNetwork}, 1 ms
 * one-way latency) driven by a virtual clock ({@link VirtualScheduler}), so a run is CPU-bound and depends only on
 * the seed. In order it:
 * <ol>
 * <li>joins every member to the first one, {@code --join-spacing-ms} apart, and runs until every member sees every
 * other one alive, then {@code --settle-s} more so that the join news has drained;</li>
 * <li>runs {@code --minutes} virtual minutes at each datagram loss in {@code --losses} (percent; streams are never
 * lost), counting members wrongly declared failed, refutations (incarnation increases of running members) and the
 * bytes each member sends per second, datagrams (UDP) and streams (TCP: requests that reached a listener, and the
 * replies it answers) apart;</li>
 * <li>after {@code --settle-s} without loss, kills {@code --kills} members one after another
 * ({@link GossipPool#stop()}: a crash, nothing said), each a random 5–15 s after the last one was known failed
 * everywhere, and measures the virtual time from the kill until the first member suspects it, the first declares
 * it failed, and every running member has it failed.</li>
 * </ol>
 * Probes that get no ack over UDP are retried over a stream as memberlist does ({@code --tcp-pings on}, Consul's
 * default); {@code --tcp-pings off} leaves UDP alone, to show what suspicion and refutation do under loss.
 * Every member gossips a client agent's eight tags ({@code --tags agent}, about 150 bytes) or none ({@code --tags
 * none}: each member keeps every other member's tags, so memory grows with the square of the pool's size).
 * Prints progress on stderr and one {@code RESULT} line per measurement on stdout ({@code bench/gossip.sh} makes
 * the table):
 *
 * <pre>java -cp &lt;gossip, agent api, gossip api, coordinate and slf4j jars&gt; bench/gossip/GossipSim.java \
 *     --members 1000 --seed 1 --kills 5 --minutes 10 --losses 0,5,10</pre>
 *
 * Who first suspects a member is not something the pool reports to its listener (suspects are shown alive), so
 * this program reads each pool's package-private {@code state(String)} and {@code incarnation(String)} by
 * reflection; it stops with an error naming the method if a later version of the pool drops them.
 */
public final class GossipSim {
    private static final int FIRST_PORT = 10_000;
    private static final int MAX_MEMBERS = 65_535 - FIRST_PORT;
    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration KILL_DEADLINE = Duration.ofMinutes(10);
    private static final Duration CONVERGE_DEADLINE = Duration.ofHours(2);

    private final SwimConfig config;
    private final VirtualScheduler clock = new VirtualScheduler();
    private final MemoryNetwork network;
    private final Random seeds;
    private final Random random;
    private final Options options;
    private final List<GossipPool> pools = new ArrayList<>();
    private final List<CountingTransport> transports = new ArrayList<>();
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final Set<Integer> killed = new HashSet<>();
    /** Per observer, how many other members it sees alive. */
    private int[] seenAlive;
    private int observersConverged;
    /** The member being killed, if any, and what the others said about it since. */
    private String victim;
    private int victimFailedBy;
    private long victimFirstFailed = -1;
    private long falseFailures;
    private final Set<String> falselyFailed = new HashSet<>();
    private final Method stateOf;
    private final Method incarnationOf;

    private record Options(int members, long seed, int kills, int minutes, int[] losses, int joinSpacingMs,
            int settleSeconds, boolean agentTags, boolean tcpPings) {
    }

    /** Counts what its member sends: datagrams apart from streams (requests, and the replies it gives). */
    private static final class CountingTransport implements Transport {
        final Transport inner;
        long udpBytes;
        long tcpBytes;

        CountingTransport(Transport inner) {
            this.inner = inner;
        }

        @Override
        public InetSocketAddress localAddress() {
            return inner.localAddress();
        }

        @Override
        public int maxPacketBytes() {
            return inner.maxPacketBytes();
        }

        @Override
        public void send(InetSocketAddress to, byte[] packet) {
            udpBytes += packet.length;
            inner.send(to, packet);
        }

        /** A refused connection sends nothing (as over TCP), so its request is not counted. */
        @Override
        public CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
            return inner.exchange(to, request, timeout).whenComplete((reply, failure) -> {
                if (!(rootCause(failure) instanceof ConnectException)) {
                    tcpBytes += request.length;
                }
            });
        }

        @Override
        public void start(Receiver receiver) throws IOException {
            inner.start(new Receiver() {
                @Override
                public void packet(InetSocketAddress from, byte[] packet) {
                    receiver.packet(from, packet);
                }

                @Override
                public byte[] exchange(InetSocketAddress from, byte[] request) throws IOException {
                    byte[] reply = receiver.exchange(from, request);
                    tcpBytes += reply.length;
                    return reply;
                }
            });
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /** What one member's pool reports: counted into the simulation's convergence and failure figures. */
    private final class Observer implements PoolListener {
        final int index;
        final String self;

        Observer(int index, String self) {
            this.index = index;
            this.self = self;
        }

        @Override
        public void memberChanged(Member member, MemberStatus previous) {
            if (member.name().equals(self)) {
                return;
            }
            boolean was = previous == MemberStatus.ALIVE;
            boolean is = member.status() == MemberStatus.ALIVE;
            if (is && !was && ++seenAlive[index] == options.members() - 1) {
                observersConverged++;
            } else if (was && !is && seenAlive[index]-- == options.members() - 1) {
                observersConverged--;
            }
            if (member.status() == MemberStatus.FAILED) {
                failed(member.name());
            }
        }

        @Override
        public void memberRemoved(Member member) {
        }

        @Override
        public void broadcastReceived(String channel, String origin, byte[] payload) {
        }

        @Override
        public Optional<byte[]> answerQuery(String name, String origin, byte[] payload) {
            return Optional.empty();
        }
    }

    private GossipSim(Options options) {
        this.options = options;
        this.config = SwimConfig.lan().withTcpFallbackPing(options.tcpPings());
        this.seeds = new Random(options.seed());
        this.network = new MemoryNetwork(clock, seeds.nextLong());
        this.random = new Random(seeds.nextLong());
        this.stateOf = packagePrivate("state");
        this.incarnationOf = packagePrivate("incarnation");
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("GossipSim: " + e.getMessage());
            System.err.println("usage: GossipSim --members N [--seed S] [--kills K] [--minutes M] [--losses 0,5,10]"
                    + " [--join-spacing-ms MS] [--settle-s S] [--tags agent|none] [--tcp-pings on|off]");
            System.exit(2);
            return;
        }
        new GossipSim(options).run();
    }

    private void run() {
        long wallStart = System.nanoTime();
        join();
        for (int loss : options.losses()) {
            steady(loss);
        }
        clock.advance(Duration.ofSeconds(options.settleSeconds()));
        for (int kill = 1; kill <= options.kills(); kill++) {
            kill(kill);
        }
        print("done", "members=" + options.members(), "wall_s=" + wall(wallStart));
    }

    /** Starts every member, joins each to the first, and runs until all see all alive, then settles. */
    private void join() {
        long wallStart = System.nanoTime();
        int n = options.members();
        seenAlive = new int[n];
        for (int i = 0; i < n; i++) {
            String name = String.format(Locale.ROOT, "node-%05d", i);
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), FIRST_PORT + i);
            CountingTransport transport = new CountingTransport(network.transport(address));
            Map<String, String> tags = options.agentTags() ? agentTags() : Map.of();
            GossipPool pool = new GossipPool(name, tags, config, transport, clock, new Random(seeds.nextLong()),
                    new Observer(i, name));
            try {
                pool.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pools.add(pool);
            transports.add(transport);
            indexOf.put(name, i);
        }
        List<InetSocketAddress> seed = List.of(transports.get(0).localAddress());
        Duration spacing = Duration.ofMillis(options.joinSpacingMs());
        for (int i = 1; i < n; i++) {
            pools.get(i).join(seed);
            clock.advance(spacing);
            if (i % 500 == 0) {
                log("joined " + i + " of " + n);
            }
        }
        long joined = clock.nanoTime();
        long deadline = joined + CONVERGE_DEADLINE.toNanos();
        while (observersConverged < n) {
            if (clock.nanoTime() > deadline) {
                throw new IllegalStateException("the pool did not converge within " + CONVERGE_DEADLINE + ": "
                        + observersConverged + " of " + n + " members see everyone alive");
            }
            clock.advance(Duration.ofSeconds(1));
            if (clock.nanoTime() / 1_000_000_000L % 30 == 0) {
                log(observersConverged + " of " + n + " members see everyone alive at " + seconds(clock.nanoTime())
                        + " s");
            }
        }
        print("converged", "members=" + n, "tags=" + (options.agentTags() ? "agent" : "none"),
                "tcp_pings=" + (options.tcpPings() ? "on" : "off"), "joined_s=" + seconds(joined),
                "converged_s=" + seconds(clock.nanoTime()), "wall_s=" + wall(wallStart));
        clock.advance(Duration.ofSeconds(options.settleSeconds()));
    }

    /** Kills one random running member and times how the others learn of it. */
    private void kill(int round) {
        clock.advance(Duration.ofMillis(5_000 + random.nextInt(10_000)));
        int index = randomRunning();
        GossipPool target = pools.get(index);
        victim = target.name();
        victimFailedBy = 0;
        victimFirstFailed = -1;
        int observers = running().size() - 1;
        long start = clock.nanoTime();
        long firstSuspect = -1;
        killed.add(index);
        target.stop();
        long deadline = start + KILL_DEADLINE.toNanos();
        while (victimFailedBy < observers && clock.nanoTime() < deadline) {
            clock.advance(POLL);
            if (firstSuspect < 0 && anyoneSuspects(victim)) {
                firstSuspect = clock.nanoTime();
            }
        }
        long allFailed = victimFailedBy >= observers ? clock.nanoTime() : -1;
        print("kill", "members=" + options.members(), "round=" + round, "victim=" + victim,
                "first_suspect_ms=" + millis(firstSuspect, start),
                "first_failed_ms=" + millis(victimFirstFailed, start), "all_failed_ms=" + millis(allFailed, start),
                "failed_by=" + victimFailedBy, "observers=" + observers);
        victim = null;
    }

    /** Runs {@code minutes} at {@code loss} percent datagram loss and reports failures, refutations and bytes. */
    private void steady(int loss) {
        network.loss(loss / 100.0);
        List<Integer> live = running();
        long[] udp = new long[pools.size()];
        long[] tcp = new long[pools.size()];
        long incarnations = 0;
        for (int i : live) {
            udp[i] = transports.get(i).udpBytes;
            tcp[i] = transports.get(i).tcpBytes;
            incarnations += incarnation(pools.get(i));
        }
        falseFailures = 0;
        falselyFailed.clear();
        long wallStart = System.nanoTime();
        for (int minute = 1; minute <= options.minutes(); minute++) {
            clock.advance(Duration.ofMinutes(1));
            log("loss " + loss + " %: minute " + minute + " of " + options.minutes() + ", " + falselyFailed.size()
                    + " members wrongly failed so far");
        }
        double secondsRun = options.minutes() * 60.0;
        double udpSum = 0;
        double tcpSum = 0;
        double maxTotal = 0;
        long refutations = -incarnations;
        for (int i : live) {
            long u = transports.get(i).udpBytes - udp[i];
            long t = transports.get(i).tcpBytes - tcp[i];
            udpSum += u;
            tcpSum += t;
            maxTotal = Math.max(maxTotal, (u + t) / secondsRun);
            refutations += incarnation(pools.get(i));
        }
        int count = live.size();
        print("steady", "members=" + options.members(), "tcp_pings=" + (options.tcpPings() ? "on" : "off"),
                "loss_pct=" + loss, "minutes=" + options.minutes(),
                "running=" + count, "false_failed_members=" + falselyFailed.size(),
                "false_failed_events=" + falseFailures, "refutations=" + refutations,
                "udp_Bps=" + round(udpSum / count / secondsRun), "tcp_Bps=" + round(tcpSum / count / secondsRun),
                "max_member_Bps=" + round(maxTotal), "wall_s=" + wall(wallStart));
        network.loss(0);
    }

    private void failed(String member) {
        if (member.equals(victim)) {
            victimFailedBy++;
            if (victimFirstFailed < 0) {
                victimFirstFailed = clock.nanoTime();
            }
        } else if (!killed.contains(indexOf.get(member))) {
            falseFailures++;
            falselyFailed.add(member);
        }
    }

    private boolean anyoneSuspects(String member) {
        for (int i : running()) {
            Optional<?> state = (Optional<?>) invoke(stateOf, pools.get(i), member);
            if (state.isPresent() && state.get() != NodeState.ALIVE) {
                return true;
            }
        }
        return false;
    }

    private long incarnation(GossipPool pool) {
        return (Long) invoke(incarnationOf, pool, pool.name());
    }

    private List<Integer> running() {
        List<Integer> live = new ArrayList<>(pools.size());
        for (int i = 0; i < pools.size(); i++) {
            if (!killed.contains(i)) {
                live.add(i);
            }
        }
        return live;
    }

    private int randomRunning() {
        List<Integer> live = running();
        if (live.size() < 3) {
            throw new IllegalStateException("too few members left to kill another one: " + live.size());
        }
        return live.get(random.nextInt(live.size()));
    }

    /** A client agent's tags as Cairn's gossip component sets them (docs/agents-and-gossip.md). */
    private Map<String, String> agentTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("role", "node");
        tags.put("dc", "dc1");
        tags.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
        tags.put("build", "0.1.0:0000000");
        tags.put("vsn", "2");
        tags.put("vsn_min", "2");
        tags.put("vsn_max", "3");
        tags.put("segment", "");
        return tags;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Method packagePrivate(String name) {
        try {
            Method method = GossipPool.class.getDeclaredMethod(name, String.class);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("GossipPool no longer has " + name + "(String), which this benchmark"
                    + " reads; update bench/gossip/GossipSim.java", e);
        }
    }

    private static Object invoke(Method method, GossipPool pool, String member) {
        try {
            return method.invoke(pool, member);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("could not read GossipPool." + method.getName() + ": " + e, e);
        }
    }

    private static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>(Map.of("--seed", "1", "--kills", "5", "--minutes", "10",
                "--losses", "0,5,10", "--join-spacing-ms", "50", "--settle-s", "60", "--tags", "agent",
                "--tcp-pings", "on"));
        Set<String> known = Set.of("--members", "--seed", "--kills", "--minutes", "--losses", "--join-spacing-ms",
                "--settle-s", "--tags", "--tcp-pings");
        for (int i = 0; i < args.length; i += 2) {
            if (!known.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + known);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            values.put(args[i], args[i + 1]);
        }
        if (!values.containsKey("--members")) {
            throw new IllegalArgumentException("--members is required");
        }
        String tags = values.get("--tags");
        if (!tags.equals("agent") && !tags.equals("none")) {
            throw new IllegalArgumentException("--tags is agent (a client agent's eight tags) or none, not " + tags);
        }
        String tcpPings = values.get("--tcp-pings");
        if (!tcpPings.equals("on") && !tcpPings.equals("off")) {
            throw new IllegalArgumentException("--tcp-pings is on (Consul's default) or off, not " + tcpPings);
        }
        int[] losses = Arrays.stream(values.get("--losses").split(",")).mapToInt(s -> number("--losses", s, 0, 100))
                .toArray();
        return new Options(number("--members", values.get("--members"), 3, MAX_MEMBERS),
                number("--seed", values.get("--seed"), Integer.MIN_VALUE, Integer.MAX_VALUE),
                number("--kills", values.get("--kills"), 0, 100), number("--minutes", values.get("--minutes"), 1, 600),
                losses, number("--join-spacing-ms", values.get("--join-spacing-ms"), 0, 60_000),
                number("--settle-s", values.get("--settle-s"), 0, 3_600), tags.equals("agent"),
                tcpPings.equals("on"));
    }

    private static int number(String option, String text, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not \"" + text + "\"");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    private static void print(String kind, String... fields) {
        System.out.println("RESULT " + kind + " " + String.join(" ", fields));
        System.out.flush();
    }

    private static void log(String message) {
        System.err.printf(Locale.ROOT, "[GossipSim] %s%n", message);
    }

    private static String millis(long at, long start) {
        return at < 0 ? "none" : Long.toString((at - start) / 1_000_000L);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private static String wall(long startNanos) {
        return seconds(System.nanoTime() - startNanos);
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
