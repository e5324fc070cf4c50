package io.cairn.session.api;

import java.time.Duration;
import java.util.List;

/**
 * A session to create, with Consul's defaults already decided by the caller (the HTTP API applies them:
 * the agent's node, {@code serfHealth}, 15 s lock delay, {@code release}).
 *
 * @param name          a human-readable name
 * @param node          the node to bind to; must be registered in the catalog
 * @param lockDelay     0 to 60 s (longer is cut to 60 s, as in Consul)
 * @param behavior      what happens to held keys on invalidation
 * @param ttl           {@link Duration#ZERO} for none, else between {@link Sessions#MIN_TTL} and
 *                      {@link Sessions#MAX_TTL}
 * @param nodeChecks    node-level check IDs to bind to; each must exist on the node and not be critical
 * @param serviceChecks service-level checks to bind to; same rule
 */
public record SessionRequest(String name, String node, Duration lockDelay, SessionBehavior behavior, Duration ttl,
        List<String> nodeChecks, List<ServiceCheck> serviceChecks) {

    public SessionRequest {
        name = name == null ? "" : name;
        node = node == null ? "" : node;
        lockDelay = lockDelay == null ? Duration.ZERO : lockDelay;
        behavior = behavior == null ? SessionBehavior.RELEASE : behavior;
        ttl = ttl == null ? Duration.ZERO : ttl;
        nodeChecks = nodeChecks == null ? List.of() : List.copyOf(nodeChecks);
        serviceChecks = serviceChecks == null ? List.of() : List.copyOf(serviceChecks);
    }
}
