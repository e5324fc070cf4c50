package io.cairn.forward.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cairn.acl.api.AclResolver;
import io.cairn.agent.api.AgentInfo;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.forward.internal.ForwardingException.Reason;
import io.cairn.go.lang.GoUrl;
import io.cairn.health.api.CheckStatus;
import io.cairn.raft.api.CommandRejectedException;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.NoLeaderException;

/**
 * A client agent's {@link Catalog}: the servers' catalog through their HTTP API, for the agent's anti-entropy,
 * DNS and the other local readers (registered with {@value Catalog#REMOTE}{@code =true}, so the catalog's own
 * endpoints never serve it: on a client agent those requests are forwarded). Each call is one request to the
 * current server, with the failover of {@link Upstream}; reads carry {@code ?stale} or {@code ?consistent} for
 * their consistency mode and answer with the server's {@code X-Consul-Index}.
 * <p>
 * Failures follow the {@link Catalog} contract: a 400 is an {@link IllegalArgumentException} with the server's
 * text, {@code No cluster leader} and an unreachable or unknown server are a {@link NoLeaderException}, any other
 * refusal of a write is a {@link CommandRejectedException} with the server's text.
 * <p>
 * {@link #awaitChange} is a blocking query on {@value #CHANGES}: every catalog and health read of a Cairn server
 * reports the whole catalog's index, so that query wakes on any change. It completes when the index differs from
 * the one given, which on a server's catalog means it grew, and also tells a waiter when the servers' state was
 * replaced by an older one (a restore), instead of leaving it waiting for good.
 */
@Component(service = Catalog.class, property = Catalog.REMOTE + ":Boolean=true")
public final class RemoteCatalog implements Catalog {

    /** The read whose blocking query {@link #awaitChange} uses. */
    static final String CHANGES = "/v1/catalog/services";
    /** How long one blocking query of {@link #awaitChange} waits before it asks again. */
    static final Duration CHANGE_WAIT = Duration.ofMinutes(5);
    private static final String NO_LEADER = "No cluster leader";

    private final Upstream upstream;
    private final String datacenter;
    private final Supplier<String> agentSecret;
    /** {@code ?dc=} on every request, for another datacenter's catalog; {@code ""} for this one's. */
    private final String datacenterParam;

    @Activate
    public RemoteCatalog(@Reference(name = "servers") UpstreamComponent servers,
            @Reference(name = "agent", target = "(" + AgentInfo.SERVER + "=false)") AgentInfo agent,
            @Reference(name = "acl") AclResolver acl) {
        this(servers.upstream(), agent.datacenter(), acl::agentSecret);
    }

    /** @param agentSecret the agent's token, which every request to the servers presents ({@code ""}: none) */
    RemoteCatalog(Upstream upstream, String datacenter, Supplier<String> agentSecret) {
        this(upstream, datacenter, agentSecret, "");
    }

    private RemoteCatalog(Upstream upstream, String datacenter, Supplier<String> agentSecret, String datacenterParam) {
        this.upstream = upstream;
        this.datacenter = datacenter;
        this.agentSecret = agentSecret;
        this.datacenterParam = datacenterParam;
    }

    /**
     * The catalog of {@code datacenter}, another datacenter than this agent's, through {@code upstream}: servers of
     * that datacenter, or of this one, which forward every request on since it names {@code datacenter} in
     * {@code ?dc=}.
     */
    static RemoteCatalog ofDatacenter(Upstream upstream, String datacenter, Supplier<String> agentSecret) {
        return new RemoteCatalog(upstream, datacenter, agentSecret, datacenter);
    }

    /** The header of {@code token}, or of the agent's token when that is {@code ""}, with {@code more}. */
    private Map<String, List<String>> headers(Map<String, List<String>> more, String token) {
        String secret = token.isEmpty() ? agentSecret.get() : token;
        if (secret.isEmpty()) {
            return more;
        }
        Map<String, List<String>> headers = new HashMap<>(more);
        headers.put("X-Consul-Token", List.of(secret));
        return headers;
    }

    @Override
    public String datacenter() {
        return datacenter;
    }

    @Override
    public CompletionStage<Void> register(Registration registration) {
        return register(registration, "");
    }

    @Override
    public CompletionStage<Void> register(Registration registration, String token) {
        return write("/v1/catalog/register", CatalogJson.register(registration), token);
    }

    @Override
    public CompletionStage<Void> deregister(Deregistration deregistration) {
        return write("/v1/catalog/deregister", CatalogJson.deregister(deregistration), "");
    }

    @Override
    public CompletionStage<Indexed<List<Node>>> nodes(Map<String, String> nodeMeta, Consistency consistency) {
        return read("/v1/catalog/nodes", query(consistency).nodeMeta(nodeMeta), CatalogJson::nodes);
    }

    @Override
    public CompletionStage<Indexed<Map<String, List<String>>>> services(Map<String, String> nodeMeta,
            Consistency consistency) {
        return read("/v1/catalog/services", query(consistency).nodeMeta(nodeMeta), CatalogJson::services);
    }

    @Override
    public CompletionStage<Indexed<List<ServiceEntry>>> service(String name, ServiceQuery query,
            Consistency consistency) {
        Query params = query(consistency).nodeMeta(query.nodeMeta());
        query.tags().forEach(tag -> params.add("tag", tag));
        if (query.passingOnly()) {
            params.add("passing", "");
        }
        return read("/v1/health/service/" + encode(name), params, CatalogJson::serviceEntries);
    }

