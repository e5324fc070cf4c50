package io.cairn.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateView;

/**
 * Reads of the catalog table as Consul answers them. One instance serves one query against one consistent
 * view; it remembers each node and each node's checks so a query touching many instances on one node builds
 * them once. Records are decoded through {@link DecodedRecords}, shared across queries.
 */
final class CatalogReads {

    /** A decoded record with the entry it was read from (its indexes). */
    private record Found<T>(T value, Entry entry) {
    }

    private final StateView state;
    private final String datacenter;
    private final DecodedRecords records;
    private final Map<String, Optional<Node>> nodes = new HashMap<>();
    private final Map<String, List<HealthCheck>> checksByNode = new HashMap<>();

    CatalogReads(StateView state, String datacenter, DecodedRecords records) {
        this.state = state;
        this.datacenter = datacenter;
        this.records = records;
    }

    /**
     * The index of every catalog answer: the whole table's, deletions included, as Consul reports its table
     * indexes; never 0, so a watcher of an empty catalog still gets an index to block on.
     */
    long index() {
        return Math.max(1, state.index(CatalogKeys.TABLE, ""));
    }

    List<Node> nodes(Map<String, String> nodeMeta) {
        List<Node> result = new ArrayList<>();
        for (Entry entry : state.scan(CatalogKeys.TABLE, CatalogKeys.NODES)) {
            Node node = records.decode(state, entry, Stored.Node.class).toApi(datacenter, entry);
            if (Filters.matchesMeta(node.meta(), nodeMeta)) {
                result.add(node);
            }
        }
        return result;
    }

    Optional<Node> node(String name) {
        return nodes.computeIfAbsent(name, n -> read(CatalogKeys.node(n), Stored.Node.class)
                .map(found -> found.value().toApi(datacenter, found.entry())));
    }

    /**
     * Service name to the sorted union of its instances' tags, of the instances on nodes matching {@code nodeMeta}
     * that {@code filter} keeps, if given, as Consul filters the instances (without their checks) before it
     * builds the map.
     */
    Map<String, List<String>> services(Map<String, String> nodeMeta, Optional<Predicate<ServiceEntry>> filter) {
        Map<String, TreeSet<String>> tags = new TreeMap<>();
        for (Entry entry : state.scan(CatalogKeys.TABLE, CatalogKeys.SERVICES)) {
            Stored.Service service = records.decode(state, entry, Stored.Service.class);
            if (!nodeMatches(service.node(), nodeMeta)) {
                continue;
            }
            if (filter.isPresent() && !node(service.node())
                    .map(node -> filter.get().test(new ServiceEntry(node, service.toApi(entry), List.of())))
                    .orElse(false)) {
                continue;
            }
            tags.computeIfAbsent(service.service(), s -> new TreeSet<>()).addAll(service.tags());
        }
        Map<String, List<String>> result = new TreeMap<>();
        tags.forEach((name, set) -> result.put(name, List.copyOf(set)));
        return result;
    }

    /** The instances of {@code name} in node, then ID, order, with their node and checks, filtered. */
    List<ServiceEntry> serviceEntries(String name, ServiceQuery query) {
        List<ServiceEntry> result = new ArrayList<>();
        for (Found<Stored.Service> instance : instances(name)) {
            Stored.Service service = instance.value();
            Optional<Node> node = node(service.node());
            if (node.isEmpty() || !Filters.matchesMeta(node.get().meta(), query.nodeMeta())
                    || !Filters.hasAllTags(service.tags(), query.tags())) {
                continue;
            }
            ServiceEntry entry = new ServiceEntry(node.get(), service.toApi(instance.entry()), instanceChecks(service));
            if (!query.passingOnly() || entry.passing()) {
                result.add(entry);
            }
        }
        return result;
    }

