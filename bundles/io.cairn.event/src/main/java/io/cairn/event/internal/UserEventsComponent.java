package io.cairn.event.internal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.agent.api.Agent;
import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.definitions.ServiceDefinition;
import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;
import io.cairn.gossip.api.BroadcastListener;
import io.cairn.gossip.api.Membership;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.RouteTable;

/**
 * This agent's user events, on servers and client agents alike: the {@link UserEvents} service and
 * {@code /v1/event/*}. Events travel by broadcast on the LAN gossip pool, channel {@value #CHANNEL}; the agent's
 * node name and datacenter come from {@link AgentInfo}, the service instances the filters are matched against
 * from the {@link Agent}.
 */
@Component(service = {UserEvents.class, HttpEndpoints.class, BroadcastListener.class}, immediate = true,
        property = {BroadcastListener.CHANNEL + "=" + UserEventsComponent.CHANNEL,
            Membership.POOL + "=" + Membership.LAN})
public final class UserEventsComponent implements UserEvents, HttpEndpoints, BroadcastListener {
    /** The gossip channel user events travel on. */
    static final String CHANNEL = "user-event";
    private static final Logger LOG = LoggerFactory.getLogger(UserEventsComponent.class);

    private final AgentEvents events;
    private final EventEndpoints endpoints;

    @Activate
    public UserEventsComponent(@Reference(name = "identity") AgentInfo identity, @Reference(name = "agent") Agent agent,
            @Reference(name = "lan", target = "(" + Membership.POOL + "=" + Membership.LAN + ")") Membership lan) {
        events = new AgentEvents(payload -> lan.broadcast(CHANNEL, payload), identity.nodeName(),
                () -> agent.services().stream().map(UserEventsComponent::local).toList(), UUID::randomUUID,
                LOG::warn);
        endpoints = new EventEndpoints(events);
    }

    /** A user event broadcast on the LAN pool, by any agent (this one included). */
    @Override
    public void received(String origin, byte[] payload) {
        events.receive(origin, payload);
    }

    private static LocalService local(ServiceDefinition service) {
        return new LocalService(service.id(), service.name(), service.tags());
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
