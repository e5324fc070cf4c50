package io.cairn.forward.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.acl.api.AclResolver;
import io.cairn.agent.api.AgentInfo;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.RemoteDatacenters;
import io.cairn.query.api.QueryResult;
import io.cairn.query.api.RemoteQueries;

/**
 * A client agent's way to other datacenters' catalogs: through its own servers, every read naming the datacenter
 * in {@code ?dc=}, so that a server forwards it on ({@link RemoteCatalog#ofDatacenter}). The client agent is in no
 * WAN pool, so it cannot tell which datacenters exist: a catalog is offered for any other name, and its reads fail
 * with the servers' {@code No path to datacenter} when there is no such datacenter; so do prepared queries
 * executed there ({@link RemoteQueries}). The datacenters' order is the servers' {@code /v1/catalog/datacenters}.
 */
@Component(service = {RemoteDatacenters.class, RemoteQueries.class})
public final class ClientDatacenters implements RemoteDatacenters, RemoteQueries {

    /** How long the servers may take to list the datacenters. */
    static final Duration LIST_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Upstream upstream;
    private final String datacenter;
    private final Supplier<String> agentSecret;

    @Activate
    public ClientDatacenters(@Reference(name = "servers") UpstreamComponent servers,
            @Reference(name = "agent", target = "(" + AgentInfo.SERVER + "=false)") AgentInfo agent,
            @Reference(name = "acl") AclResolver acl) {
        this(servers.upstream(), agent.datacenter(), acl::agentSecret);
    }

    ClientDatacenters(Upstream upstream, String datacenter, Supplier<String> agentSecret) {
        this.upstream = upstream;
        this.datacenter = datacenter;
        this.agentSecret = agentSecret;
    }

    @Override
    public List<String> byDistance() {
        String secret = agentSecret.get();
        UpstreamRequest request = UpstreamRequest.get("/v1/catalog/datacenters",
                secret.isEmpty() ? Map.of() : Map.of("X-Consul-Token", List.of(secret)), Duration.ZERO);
        try {
            UpstreamReply reply = upstream.send(request).get(LIST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.status() != 200) {
                throw new IllegalStateException("Server " + reply.server() + " answered " + reply.status() + ": "
                        + reply.text().strip());
            }
            return JSON.readValue(reply.body(), new TypeReference<List<String>>() { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted listing the datacenters", e);
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the servers did not list the datacenters within " + LIST_TIMEOUT, e);
        } catch (IOException e) {
            throw new IllegalStateException("the servers' list of datacenters is no JSON array of names", e);
        }
    }

    @Override
    public CompletionStage<Optional<QueryResult>> execute(String datacenter, String idOrName, int limit) {
        return datacenter.equals(this.datacenter) ? CompletableFuture.completedFuture(Optional.empty())
                : RemoteQueryExecution.execute(upstream, datacenter, idOrName, limit, agentSecret);
    }

    @Override
    public Optional<Catalog> catalog(String datacenter) {
        return datacenter.equals(this.datacenter) ? Optional.empty()
                : Optional.of(RemoteCatalog.ofDatacenter(upstream, datacenter, agentSecret));
    }
}
