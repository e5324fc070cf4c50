package io.cairn.metrics.internal;

import java.time.Clock;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cairn.agent.api.AgentInfo;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;

/**
 * {@code GET /v1/agent/metrics}: the agent's meters as Consul's JSON or in a Prometheus text format, for a token
 * with {@code agent:read} on this agent (Consul's rule).
 */
@Component(service = HttpEndpoints.class)
public final class MetricsEndpoints implements HttpEndpoints {
    private final AgentRegistry registry;
    private final String node;
    private final Clock clock;
    private final Instant started;

    @Activate
    public MetricsEndpoints(@Reference AgentRegistry registry, @Reference AgentInfo agent) {
        this(registry, agent.nodeName(), Clock.systemUTC());
    }

    /** @param node this agent's node name */
    MetricsEndpoints(AgentRegistry registry, String node, Clock clock) {
        this.registry = registry;
        this.node = node;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public void routes(RouteTable table) {
        table.get("/v1/agent/metrics", this::metrics);
    }

    CompletionStage<Response> metrics(Request request) {
        if (!request.acl().agentRead(node)) {
            throw request.permissionDenied("agent:read", node);
        }
        MetricsFormat format = MetricsFormat.negotiate(request.param("format"), request.header("Accept"));
        if (format == MetricsFormat.JSON) {
            Instant now = clock.instant();
            double uptime = (now.toEpochMilli() - started.toEpochMilli()) / 1000.0;
            return CompletableFuture.completedFuture(Response.json(ConsulJson.render(registry.meters(), now, uptime)));
        }
        byte[] body = registry.scrape(format.contentType()).getBytes(StandardCharsets.UTF_8);
        return CompletableFuture.completedFuture(Response.raw(body, format.contentType()));
    }
}
