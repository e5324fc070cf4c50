package io.cairn.forward.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;

/**
 * The servers of this datacenter a client agent can send requests to, as the LAN pool knows them: alive members
 * with {@code role=consul}, this datacenter in {@code dc}, and an {@code http_addr} tag, or an {@code https_addr}
 * tag, which a client agent with an HTTPS listener of its own prefers (it presents that listener's certificate and
 * trusts its CAs).
 * <p>
 * One of them is the current server, kept for every request until it fails; then the next one takes over and
 * the failed one goes to the back of the line, as Consul's client agents rotate their servers. The first order
 * is random, so that client agents spread over the servers, and a server that joins later takes a random place
 * behind the current one.
 * <p>
 * The pool reads the membership again at most every {@link #REFRESH} (a server that gossip declares failed or
 * that left is dropped, a new one added), and at once after a failure. Reading it on demand rather than listening
 * to membership events leaves nothing to miss between a first read and a listener's registration.
 */
final class ServerPool {
    private static final Logger LOG = LoggerFactory.getLogger(ServerPool.class);
    /** The longest the pool goes without reading the membership again while it is used. */
    static final Duration REFRESH = Duration.ofSeconds(1);
    /** The member tags of a server's plain HTTP and HTTPS listeners ({@code ip:port}). */
    static final String HTTP_ADDR = "http_addr";
    static final String HTTPS_ADDR = "https_addr";

    private final Supplier<List<Member>> members;
    private final String datacenter;
    private final boolean https;
    private final LongSupplier nanoTime;
    private final RandomGenerator random;
    /** The current server first, then the others in the order they take over; guarded by this. */
    private final List<Server> rotation = new ArrayList<>();
    private long readAt;
    private boolean read;

    /**
     * @param members    the LAN pool's members now
     * @param datacenter this agent's datacenter: servers of others are never used
     * @param https      whether to reach a server's HTTPS listener where it has one (its {@code https_addr} tag)
     * @param nanoTime   the clock that decides when to read the membership again
     * @param random     picks the first order and the places of servers that join
     */
    ServerPool(Supplier<List<Member>> members, String datacenter, boolean https, LongSupplier nanoTime,
            RandomGenerator random) {
        this.members = members;
        this.datacenter = datacenter;
        this.https = https;
        this.nanoTime = nanoTime;
        this.random = random;
    }

    /** The server to send a request to now; empty when no server of this datacenter is known. */
    synchronized Optional<Server> current() {
        refreshIfDue();
        return rotation.isEmpty() ? Optional.empty() : Optional.of(rotation.get(0));
    }

    /**
     * Reports that {@code server} did not answer (or answered that it cannot serve): if it is the current one,
     * the next takes over and it goes to the back of the line. A report about a server that is no longer current
     * (another request noticed first) changes nothing. The membership is read again before the next request.
     */
    synchronized void failed(Server server, String reason) {
        read = false;
        if (rotation.isEmpty() || !rotation.get(0).equals(server)) {
            return;
        }
        rotation.add(rotation.remove(0));
        if (rotation.size() == 1) {
            LOG.warn("Server {} failed ({}); no other server is known", server, reason);
        } else {
            LOG.warn("Server {} failed ({}); requests go to {} now", server, reason, rotation.get(0));
        }
    }

    /** Every usable server, the current one first; for tests and logs. */
    synchronized List<Server> servers() {
        refreshIfDue();
        return List.copyOf(rotation);
    }

    private void refreshIfDue() {
        long now = nanoTime.getAsLong();
        if (read && now - readAt < REFRESH.toNanos()) {
            return;
        }
        read = true;
        readAt = now;
        List<Server> known = usable(members.get());
        Server before = rotation.isEmpty() ? null : rotation.get(0);
        rotation.retainAll(known);
        for (Server server : known) {
            if (!rotation.contains(server)) {
                // a uniformly random place at first; later never ahead of the current server, kept until it fails
                int place = rotation.isEmpty() ? 0 : before == null ? random.nextInt(rotation.size() + 1)
                        : 1 + random.nextInt(rotation.size());
                rotation.add(place, server);
            }
        }
        Server after = rotation.isEmpty() ? null : rotation.get(0);
        if (after != null && !after.equals(before)) {
            LOG.info("Requests to the servers of {} go to {} (known: {})", datacenter, after, rotation);
        } else if (after == null && before != null) {
            LOG.warn("No server of {} is alive in the LAN pool any more", datacenter);
        }
    }

    private List<Server> usable(List<Member> all) {
        List<Server> servers = new ArrayList<>();
        for (Member member : all) {
            boolean https = this.https && member.tags().containsKey(HTTPS_ADDR);
            String tag = https ? HTTPS_ADDR : HTTP_ADDR;
            String address = member.tags().get(tag);
            if (member.status() == MemberStatus.ALIVE && member.server()
                    && datacenter.equals(member.tags().get("dc")) && address != null) {
                Server.of(member.name(), address, https).ifPresentOrElse(servers::add,
                        () -> LOG.debug("Server {} has an unusable {} tag '{}'", member.name(), tag, address));
            }
        }
        return servers;
    }
}
