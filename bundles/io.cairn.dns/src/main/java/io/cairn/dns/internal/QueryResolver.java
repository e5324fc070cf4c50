package io.cairn.dns.internal;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cairn.agent.api.AgentInfo;
import io.cairn.dns.api.DnsNameResolver;
import io.cairn.dns.api.DnsQuery;
import io.cairn.go.lang.GoDuration;
import io.cairn.query.api.ExecuteOptions;
import io.cairn.query.api.PreparedQueries;
import io.cairn.query.api.QueryResult;
import io.cairn.query.api.RemoteQueries;
import io.cairn.raft.api.Consistency;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code <query>.query} (dots allowed in the name) and RFC 2782 {@code _<query>._tcp.query}: the instances a
 * prepared query returns, executed on this server's state (a stale read, no Raft round trip) from this agent's
 * node, so they come nearest first when coordinates are known, as Consul's DNS executes them. The query's
 * health rules apply, not the DNS {@code only_passing} setting; its {@code DNS.TTL}, if set, is the answers' TTL.
 * A query name in another datacenter ({@code <query>.query.<dc>.consul}) is executed there, through
 * {@link RemoteQueries}, and answered with that datacenter's result.
 * An unknown query, or one without a qualifying instance, does not exist (NXDOMAIN); so does every query name
 * while no {@link PreparedQueries} service (the cairn-query feature) is there, which DNS does not require.
 */
@Component(service = DnsNameResolver.class, property = DnsNameResolver.FORM + "=query")
public final class QueryResolver implements TimedResolver {

    private static final long TIMEOUT_SECONDS = 2;

    private final AgentInfo agent;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PreparedQueries queries;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RemoteQueries remote;

    @Activate
    public QueryResolver(@Reference AgentInfo agent) {
        this.agent = agent;
    }

    @Override
    public Optional<Resolution> resolveTimed(DnsQuery query) {
        String name = name(query.labels());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        CompletableFuture<Optional<QueryResult>> result;
        if (query.datacenter().equals(agent.datacenter())) {
            PreparedQueries queries = this.queries;
            if (queries == null) {
                return Optional.empty();
            }
            ExecuteOptions options = new ExecuteOptions(Optional.of(agent.nodeName()), 0, false);
            result = queries.execute(name, options, Consistency.STALE).toCompletableFuture();
        } else {
            RemoteQueries elsewhere = remote;
            if (elsewhere == null) {
                return Optional.empty();
            }
            result = elsewhere.execute(query.datacenter(), name, 0).toCompletableFuture();
        }
        return join(result).map(answer -> new Resolution(answer.nodes().stream().map(ServiceResolver::target)
                .toList(), ttl(answer), Optional.of(answer.datacenter())));
    }

    /** The query name the labels spell: {@code [_name, _tcp]} is {@code name}, other labels joined by dots. */
    static String name(List<String> labels) {
        if (labels.size() == 2 && labels.get(0).startsWith("_") && labels.get(1).equals("_tcp")) {
            return labels.get(0).substring(1);
        }
        return String.join(".", labels);
    }

    private static OptionalLong ttl(QueryResult result) {
        String ttl = result.dns().ttl();
        return ttl.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(TimeUnit.NANOSECONDS.toSeconds(GoDuration.parseNanos(ttl)));
    }

    private static Optional<QueryResult> join(CompletableFuture<Optional<QueryResult>> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted executing a prepared query", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException refused) {
                throw refused; // a name the query store refuses to resolve: it does not exist
            }
            throw new IllegalStateException("prepared query failed: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("prepared query timed out", e);
        }
    }
}
