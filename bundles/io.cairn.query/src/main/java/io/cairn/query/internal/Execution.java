package io.cairn.query.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import io.cairn.catalog.api.Proximity;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.query.api.ExecuteOptions;
import io.cairn.query.api.PreparedQuery;
import io.cairn.query.api.QueryResult;
import io.cairn.raft.api.StateView;

/**
 * Runs prepared queries against this server's state, as Consul's {@code PreparedQuery.Execute} does: resolve the
 * query, select the instances ({@link QueryFilters}), shuffle them, order them by round trip from the source node
 * when there is one ({@code ?near}, else the query's {@code Near}; {@code _agent} is this agent's node) and its
 * coordinate is known, as the catalog orders {@code ?near} ({@link Proximity}), the source node itself first, cut
 * to the limit.
 * <p>
 * Failover: Cairn knows no datacenter but its own until WAN federation, so {@code NearestN} has nothing to try
 * and every {@code Datacenters} entry is an unknown datacenter, which Consul skips; the result then has no
 * instances and {@code Failovers} 0. Connect: the catalog records no mesh proxies, so a Connect lookup finds none.
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

    /**
     * @param instances  the catalog's instances of a service (name case-insensitive), with their checks
     * @param datacenter this datacenter
     * @param agentNode  this agent's node, for {@code _agent}
     * @param random     the shuffle
     */
    Execution(Function<String, List<ServiceEntry>> instances, String datacenter, String agentNode, Random random) {
        this.instances = instances;
        this.datacenter = datacenter;
        this.agentNode = agentNode;
        this.random = random;
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
        List<ServiceEntry> selected = query.service().connect() || options.connect() ? List.of()
                : QueryFilters.select(query.service(), instances.apply(query.service().service())).stream()
                        .filter(keep).toList();
        List<ServiceEntry> ordered = new ArrayList<>(selected);
        Collections.shuffle(ordered, random);
        Optional<String> source = options.near()
                .or(() -> Optional.of(query.service().near()).filter(n -> !n.isEmpty()))
                .map(n -> n.equals(AGENT) ? agentNode : n);
        if (source.isPresent()) {
            ordered = sourceFirst(Proximity.from(state, source).sort(ordered, e -> e.node().node()), source.get());
        }
        if (options.limit() > 0 && ordered.size() > options.limit()) {
            ordered = ordered.subList(0, options.limit());
        }
        return new QueryResult(query.service().service(), ordered, query.dns(), datacenter, 0,
                QueryStore.index(state));
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
