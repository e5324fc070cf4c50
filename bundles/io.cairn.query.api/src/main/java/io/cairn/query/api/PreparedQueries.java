package io.cairn.query.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.cairn.raft.api.Consistency;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The replicated prepared queries of this datacenter.
 * <p>
 * Writes go through the Raft log and complete once applied on this server; they fail with
 * {@link IllegalArgumentException} carrying Consul's text for a definition that is wrong on its face
 * ({@code Invalid prepared query: Must provide a Service name to query}) and with the Raft API's rejection for one
 * that clashes with the stored queries ({@code name 'x' aliases an existing query name}, {@code invalid session
 * "..."}). Reads by ID or name resolve as Consul does: an ID, then an exact name (case-insensitive), then the
 * template with the longest matching name prefix, rendered for the name.
 */
@ProviderType
public interface PreparedQueries {

    /** The replicated table of queries; one record per query, keyed by ID. */
    String TABLE = "query";

    /** The Raft command type the query handler owns. */
    String COMMAND_TYPE = "query";

    /** Stores a new query (its ID and indexes are ignored); completes with its ID. */
    CompletionStage<String> create(PreparedQuery query);

    /** Replaces the query with {@code query.id()}; fails if there is none. */
    CompletionStage<Void> update(PreparedQuery query);

    /** Deletes a query; completes normally also if it did not exist. */
    CompletionStage<Void> delete(String id);

    /** Every query, by ID. */
    CompletionStage<List<PreparedQuery>> list(Consistency consistency);

    /** The query a name or ID resolves to, templates rendered for the name; empty if none. */
    CompletionStage<Optional<PreparedQuery>> explain(String idOrName, Consistency consistency);

    /**
     * Runs the query a name or ID resolves to against the catalog; empty if none. DNS calls this with
     * {@link Consistency#STALE}, which reads this server's state without a Raft round trip. As in Consul's DNS, it
     * answers the instances whose node and service the query's stored token may read, or without one the agent's
     * default token.
     */
    CompletionStage<Optional<QueryResult>> execute(String idOrName, ExecuteOptions options, Consistency consistency);
}
