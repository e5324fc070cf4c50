package io.cairn.event.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;
import io.cairn.gossip.api.Membership;

/**
 * {@link UserEvents} by gossip, as Serf delivers Consul's user events: firing broadcasts the event to the LAN
 * pool, and every agent, this one included, judges each event once, on arrival, against its node name and its own
 * service instances; those for it go into its {@link EventRing}. A later change of its services does not take a
 * received event back. Logical times come from this agent's {@link LamportClock}, which every arrival moves on.
 */
final class AgentEvents implements UserEvents {
    /** Hands an encoded event to the LAN gossip pool. */
    @FunctionalInterface
    interface Broadcast {
        void send(byte[] payload);
    }

    /** IDs of the events already judged, so a copy that comes again is ignored; a few rings' worth. */
    private static final int REMEMBERED = 4 * KEPT;

    private final Broadcast broadcast;
    private final String nodeName;
    private final Supplier<List<LocalService>> services;
    private final Supplier<UUID> ids;
    private final Consumer<String> log;
    private final LamportClock clock = new LamportClock();
    private final EventRing ring = new EventRing();
    private final Map<String, Boolean> judged = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * @param nodeName this agent's node name
     * @param services this agent's service instances now; called on arrival of an event with a service filter
     * @param ids      source of event IDs
     * @param log      where events that arrive broken are reported
     */
    AgentEvents(Broadcast broadcast, String nodeName, Supplier<List<LocalService>> services, Supplier<UUID> ids,
            Consumer<String> log) {
        this.broadcast = broadcast;
        this.nodeName = nodeName;
        this.services = services;
        this.ids = ids;
        this.log = log;
    }

    /**
     * Broadcasts the event and takes it in here at once (its copy from gossip is then ignored), so this agent's
     * list shows it as soon as the stage completes.
     */
    @Override
    public CompletionStage<UserEvent> fire(String name, byte[] payload, String nodeFilter, String serviceFilter,
            String tagFilter) {
        UserEvent unsent = new UserEvent(ids.get().toString(), name == null ? "" : name, payload, nodeFilter,
                serviceFilter, tagFilter, UserEvent.VERSION, 0);
        EventRules.validate(unsent);
        int encodedSize = EventCodec.encode(unsent).length;
        if (encodedSize > Membership.MAX_BROADCAST_BYTES) {
            throw new IllegalArgumentException("User event with its filters takes " + encodedSize
                    + " bytes encoded, more than the " + Membership.MAX_BROADCAST_BYTES
                    + " bytes a gossip broadcast carries; use shorter node, service or tag filters");
        }
        UserEvent event = new UserEvent(unsent.id(), unsent.name(), unsent.payload(), unsent.nodeFilter(),
                unsent.serviceFilter(), unsent.tagFilter(), unsent.version(), clock.next());
        broadcast.send(EventCodec.encode(event));
        accept(event);
        // Consul answers the event as fired, before it has a logical time
        return CompletableFuture.completedFuture(unsent);
    }

    /** An event broadcast by {@code origin} (this agent included) arrived; one that is not valid is dropped. */
    void receive(String origin, byte[] payload) {
        UserEvent event;
        try {
            event = EventCodec.decode(payload);
            EventRules.validate(event);
        } catch (IllegalArgumentException e) {
            log.accept("Dropped a user event from " + origin + ": " + e.getMessage());
            return;
        }
        if (event.lTime() <= 0) {
            log.accept("Dropped user event " + event.id() + " from " + origin + ": logical time " + event.lTime()
                    + " is not positive");
            return;
        }
        accept(event);
    }

    private void accept(UserEvent event) {
        clock.witness(event.lTime());
        synchronized (judged) {
            if (judged.putIfAbsent(event.id(), Boolean.TRUE) != null) {
                return;
            }
        }
        List<LocalService> instances = DeliveryFilter.needsServices(event) ? services.get() : List.of();
        if (DeliveryFilter.matches(event, nodeName, instances)) {
            ring.add(event);
        }
    }

    /** The events this agent received, oldest first, internal ones included. */
    List<UserEvent> events() {
        return ring.events();
    }

    @Override
    public CompletionStage<List<UserEvent>> received() {
        return CompletableFuture.completedFuture(ring.events());
    }

    @Override
    public long changeIndex() {
        return ring.changeIndex();
    }

    @Override
    public CompletableFuture<Long> awaitChange(long afterIndex) {
        return ring.awaitChange(afterIndex);
    }
}