    @Override
    public CompletionStage<Indexed<Optional<NodeServices>>> node(String node, Consistency consistency) {
        return read("/v1/catalog/node/" + encode(node), query(consistency), CatalogJson::nodeServices);
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> nodeChecks(String node, Consistency consistency) {
        return read("/v1/health/node/" + encode(node), query(consistency), CatalogJson::checks);
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> serviceChecks(String name, Map<String, String> nodeMeta,
            Consistency consistency) {
        return read("/v1/health/checks/" + encode(name), query(consistency).nodeMeta(nodeMeta),
                CatalogJson::checks);
    }

    @Override
    public CompletionStage<Indexed<List<HealthCheck>>> checks(Optional<CheckStatus> status,
            Map<String, String> nodeMeta, Consistency consistency) {
        return read("/v1/health/state/" + status.map(CheckStatus::text).orElse("any"),
                query(consistency).nodeMeta(nodeMeta), CatalogJson::checks);
    }

    @Override
    public CompletableFuture<Long> awaitChange(long afterIndex) {
        CompletableFuture<Long> changed = new CompletableFuture<>();
        AtomicReference<CompletableFuture<UpstreamReply>> waiting = new AtomicReference<>();
        changed.whenComplete((index, failure) -> {
            CompletableFuture<UpstreamReply> query = waiting.get();
            if (query != null) {
                query.cancel(true);
            }
        });
        poll(afterIndex, changed, waiting);
        return changed;
    }

    private void poll(long afterIndex, CompletableFuture<Long> changed,
            AtomicReference<CompletableFuture<UpstreamReply>> waiting) {
        String path = CHANGES + query(Consistency.DEFAULT).add("index", Long.toUnsignedString(afterIndex))
                .add("wait", CHANGE_WAIT.toSeconds() + "s");
        CompletableFuture<UpstreamReply> query = upstream.send(UpstreamRequest.get(path, headers(Map.of(), ""), CHANGE_WAIT));
        waiting.set(query);
        if (changed.isDone()) {
            query.cancel(true);
            return;
        }
        query.whenComplete((reply, failure) -> {
            try {
                requireSuccess(reply, failure, false);
                long index = index(reply);
                if (index != afterIndex) {
                    changed.complete(index);
                } else {
                    poll(afterIndex, changed, waiting);
                }
            } catch (RuntimeException e) {
                changed.completeExceptionally(e);
            }
        });
    }

    /** A write as the token {@code token}, or the agent's own when that is {@code ""}. */
    private CompletionStage<Void> write(String path, byte[] body, String token) {
        UpstreamRequest request = new UpstreamRequest("PUT", path + query(Consistency.DEFAULT), headers(Map.of("Content-Type",
                List.of("application/json")), token), body, UpstreamRequest.timeoutFor(Duration.ZERO));
        return upstream.send(request).handle((reply, failure) -> {
            requireSuccess(reply, failure, true);
            return null;
        });
    }

    private <T> CompletionStage<Indexed<T>> read(String path, Query query, Function<byte[], T> decode) {
        return upstream.send(UpstreamRequest.get(path + query, headers(Map.of(), ""), Duration.ZERO))
                .handle((reply, failure) -> {
                    requireSuccess(reply, failure, false);
                    return new Indexed<>(decode.apply(reply.body()), index(reply));
                });
    }

    /** Throws the failure the {@link Catalog} contract names unless the server answered 200. */
    private static void requireSuccess(UpstreamReply reply, Throwable failure, boolean write) {
        if (failure != null) {
            throw translate(failure);
        }
        if (reply.status() != 200) {
            throw refusal(reply, write);
        }
    }

    private static long index(UpstreamReply reply) {
        return reply.index().orElseThrow(() -> new IllegalStateException("Server " + reply.server()
                + " answered a catalog read without X-Consul-Index"));
    }

    /** A request that got no answer: no server to ask, or none answered, is no leader reachable. */
    private static RuntimeException translate(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ForwardingException forwarding
                && (forwarding.reason() == Reason.NO_SERVERS || forwarding.reason() == Reason.UNREACHABLE)) {
            return new NoLeaderException(forwarding);
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    /** An answer other than 200, as the {@link Catalog} contract names it. */
    private static RuntimeException refusal(UpstreamReply reply, boolean write) {
        String text = reply.text().strip();
        if (reply.status() == 400) {
            return new IllegalArgumentException(text);
        }
        if (reply.status() == 500 && text.equals(NO_LEADER)) {
            return new NoLeaderException();
        }
        if (reply.status() == 500 && write) {
            return new CommandRejectedException(text);
        }
        return new IllegalStateException("Server " + reply.server() + " answered " + reply.status() + ": " + text);
    }

    /** The query of a request in {@code consistency} mode, naming the datacenter if it is another one. */
    private Query query(Consistency consistency) {
        Query query = new Query();
        if (!datacenterParam.isEmpty()) {
            query.add("dc", datacenterParam);
        }
        switch (consistency) {
            case STALE -> query.add("stale", "");
            case CONSISTENT -> query.add("consistent", "");
            case DEFAULT -> { }
        }
        return query;
    }

    /** A name in the path, escaped as Consul's Go client escapes it. */
    private static String encode(String text) {
        return GoUrl.escapePath(text);
    }

    /** A query string built parameter by parameter; renders as {@code ""} or {@code ?a=b&c}. */
    private static final class Query {
        private final List<String> terms = new ArrayList<>();

        Query add(String name, String value) {
            terms.add(value.isEmpty() ? GoUrl.queryEscape(name) : GoUrl.queryEscape(name) + "=" + GoUrl.queryEscape(value));
            return this;
        }

        /** Consul's repeatable {@code node-meta=key:value}. */
        Query nodeMeta(Map<String, String> nodeMeta) {
            nodeMeta.forEach((key, value) -> add("node-meta", key + ":" + value));
            return this;
        }

        @Override
        public String toString() {
            return terms.isEmpty() ? "" : "?" + String.join("&", terms);
        }
    }
}
