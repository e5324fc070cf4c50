package io.cairn.operator.internal;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.agent.api.AgentInfo;
import io.cairn.gossip.api.Membership;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.RouteTable;
import io.cairn.raft.api.RaftOperator;
import io.cairn.raft.api.RaftService;

/**
 * The operator endpoints on a server agent, and autopilot's loop: every {@value #RECONCILE_SECONDS} seconds the
 * leader updates the servers' health and removes the dead servers the rules allow. On a client agent the
 * operator paths are forwarded to a server.
 */
@Component(service = HttpEndpoints.class)
public final class OperatorComponent implements HttpEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorComponent.class);
    /** How often autopilot looks at the servers (raft-autopilot's health update interval). */
    static final long RECONCILE_SECONDS = 2;

    private final OperatorEndpoints endpoints;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cairn-autopilot");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public OperatorComponent(@Reference(target = "(" + AgentInfo.SERVER + "=true)") AgentInfo agent,
            @Reference RaftService raft, @Reference RaftOperator operator,
            @Reference(target = "(" + Membership.POOL + "=" + Membership.LAN + ")") Membership lan) {
        Autopilot autopilot = new Autopilot(raft, operator, lan::members, Clock.systemUTC());
        endpoints = new OperatorEndpoints(raft, operator, autopilot);
        executor.scheduleWithFixedDelay(() -> {
            try {
                autopilot.reconcile().toCompletableFuture().get(RECONCILE_SECONDS * 10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debug("Autopilot could not reconcile the servers: {}", e.toString());
            }
        }, RECONCILE_SECONDS, RECONCILE_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public void routes(RouteTable table) {
        endpoints.routes(table);
    }
}
