package io.cairn.session.api;

import java.time.Duration;
import java.util.List;

/**
 * A session as Consul describes it. It lives until it is destroyed, its TTL runs out without renewal, its node
 * leaves the catalog, or one of its checks turns critical; then the keys it holds are released or deleted
 * ({@link #behavior}) and stay closed to new acquisitions for {@link #lockDelay}.
 *
 * @param id            the session's UUID
 * @param name          a human-readable name, may be {@code ""}
 * @param node          the node the session is bound to
 * @param lockDelay     how long released keys refuse new acquisitions
 * @param behavior      what happens to held keys on invalidation
 * @param ttl           how long the session lives without renewal; {@link Duration#ZERO} for no TTL
 * @param nodeChecks    node-level check IDs the session is bound to
 * @param serviceChecks service-level checks the session is bound to
 * @param createIndex   Raft index that created it
 * @param modifyIndex   Raft index that last changed it
 */
public record Session(String id, String name, String node, Duration lockDelay, SessionBehavior behavior,
        Duration ttl, List<String> nodeChecks, List<ServiceCheck> serviceChecks, long createIndex,
        long modifyIndex) {

    public Session {
        name = name == null ? "" : name;
        lockDelay = lockDelay == null ? Duration.ZERO : lockDelay;
        behavior = behavior == null ? SessionBehavior.RELEASE : behavior;
        ttl = ttl == null ? Duration.ZERO : ttl;
        nodeChecks = nodeChecks == null ? List.of() : List.copyOf(nodeChecks);
        serviceChecks = serviceChecks == null ? List.of() : List.copyOf(serviceChecks);
    }

    /** Every check ID the session is bound to, node checks first. */
    public List<String> checkIds() {
        return java.util.stream.Stream.concat(nodeChecks.stream(), serviceChecks.stream().map(ServiceCheck::id))
                .toList();
    }
}
