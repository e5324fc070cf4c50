package io.cairn.forward.internal;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.cairn.acl.api.AclResolver;
import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.api.Member;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.RemoteDatacenters;
import io.cairn.gossip.api.Membership;
import io.cairn.gossip.api.WanDistances;
import io.cairn.http.api.DatacenterRouter;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.query.api.QueryResult;
import io.cairn.query.api.RemoteQueries;

/**
 * On a server, the way to other datacenters: a request whose {@code ?dc=} names one is sent, as it came, to a server
 * of that datacenter found in the WAN pool (alive, {@code role=consul}, that datacenter in its {@code dc} tag, with an
 * {@code http_addr} tag, or an {@code https_addr} tag when this server has an HTTPS listener of its own), and that
 * server's answer relayed ({@link Relay}). Each datacenter has its own {@link ServerPool}, so a request sticks to one
 * of its servers until that one fails, as within a datacenter. A datacenter with no such server answers Consul's 500
 * {@value RouteTable#NO_PATH_TO_DATACENTER} at once.
 * <p>
 * Pools are kept only for datacenters that have servers in the WAN pool when asked, so a client naming made-up
 * datacenters holds nothing. The same pools serve the other datacenters' catalogs ({@link RemoteDatacenters}) to
 * DNS and prepared-query failover, and execute the prepared queries other datacenters store ({@link RemoteQueries}).
 */
@Component(service = {DatacenterRouter.class, RemoteDatacenters.class, RemoteQueries.class},
        configurationPid = UpstreamComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class WanRouter implements DatacenterRouter, RemoteDatacenters, RemoteQueries {

    private final String datacenter;
    private final Supplier<List<Member>> members;
    private final Supplier<List<String>> byDistance;
    private final Supplier<String> agentSecret;
    private final Function<String, Upstream> newUpstream;
    private final Map<String, Upstream> byDatacenter = new ConcurrentHashMap<>();

    @Activate
    public WanRouter(@Reference(name = "agent", target = "(" + AgentInfo.SERVER + "=true)") AgentInfo agent,
            @Reference(name = "wan", target = "(" + Membership.POOL + "=" + Membership.WAN + ")") Membership wan,
            @Reference(name = "acl") AclResolver acl, UpstreamComponent.Config config) {
        this(new Datacenters(agent.datacenter(), wan::members, () -> WanDistances.datacentersByDistance(wan)),
                acl::agentSecret, httpClient(agent), agent.httpsTls().isPresent(), config.max_forwarded_requests(),
                config.max_answer_bytes());
    }

    /**
     * What this server knows of the WAN pool.
     *
     * @param datacenter this server's datacenter
     * @param members    the WAN pool's members now
     * @param byDistance the datacenters, nearest first
     */
    record Datacenters(String datacenter, Supplier<List<Member>> members, Supplier<List<String>> byDistance) {
    }

    /**
     * @param agentSecret    the agent's token, which remote catalog reads present ({@code ""}: none)
     * @param https          whether to reach a server's HTTPS listener where it has one
     * @param maxConcurrent  the most requests sent or waiting at once, per datacenter
     * @param maxAnswerBytes the largest answer body taken
     */
    WanRouter(Datacenters wan, Supplier<String> agentSecret, HttpClient http, boolean https, int maxConcurrent,
            long maxAnswerBytes) {
        this.datacenter = wan.datacenter();
        this.members = wan.members();
        this.byDistance = wan.byDistance();
        this.agentSecret = agentSecret;
        this.newUpstream = dc -> new Upstream(new ServerPool(members, dc, https, System::nanoTime, new Random()),
                http, maxConcurrent, maxAnswerBytes);
    }

    private static HttpClient httpClient(AgentInfo agent) {
        HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(UpstreamComponent.CONNECT_TIMEOUT);
        agent.httpsTls().ifPresent(tls -> http.sslContext(tls.sslContext()));
        return http.build();
    }

    @Override
    public CompletableFuture<Response> forward(String datacenter, Request request) {
        if (!hasServers(datacenter)) {
            return CompletableFuture.failedFuture(noPath());
        }
        Upstream upstream = byDatacenter.computeIfAbsent(datacenter, newUpstream);
        CompletableFuture<Response> answer = Relay.send(upstream, request,
                request.rawQuery() == null ? "" : request.rawQuery(), request.body());
        CompletableFuture<Response> relayed = answer.exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof ForwardingException f && f.reason() == ForwardingException.Reason.NO_SERVERS) {
                throw noPath();
            }
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
        relayed.whenComplete((response, failure) -> {
            if (relayed.isCancelled()) {
                answer.cancel(true);
            }
        });
        return relayed;
    }

    @Override
    public List<String> byDistance() {
        return byDistance.get();
    }

    @Override
    public Optional<Catalog> catalog(String datacenter) {
        if (datacenter.equals(this.datacenter) || !hasServers(datacenter)) {
            return Optional.empty();
        }
        return Optional.of(RemoteCatalog.ofDatacenter(byDatacenter.computeIfAbsent(datacenter, newUpstream),
                datacenter, agentSecret));
    }

    @Override
    public CompletionStage<Optional<QueryResult>> execute(String datacenter, String idOrName, int limit) {
        if (datacenter.equals(this.datacenter) || !hasServers(datacenter)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return RemoteQueryExecution.execute(byDatacenter.computeIfAbsent(datacenter, newUpstream), datacenter,
                idOrName, limit, agentSecret);
    }

    private boolean hasServers(String datacenter) {
        return members.get().stream().anyMatch(m -> m.server() && datacenter.equals(m.tags().get("dc")));
    }

    private static HttpException noPath() {
        return new HttpException(500, RouteTable.NO_PATH_TO_DATACENTER);
    }

    @Deactivate
    void deactivate() {
        byDatacenter.values().forEach(Upstream::close);
    }
}
