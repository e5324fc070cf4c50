package io.cairn.agent.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.Registration;

/**
 * The catalog writes that make the catalog's view of this node equal the agent's (Consul's anti-entropy):
 * catalog-only services and checks go, missing or different ones are registered again.
 * <p>
 * A service whose tags may be overridden ({@code EnableTagOverride}) keeps tags set in the catalog directly, and
 * the agent's view takes them, as Consul's does; but a service the agent registered or changed since the last
 * sync is written as registered, tags included: tag override is for edits made in the catalog, not for the
 * agent's own new registration (Patroni re-registers with new role tags after a failover).
 *
 * @param deregistrations to apply first
 * @param registrations   to apply next, the node's own first
 * @param catalogTags     by service ID, the catalog's tags the agent's view of a tag-override service takes
 */
record SyncPlan(List<Deregistration> deregistrations, List<Registration> registrations,
        Map<String, List<String>> catalogTags) {

    /** Whether the catalog needs no writes. */
    boolean isEmpty() {
        return deregistrations.isEmpty() && registrations.isEmpty();
    }

    /**
     * @param node                the node as it should be
     * @param services            the services as they should be
     * @param checks              the checks as they should be (node checks and service checks); the catalog's
     *                            {@code serfHealth} is the leader's, from gossip, and is left alone, as is the
     *                            {@code consul} service the leader registers on servers
     * @param catalogNode         the node in the catalog, if it is there
     * @param catalogServices     its services in the catalog
     * @param catalogChecks       its checks in the catalog
     * @param registeredSinceSync IDs of the services the agent registered or changed since a sync last matched
     *                            them: their own tags win even with {@code EnableTagOverride}
     */
    static SyncPlan between(Node node, List<NodeService> services, List<HealthCheck> checks,
            Optional<Node> catalogNode, List<NodeService> catalogServices, List<HealthCheck> catalogChecks,
            Set<String> registeredSinceSync) {
        Map<String, NodeService> theirServices = byId(catalogServices, NodeService::id);
        Map<String, HealthCheck> theirChecks = byId(catalogChecks, HealthCheck::checkId);
        Set<String> ourServiceIds = new HashSet<>(services.stream().map(NodeService::id).toList());
        Set<String> ourCheckIds = new HashSet<>(checks.stream().map(HealthCheck::checkId).toList());

        List<Deregistration> deregistrations = new ArrayList<>();
        theirServices.keySet().stream().filter(id -> !ourServiceIds.contains(id))
                .filter(id -> !id.equals(CatalogRecords.CONSUL_SERVICE_ID))
                .forEach(id -> deregistrations.add(new Deregistration(node.node(), id, "")));
        theirChecks.values().stream()
                .filter(c -> !ourCheckIds.contains(c.checkId()))
                .filter(c -> !c.checkId().equals(CatalogRecords.SERF_CHECK_ID))
                .filter(c -> c.serviceId().isEmpty() || ourServiceIds.contains(c.serviceId()))
                .forEach(c -> deregistrations.add(new Deregistration(node.node(), "", c.checkId())));

        List<Registration> registrations = new ArrayList<>();
        boolean nodeDiffers = catalogNode.map(n -> !sameNode(n, node)).orElse(true);
        List<HealthCheck> nodeChecks = checks.stream().filter(c -> c.serviceId().isEmpty())
                .filter(c -> !sameCheck(theirChecks.get(c.checkId()), c)).toList();
        if (nodeDiffers || !nodeChecks.isEmpty()) {
            registrations.add(registration(node, null, nodeChecks, false));
        }
        Map<String, List<String>> catalogTags = new LinkedHashMap<>();
        for (NodeService service : services) {
            NodeService theirs = theirServices.get(service.id());
            NodeService wanted = service;
            if (theirs != null && service.enableTagOverride() && !registeredSinceSync.contains(service.id())) {
                wanted = withTags(service, theirs.tags());
                if (!theirs.tags().equals(service.tags())) {
                    catalogTags.put(service.id(), theirs.tags());
                }
            }
            List<HealthCheck> serviceChecks = checks.stream().filter(c -> c.serviceId().equals(service.id())).toList();
            boolean checksDiffer = serviceChecks.stream().anyMatch(c -> !sameCheck(theirChecks.get(c.checkId()), c));
            if (theirs == null || !sameService(theirs, wanted) || checksDiffer) {
                registrations.add(registration(node, wanted, serviceChecks, true));
            }
        }
        return new SyncPlan(List.copyOf(deregistrations), List.copyOf(registrations), Map.copyOf(catalogTags));
    }

    private static Registration registration(Node node, NodeService service, List<HealthCheck> checks, boolean skipNode) {
        return new Registration(node.id(), node.node(), node.address(), node.taggedAddresses(), node.meta(), service,
                checks, skipNode);
    }

    private static boolean sameNode(Node a, Node b) {
        return a.id().equals(b.id()) && a.address().equals(b.address())
                && a.taggedAddresses().equals(b.taggedAddresses()) && a.meta().equals(b.meta());
    }

    private static boolean sameService(NodeService a, NodeService b) {
        return a.kind().equals(b.kind()) && a.service().equals(b.service()) && a.tags().equals(b.tags())
                && a.address().equals(b.address()) && a.taggedAddresses().equals(b.taggedAddresses())
                && a.meta().equals(b.meta()) && a.port() == b.port() && a.weights().equals(b.weights())
                && a.enableTagOverride() == b.enableTagOverride();
    }

    private static boolean sameCheck(HealthCheck theirs, HealthCheck ours) {
        return theirs != null && theirs.name().equals(ours.name()) && theirs.status() == ours.status()
                && theirs.notes().equals(ours.notes()) && theirs.output().equals(ours.output())
                && theirs.serviceId().equals(ours.serviceId()) && theirs.type().equals(ours.type())
                && theirs.definition().equals(ours.definition());
    }

    private static NodeService withTags(NodeService s, List<String> tags) {
        return new NodeService(s.kind(), s.id(), s.service(), tags, s.address(), s.taggedAddresses(), s.meta(),
                s.port(), s.weights(), s.enableTagOverride(), 0, 0);
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }
}
