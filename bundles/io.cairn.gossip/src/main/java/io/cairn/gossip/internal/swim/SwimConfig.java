package io.cairn.gossip.internal.swim;

import java.time.Duration;

/**
 * How one gossip pool runs: the timings of SWIM with Lifeguard and of the periodic full-state exchanges, with
 * Consul's LAN and WAN profiles as {@link #lan()} and {@link #wan()}.
 *
 * @param probeInterval           how often this member probes another one
 * @param probeTimeout            how long a direct probe waits for its ack before asking others to probe
 * @param indirectChecks          how many other members are asked to probe a member that did not answer
 * @param suspicionMult           the suspicion timeout is {@code suspicionMult * max(1, log10(N)) * probeInterval}
 *                                once enough members confirmed it
 * @param suspicionMaxTimeoutMult how many times that the suspicion timeout starts at, before confirmations
 * @param awarenessMaxMultiplier  local-health score limit: this member's probe interval and timeout stretch up to
 *                                this many times while its own probes go unanswered
 * @param gossipInterval          how often queued broadcasts are piggybacked to random members
 * @param gossipNodes             how many random members each gossip round goes to
 * @param gossipToTheDeadTime     how long a failed or left member still gets gossip (so it can refute)
 * @param pushPullInterval        how often the full state is exchanged with one random member (stretched for
 *                                pools of more than 32 members)
 * @param retransmitMult          a broadcast is sent {@code retransmitMult * ceil(log10(N + 1))} times
 * @param streamTimeout           how long a stream exchange (join, push/pull, fallback ping) may take
 * @param tcpFallbackPing         whether an unanswered probe is also tried over a stream, so that a network that
 *                                drops datagrams does not make members look failed
 * @param reconnectInterval       how often one failed member is contacted again, so that pools split by a network
 *                                partition merge when it heals
 * @param reconnectTimeout        how long failed and left members are kept before they are reaped
 * @param reapInterval            how often members are checked for reaping
 * @param maxQueuedBroadcasts     the most broadcasts waiting to be gossiped; beyond it the most retransmitted are
 *                                dropped first
 */
public record SwimConfig(Duration probeInterval, Duration probeTimeout, int indirectChecks, int suspicionMult,
        int suspicionMaxTimeoutMult, int awarenessMaxMultiplier, Duration gossipInterval, int gossipNodes,
        Duration gossipToTheDeadTime, Duration pushPullInterval, int retransmitMult, Duration streamTimeout,
        boolean tcpFallbackPing, Duration reconnectInterval, Duration reconnectTimeout, Duration reapInterval,
        int maxQueuedBroadcasts) {

    public SwimConfig {
        positive("probeInterval", probeInterval);
        positive("probeTimeout", probeTimeout);
        if (probeTimeout.compareTo(probeInterval) > 0) {
            throw new IllegalArgumentException("probeTimeout " + probeTimeout + " must not exceed probeInterval "
                    + probeInterval);
        }
        positive("gossipInterval", gossipInterval);
        positive("gossipToTheDeadTime", gossipToTheDeadTime);
        positive("pushPullInterval", pushPullInterval);
        positive("streamTimeout", streamTimeout);
        positive("reconnectInterval", reconnectInterval);
        positive("reconnectTimeout", reconnectTimeout);
        positive("reapInterval", reapInterval);
        atLeast("indirectChecks", indirectChecks, 0);
        atLeast("suspicionMult", suspicionMult, 1);
        atLeast("suspicionMaxTimeoutMult", suspicionMaxTimeoutMult, 1);
        atLeast("awarenessMaxMultiplier", awarenessMaxMultiplier, 1);
        atLeast("gossipNodes", gossipNodes, 1);
        atLeast("retransmitMult", retransmitMult, 1);
        atLeast("maxQueuedBroadcasts", maxQueuedBroadcasts, 16);
    }

    /** Consul's LAN pool: memberlist's LAN profile with Serf's reconnect and reap timings. */
    public static SwimConfig lan() {
        return new SwimConfig(Duration.ofSeconds(1), Duration.ofMillis(500), 3, 4, 6, 8, Duration.ofMillis(200), 3,
                Duration.ofSeconds(30), Duration.ofSeconds(30), 4, Duration.ofSeconds(10), true,
                Duration.ofSeconds(30), Duration.ofHours(72), Duration.ofSeconds(15), 4096);
    }

    /** Consul's WAN pool of servers: slower probes, longer suspicion, more gossip targets. */
    public static SwimConfig wan() {
        return new SwimConfig(Duration.ofSeconds(5), Duration.ofSeconds(3), 3, 6, 6, 8, Duration.ofMillis(500), 4,
                Duration.ofSeconds(60), Duration.ofSeconds(60), 4, Duration.ofSeconds(30), true,
                Duration.ofSeconds(30), Duration.ofHours(72), Duration.ofSeconds(15), 4096);
    }

    /** This configuration with another {@link #reconnectTimeout}. */
    public SwimConfig withReconnectTimeout(Duration timeout) {
        return new SwimConfig(probeInterval, probeTimeout, indirectChecks, suspicionMult, suspicionMaxTimeoutMult,
                awarenessMaxMultiplier, gossipInterval, gossipNodes, gossipToTheDeadTime, pushPullInterval,
                retransmitMult, streamTimeout, tcpFallbackPing, reconnectInterval, timeout, reapInterval,
                maxQueuedBroadcasts);
    }

    /** This configuration with fallback stream pings on or off. */
    public SwimConfig withTcpFallbackPing(boolean enabled) {
        return new SwimConfig(probeInterval, probeTimeout, indirectChecks, suspicionMult, suspicionMaxTimeoutMult,
                awarenessMaxMultiplier, gossipInterval, gossipNodes, gossipToTheDeadTime, pushPullInterval,
                retransmitMult, streamTimeout, enabled, reconnectInterval, reconnectTimeout, reapInterval,
                maxQueuedBroadcasts);
    }

    /**
     * The suspicion timeout once confirmed, Lifeguard's minimum: {@code suspicionMult * max(1, log10(N)) *
     * probeInterval} for a pool of {@code members} members.
     */
    public Duration suspicionMinTimeout(int members) {
        double scale = Math.max(1.0, Math.log10(Math.max(1.0, members)));
        return Duration.ofNanos((long) (suspicionMult * scale * probeInterval.toNanos()));
    }

    /** How many times a broadcast is sent in a pool of {@code members} members. */
    public int retransmitLimit(int members) {
        return retransmitMult * (int) Math.ceil(Math.log10(members + 1.0));
    }

    /** The push/pull interval for a pool of {@code members}: doubled for every doubling beyond 32 members. */
    public Duration pushPullInterval(int members) {
        if (members <= 32) {
            return pushPullInterval;
        }
        double factor = Math.ceil(Math.log(members) / Math.log(2) - Math.log(32) / Math.log(2)) + 1.0;
        return Duration.ofNanos((long) (pushPullInterval.toNanos() * factor));
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
    }

    private static void atLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", not " + value);
        }
    }
}
