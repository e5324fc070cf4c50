package io.cairn.query.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.Proximity;
import io.cairn.catalog.api.RemoteDatacenters;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.query.api.ExecuteOptions;
import io.cairn.query.api.PreparedQuery;
import io.cairn.query.api.QueryFailover;
import io.cairn.query.api.QueryResult;
import io.cairn.raft.api.StateView;

/**
 * Runs prepared queries against this server's state, as Consul's {@code PreparedQuery.Execute} does: resolve the
 * query, select the instances ({@link QueryFilters}), shuffle them, order them by round trip from the source node
 * when there is one ({@code ?near}, else the query's {@code Near}; {@code _agent} is this agent's node) and its
 * coordinate is known, as the catalog orders {@code ?near} ({@link Proximity}), the source node itself first, cut
 * to the limit.
 * <p>
 * Failover, when no instance here qualifies: the {@code NearestN} datacenters nearest to this one, then those of
 * {@code Datacenters} in order (this one and repeats left out, unknown ones skipped), each asked in turn through
 * {@link RemoteDatacenters} for the same selection (shuffled, cut to the limit; {@code Near} means nothing there);
 * the first with an instance answers, {@code Datacenter} naming it, and {@code Failovers} counts the datacenters
 * asked. A datacenter that cannot be read counts and is passed over, as in Consul. Without
 * {@link RemoteDatacenters} there is nothing to fail over to. Connect: the catalog records no mesh proxies, so a
 * Connect lookup finds none.
 */
final class Execution {

    /** Consul's name for this agent's node in {@code Near} and {@code ?near}. */
    static final String AGENT = "_agent";
    /** How deep Consul looks for the source node to move it first. */
    private static final int SOURCE_SEARCH_DEPTH = 10;

    private final Function<String, List<ServiceEntry>> instances;
    private final String datacenter;
    private final String agentNode;
    private final Random random;
    private final Supplier<RemoteDatacenters> remote;

    /**
     * @param instances  the catalog's instances of a service (name case-insensitive), with their checks
     * @param datacenter this datacenter
     * @param agentNode  this agent's node, for {@code _agent}
     * @param random     the shuffle
     * @param remote     the other datacenters now, or {@code null} while there is no way to them
     */
    Execution(Function<String, List<ServiceEntry>> instances, String datacenter, String agentNode, Random random,
            Supplier<RemoteDatacenters> remote) {
        this.instances = instances;
        this.datacenter = datacenter;
        this.agentNode = agentNode;
        this.random = random;
        this.remote = remote;
    }

    /**
     * The result of the query {@code idOrName} resolves to in {@code state}, keeping only the instances that
     * {@code keep} of the resolved query accepts (before the limit); empty if there is no such query.
     */
    Optional<QueryResult> run(StateView state, String idOrName, ExecuteOptions options,
            Function<PreparedQuery, Predicate<ServiceEntry>> keep) {
        return QueryStore.resolve(state, idOrName).map(query -> execute(state, query, options, keep.apply(query)));
    }

    private QueryResult execute(StateView state, PreparedQuery query, ExecuteOptions options,
            Predicate<ServiceEntry> keep) {
        List<ServiceEntry> selected = select(query, options, keep, instances);
        int failovers = 0;
        RemoteDatacenters others = remote.get();
        if (selected.isEmpty() && others != null) {
            for (String dc : failoverOrder(query.service().failover(), others)) {
                Optional<Catalog> catalog = others.catalog(dc);
                if (catalog.isEmpty()) {
                    continue;
                }
                failovers++;
                List<ServiceEntry> found;
                try {
                    found = select(query, options, keep, new CatalogInstances(catalog.get()));
                } catch (IllegalStateException unreachable) {
                    continue;
                }
                if (!found.isEmpty()) {
                    List<ServiceEntry> shuffled = new ArrayList<>(found);
                    Collections.shuffle(shuffled, random);
                    return new QueryResult(query.service().service(), limit(shuffled, options), query.dns(), dc,
                            failovers, QueryStore.index(state));
                }
            }
        }
        List<ServiceEntry> ordered = new ArrayList<>(selected);
        Collections.shuffle(ordered, random);
        Optional<String> source = options.near()
                .or(() -> Optional.of(query.service().near()).filter(n -> !n.isEmpty()))
                .map(n -> n.equals(AGENT) ? agentNode : n);
        if (source.isPresent()) {
            ordered = sourceFirst(Proximity.from(state, source).sort(ordered, e -> e.node().node()), source.get());
        }
        return new QueryResult(query.service().service(), limit(ordered, options), query.dns(), datacenter,
                failovers, QueryStore.index(state));
    }

    /** The instances a catalog's {@code instances} offer that the query selects and {@code keep} accepts. */
    private static List<ServiceEntry> select(PreparedQuery query, ExecuteOptions options, Predicate<ServiceEntry> keep,
            Function<String, List<ServiceEntry>> instances) {
        return query.service().connect() || options.connect() ? List.of()
                : QueryFilters.select(query.service(), instances.apply(query.service().service())).stream()
                        .filter(keep).toList();
    }

    private static List<ServiceEntry> limit(List<ServiceEntry> entries, ExecuteOptions options) {
        return options.limit() > 0 && entries.size() > options.limit() ? entries.subList(0, options.limit())
                : entries;
    }

    /**
     * The other datacenters {@code failover} tries, in order, as this server knows them now; none while there is
     * no way to other datacenters.
     */
    List<String> failoverOrder(QueryFailover failover) {
        RemoteDatacenters others = remote.get();
        return others == null ? List.of() : failoverOrder(failover, others);
    }

    /** The other datacenters to try, in order: the {@code NearestN} nearest, then {@code Datacenters}. */
    private List<String> failoverOrder(QueryFailover failover, RemoteDatacenters others) {
        Set<String> order = new LinkedHashSet<>();
        if (failover.nearestN() > 0) {
            others.byDistance().stream().filter(dc -> !dc.equals(datacenter)).limit(failover.nearestN())
                    .forEach(order::add);
        }
        failover.datacenters().stream().filter(dc -> !dc.equals(datacenter)).forEach(order::add);
        return List.copyOf(order);
    }

    /** {@code entries} with the source node's own instance moved first if it is among the first ten. */
    private static List<ServiceEntry> sourceFirst(List<ServiceEntry> entries, String source) {
        List<ServiceEntry> sorted = new ArrayList<>(entries);
        for (int i = 0; i < sorted.size() && i < SOURCE_SEARCH_DEPTH; i++) {
            if (sorted.get(i).node().node().equalsIgnoreCase(source)) {
                Collections.swap(sorted, 0, i);
                break;
            }
        }
        return sorted;
    }
}
