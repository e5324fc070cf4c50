package io.cairn.metrics.internal;

import java.time.Clock;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;

/** {@code GET /v1/agent/metrics}: the agent's meters as Consul's JSON or in a Prometheus text format. */
@Component(service = HttpEndpoints.class)
public final class MetricsEndpoints implements HttpEndpoints {
    private final AgentRegistry registry;
    private final Clock clock;
    private final Instant started;

    @Activate
    public MetricsEndpoints(@Reference AgentRegistry agent) {
        this(agent, Clock.systemUTC());
    }

    MetricsEndpoints(AgentRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public void routes(RouteTable table) {
        table.get("/v1/agent/metrics", this::metrics);
    }

    CompletionStage<Response> metrics(Request request) {
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
