package io.cairn.event.internal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.cairn.agent.api.Agent;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.NodeService;
import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.RouteTable;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * This agent's user events: the {@link UserEvents} service and {@code /v1/event/*}. The agent's node name comes
 * from the {@link Agent}, its service instances from the catalog's view of the node (kept in sync with the agent
 * by anti-entropy).
 */
@Component(service = {UserEvents.class, HttpEndpoints.class})
public final class UserEventsComponent implements UserEvents, HttpEndpoints {
    private final AgentEvents events;
    private final EventEndpoints endpoints;
    private final ScheduledThreadPoolExecutor timers;

    @Activate
    public UserEventsComponent(@Reference(name = "raft") RaftService raft, @Reference(name = "agent") Agent agent,
            @Reference(name = "catalog") Catalog catalog) {
        timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "cairn-event-wait");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
        events = new AgentEvents(raft, () -> agent.self().name(), node -> services(catalog, node), UUID::randomUUID);
        endpoints = new EventEndpoints(this, catalog::datacenter, (task, nanos) -> {
            ScheduledFuture<?> scheduled = timers.schedule(task, nanos, TimeUnit.NANOSECONDS);
            return () -> scheduled.cancel(false);
        });
    }

    @Deactivate
    void deactivate() {
        timers.shutdownNow();
    }

    private static CompletionStage<List<LocalService>> services(Catalog catalog, String node) {
        return catalog.node(node, Consistency.STALE).thenApply(indexed -> indexed.value()
                .map(found -> found.services().stream().map(UserEventsComponent::local).toList())
                .orElse(List.of()));
    }

    private static LocalService local(NodeService service) {
        return new LocalService(service.id(), service.service(), service.tags());
    }

    @Override
    public void routes(RouteTable table) {
        endpoints.routes(table);
    }

    @Override
    public CompletionStage<UserEvent> fire(String name, byte[] payload, String nodeFilter, String serviceFilter,
            String tagFilter) {
        return events.fire(name, payload, nodeFilter, serviceFilter, tagFilter);
    }

    @Override
    public CompletionStage<List<UserEvent>> received() {
        return events.received();
    }

    @Override
    public long changeIndex() {
        return events.changeIndex();
    }

    @Override
    public CompletableFuture<Long> awaitChange(long afterIndex) {
        return events.awaitChange(afterIndex);
    }
}
