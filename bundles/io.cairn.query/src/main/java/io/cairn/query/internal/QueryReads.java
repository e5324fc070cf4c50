package io.cairn.query.internal;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.RemoteDatacenters;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.query.api.ExecuteOptions;
import io.cairn.query.api.PreparedQuery;
import io.cairn.query.api.QueryResult;
import io.cairn.raft.api.StateView;

/**
 * The reads of prepared queries from one consistent view of this server's state, for the service and the HTTP
 * endpoints alike: the table ({@link QueryStore}) and executions against this server's catalog replica
 * ({@link Execution}).
 */
public final class QueryReads {

    /** The reference target that selects this server's replicated catalog, never a remote one. */
    public static final String LOCAL_CATALOG = "(!(" + Catalog.REMOTE + "=true))";

    private final Execution execution;
    /** The other datacenters executions fail over to; {@code null} while there is no way to them. */
    private final AtomicReference<RemoteDatacenters> remote;

    /**
     * Reads that execute against {@code catalog}, {@code _agent} being {@code agentNode}, failing over to the
     * datacenters {@link #bindRemote bound} later.
     */
    public QueryReads(Catalog catalog, String agentNode, Random random) {
        this(new AtomicReference<>(), catalog, agentNode, random);
    }

    private QueryReads(AtomicReference<RemoteDatacenters> remote, Catalog catalog, String agentNode,
            Random random) {
        this.remote = remote;
        this.execution = new Execution(new CatalogInstances(catalog), catalog.datacenter(), agentNode, random,
                remote::get);
    }

    /** Reads with their own execution, which finds the other datacenters itself. */
    QueryReads(Execution execution) {
        this.execution = execution;
        this.remote = new AtomicReference<>();
    }

    /** The way to the other datacenters from now on. */
    public void bindRemote(RemoteDatacenters datacenters) {
        remote.set(datacenters);
    }

    /** No way to the other datacenters any more, unless another has replaced {@code datacenters} already. */
    public void unbindRemote(RemoteDatacenters datacenters) {
        remote.compareAndSet(datacenters, null);
    }

    /** The index every query read answers with: the whole table's, never 0. */
    public static long index(StateView state) {
        return QueryStore.index(state);
    }

    public List<PreparedQuery> list(StateView state) {
        return QueryStore.list(state);
    }

    /** The query with this ID (not name). */
    public Optional<PreparedQuery> get(StateView state, String id) {
        return QueryStore.get(state, id);
    }

    /** See {@link QueryStore#resolve}; {@link IllegalArgumentException} with Consul's text if it cannot. */
    public Optional<PreparedQuery> explain(StateView state, String idOrName) {
        return QueryStore.resolve(state, idOrName);
    }

    /** The other datacenters an execution of {@code query} would fail over to, in the order it tries them. */
    public List<String> failoverOrder(PreparedQuery query) {
        return execution.failoverOrder(query.service().failover());
    }

    /**
     * Executes what {@code idOrName} resolves to, keeping the instances that {@code keep} of the resolved query
     * accepts.
     */
    public Optional<QueryResult> execute(StateView state, String idOrName, ExecuteOptions options,
            Function<PreparedQuery, Predicate<ServiceEntry>> keep) {
        return execution.run(state, idOrName, options, keep);
    }
}
