package io.cairn.query.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.cairn.acl.api.AclResolver;
import io.cairn.agent.api.AgentInfo;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.RemoteDatacenters;
import io.cairn.query.api.ExecuteOptions;
import io.cairn.query.api.PreparedQueries;
import io.cairn.query.api.PreparedQuery;
import io.cairn.query.api.QueryResult;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.StateView;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@link PreparedQueries} over the Raft log and this server's catalog replica. */
@Component(service = PreparedQueries.class)
public final class RaftPreparedQueries implements PreparedQueries {

    private final RaftService raft;
    private final QueryReads reads;
    private final QueryTokens tokens;

    @Activate
    public RaftPreparedQueries(@Reference RaftService raft,
            @Reference(target = QueryReads.LOCAL_CATALOG) Catalog catalog, @Reference AgentInfo agent,
            @Reference AclResolver resolver) {
        this(raft, new QueryReads(catalog, agent.nodeName(), new SecureRandom()), new QueryTokens(resolver));
    }

    /** A service submitting to {@code raft} and answering reads with {@code reads}. */
    /** {@code tokens} decides which instances an execution answers: the stored token's, else the default token's. */
    public RaftPreparedQueries(RaftService raft, QueryReads reads, QueryTokens tokens) {
        this.raft = raft;
        this.reads = reads;
        this.tokens = tokens;
    }

    @Override
    public CompletionStage<String> create(PreparedQuery query) {
        String id = UUID.randomUUID().toString();
        return submit(QueryCommand.create(query.withId(id, 0, 0))).thenApply(done -> id);
    }

    @Override
    public CompletionStage<Void> update(PreparedQuery query) {
        return submit(QueryCommand.update(query));
    }

    @Override
    public CompletionStage<Void> delete(String id) {
        return submit(QueryCommand.delete(id));
    }

    private CompletionStage<Void> submit(QueryCommand command) {
        try {
            command.validate();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return raft.submit(COMMAND_TYPE, command.encode()).thenApply(result -> null);
    }

    @Override
    public CompletionStage<List<PreparedQuery>> list(Consistency consistency) {
        return read(consistency, reads::list);
    }

    @Override
    public CompletionStage<Optional<PreparedQuery>> explain(String idOrName, Consistency consistency) {
        return read(consistency, state -> reads.explain(state, idOrName));
    }

    @Override
    public CompletionStage<Optional<QueryResult>> execute(String idOrName, ExecuteOptions options,
            Consistency consistency) {
        AtomicBoolean removed = new AtomicBoolean();
        return read(consistency, state -> reads.execute(state, idOrName, options,
                query -> tokens.readableInstances(query, () -> tokens.resolve(""), removed)));
    }

    private <T> CompletionStage<T> read(Consistency consistency, Function<StateView, T> reader) {
        return raft.barrier(consistency).thenApply(context -> raft.state().read(reader));
    }

    /** The other datacenters, which executions fail over to. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRemote(RemoteDatacenters datacenters) {
        reads.bindRemote(datacenters);
    }

    void unbindRemote(RemoteDatacenters datacenters) {
        reads.unbindRemote(datacenters);
    }
}
