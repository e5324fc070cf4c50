package io.cairn.event.internal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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

    @Activate
    public UserEventsComponent(@Reference(name = "raft") RaftService raft, @Reference(name = "agent") Agent agent,
            @Reference(name = "catalog") Catalog catalog) {
        events = new AgentEvents(raft, () -> agent.self().name(), node -> services(catalog, node), UUID::randomUUID);
        endpoints = new EventEndpoints(events, catalog::datacenter);
    }

    /**
     * A stale read is answered from this server's state without a barrier, so it is complete when returned and
     * joining it holds no thread; it runs while the event list's answer is computed, inside a read of the same
     * state, whose lock readers may take again.
     */
    private static List<LocalService> services(Catalog catalog, String node) {
        return catalog.node(node, Consistency.STALE).toCompletableFuture().join().value()
                .map(found -> found.services().stream().map(UserEventsComponent::local).toList())
                .orElse(List.of());
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
