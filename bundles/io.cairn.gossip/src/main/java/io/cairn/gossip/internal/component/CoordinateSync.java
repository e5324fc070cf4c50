package io.cairn.gossip.internal.component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.acl.api.AclResolver;
import io.cairn.agent.api.AgentInfo;
import io.cairn.coordinate.Coordinate;
import io.cairn.gossip.api.Membership;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends this agent's LAN coordinate to the servers now and then, as Consul's agents do: through the agent's own
 * {@code PUT /v1/coordinate/update} ({@link AgentInfo#localHttpApi()}, over HTTPS when that is all it serves),
 * which a server applies (batched) and a client agent forwards. The interval grows with the pool so that the
 * whole cluster stays near {@value #UPDATES_PER_SECOND} updates a second, never below {@link #MIN_INTERVAL},
 * with a random stagger so agents do not send together.
 */
@Component(service = {})
public final class CoordinateSync {
    private static final Logger LOG = LoggerFactory.getLogger(CoordinateSync.class);
    /** Consul's {@code sync_coordinate_rate_target}. */
    static final int UPDATES_PER_SECOND = 64;
    /** Consul's {@code sync_coordinate_interval_min}. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(15);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentInfo agent;
    private final AclResolver acl;
    private final Membership lan;
    private final URI update;
    private final HttpClient http;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cairn-coordinate-sync");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public CoordinateSync(@Reference AgentInfo agent,
            @Reference(target = "(" + Membership.POOL + "=" + Membership.LAN + ")") Membership lan,
            @Reference AclResolver acl) {
        this.agent = agent;
        this.acl = acl;
        this.lan = lan;
        this.update = agent.localHttpApi().resolve("/v1/coordinate/update");
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        agent.localHttpApiTls().ifPresent(http::sslContext);
        this.http = http.build();
        schedule();
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    /** How long until the next update for a pool of {@code members}: Consul's rate rule plus a random stagger. */
    static Duration interval(int members, double stagger) {
        Duration rated = Duration.ofMillis(Math.round(1000.0 * members / UPDATES_PER_SECOND));
        Duration base = rated.compareTo(MIN_INTERVAL) > 0 ? rated : MIN_INTERVAL;
        return base.plusMillis(Math.round(base.toMillis() * stagger));
    }

    private void schedule() {
        try {
            Duration next = interval(lan.members().size(), ThreadLocalRandom.current().nextDouble());
            timer.schedule(this::send, next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            LOG.debug("Coordinate sync stopped");
        }
    }

    private void send() {
        try {
            Coordinate c = lan.coordinate();
            byte[] body = JSON.writeValueAsBytes(Map.of("Node", agent.nodeName(), "Segment", "", "Coord",
                    CoordJson.of(c)));
            HttpRequest.Builder request = HttpRequest.newBuilder(update).timeout(TIMEOUT)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
            String token = acl.agentSecret();
            if (!token.isEmpty()) {
                request.header("X-Consul-Token", token);
            }
            http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        if (failure != null) {
                            LOG.debug("Sending the coordinate failed: {}", failure.toString());
                        } else if (response.statusCode() != 200) {
                            LOG.debug("The coordinate update was refused: {} {}", response.statusCode(),
                                    response.body());
                        }
                        schedule();
                    });
        } catch (RuntimeException | IOException e) {
            LOG.debug("Sending the coordinate failed", e);
            schedule();
        }
    }
}
