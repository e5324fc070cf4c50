package io.cairn.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.cairn.acl.api.Authorizer;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.ServiceEntry;

/**
 * What one request's token may read of the catalog, decided as Consul's ACL filter decides it: a node needs
 * {@code node:read} on it, a service instance or a service check also {@code service:read} on its service, a
 * service name in the services map {@code service:read}, a coordinate {@code node:read} on its node. Lists keep
 * what may be read, and the filter remembers whether it left anything out, for
 * {@link io.cairn.http.api.Request#filteredByAcls}. One instance serves one answer.
 */
final class CatalogAclFilter {

    private final Authorizer acl;
    private boolean removed;

    CatalogAclFilter(Authorizer acl) {
        this.acl = acl;
    }

    /** Whether any list or map this filter was given lost an element. */
    boolean removedAny() {
        return removed;
    }

    List<Node> nodes(List<Node> nodes) {
        return keep(nodes, node -> acl.nodeRead(node.node()));
    }

    /** Instances, each with its node (Consul's {@code ServiceNodes} and {@code CheckServiceNodes}). */
    List<ServiceEntry> instances(List<ServiceEntry> entries) {
        return keep(entries, entry -> acl.nodeRead(entry.node().node())
                && acl.serviceRead(entry.service().service()));
    }

    /** Checks: node-level ones need {@code node:read}, service checks also {@code service:read}. */
    List<HealthCheck> checks(List<HealthCheck> checks) {
        return keep(checks, check -> acl.nodeRead(check.node())
                && (check.serviceName().isEmpty() || acl.serviceRead(check.serviceName())));
    }

    /** The service name to tags map, without the services the token may not read. */
    Map<String, List<String>> services(Map<String, List<String>> services) {
        Map<String, List<String>> readable = new TreeMap<>(services);
        removed |= readable.keySet().removeIf(name -> !acl.serviceRead(name));
        return readable;
    }

    /** A node and its instances: nothing when the node may not be read, else only the readable instances. */
    Optional<NodeServices> nodeServices(Optional<NodeServices> found) {
        if (found.isEmpty()) {
            return found;
        }
        if (!acl.nodeRead(found.get().node().node())) {
            removed = true;
            return Optional.empty();
        }
        List<NodeService> services = keep(found.get().services(), service -> acl.serviceRead(service.service()));
        return Optional.of(new NodeServices(found.get().node(), services));
    }

    List<StoredCoordinate> coordinates(List<StoredCoordinate> coordinates) {
        return keep(coordinates, coordinate -> acl.nodeRead(coordinate.node()));
    }

    private <T> List<T> keep(List<T> all, Predicate<T> readable) {
        List<T> kept = all.stream().filter(readable).toList();
        removed |= kept.size() < all.size();
        return kept;
    }
}