    /**
     * Every instance in the catalog, in node then ID order, with its node and checks: Consul's service dump, which
     * its UI summarises.
     */
    List<ServiceEntry> allInstances() {
        List<ServiceEntry> result = new ArrayList<>();
        for (Entry entry : state.scan(CatalogKeys.TABLE, CatalogKeys.SERVICES)) {
            Stored.Service service = records.decode(state, entry, Stored.Service.class);
            node(service.node()).ifPresent(node -> result.add(
                    new ServiceEntry(node, service.toApi(entry), instanceChecks(service))));
        }
        return result;
    }

    /** The checks of an instance: its node's own checks and its service's. */
    private List<HealthCheck> instanceChecks(Stored.Service service) {
        List<HealthCheck> checks = new ArrayList<>();
        for (HealthCheck check : nodeChecks(service.node())) {
            if (check.serviceId().isEmpty() || check.serviceId().equals(service.id())) {
                checks.add(check);
            }
        }
        return checks;
    }

    Optional<NodeServices> nodeServices(String name) {
        return node(name).map(node -> new NodeServices(node, state.scan(CatalogKeys.TABLE,
                CatalogKeys.servicesOf(name)).stream()
                .map(e -> records.decode(state, e, Stored.Service.class).toApi(e))
                .toList()));
    }

    List<HealthCheck> nodeChecks(String node) {
        return checksByNode.computeIfAbsent(node, n -> state.scan(CatalogKeys.TABLE, CatalogKeys.checksOf(n))
                .stream()
                .map(e -> records.decode(state, e, Stored.Check.class).toApi(e))
                .toList());
    }

    /** The checks of every instance of {@code name} on nodes matching {@code nodeMeta}. */
    List<HealthCheck> serviceChecks(String name, Map<String, String> nodeMeta) {
        List<HealthCheck> result = new ArrayList<>();
        for (Found<Stored.Service> instance : instances(name)) {
            Stored.Service service = instance.value();
            if (!nodeMatches(service.node(), nodeMeta)) {
                continue;
            }
            for (HealthCheck check : nodeChecks(service.node())) {
                if (check.serviceId().equals(service.id())) {
                    result.add(check);
                }
            }
        }
        return result;
    }

    /** Every check in {@code status} (any if empty) on nodes matching {@code nodeMeta}. */
    List<HealthCheck> checks(Optional<CheckStatus> status, Map<String, String> nodeMeta) {
        List<HealthCheck> result = new ArrayList<>();
        for (Entry entry : state.scan(CatalogKeys.TABLE, CatalogKeys.CHECKS)) {
            HealthCheck check = records.decode(state, entry, Stored.Check.class).toApi(entry);
            if (status.map(s -> s == check.status()).orElse(true) && nodeMatches(check.node(), nodeMeta)) {
                result.add(check);
            }
        }
        return result;
    }

    private boolean nodeMatches(String name, Map<String, String> nodeMeta) {
        return nodeMeta.isEmpty() || node(name).map(n -> Filters.matchesMeta(n.meta(), nodeMeta)).orElse(false);
    }

    /**
     * The instances named {@code name} (case-insensitively) in node, then ID, order. A list, not a map keyed by
     * the record: keys are unique already, and hashing whole records cost more than the lookups.
     */
    private List<Found<Stored.Service>> instances(String name) {
        List<Found<Stored.Service>> result = new ArrayList<>();
        for (Entry indexEntry : state.scan(CatalogKeys.TABLE, CatalogKeys.instancesOf(name))) {
            read(CatalogKeys.serviceKeyOfIndexEntry(indexEntry.key()), Stored.Service.class).ifPresent(result::add);
        }
        return result;
    }

    /** The record under {@code key}; a key found gone is dropped from the shared decoded records at once. */
    private <T> Optional<Found<T>> read(String key, Class<T> type) {
        Optional<Entry> entry = state.get(CatalogKeys.TABLE, key);
        if (entry.isEmpty()) {
            records.forget(key);
            return Optional.empty();
        }
        return Optional.of(new Found<>(records.decode(state, entry.get(), type), entry.get()));
    }
}
