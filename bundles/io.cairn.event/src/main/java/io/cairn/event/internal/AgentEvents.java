package io.cairn.event.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.StateView;

/**
 * {@link UserEvents} over the replicated event ring. Each event is judged for this agent once, the first time it
 * is looked at, and the verdict is remembered, so an agent's list does not change when its services do later (a
 * Consul agent likewise filters on arrival).
 */
final class AgentEvents implements UserEvents {
    private final RaftService raft;
    private final Supplier<String> nodeName;
    private final Function<String, List<LocalService>> services;
    private final Supplier<UUID> ids;
    /** Verdicts by event ID; bounded a little above the ring so evicted events cannot come back undecided. */
    private final Map<String, Boolean> verdicts = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 2 * KEPT;
        }
    };

    /**
     * @param nodeName this agent's node name
     * @param services the service instances registered on a node, by node name; called while an answer to
     *                 {@code /v1/event/list} is computed, so it must answer from local state without waiting
     * @param ids      source of event IDs
     */
    AgentEvents(RaftService raft, Supplier<String> nodeName, Function<String, List<LocalService>> services,
            Supplier<UUID> ids) {
        this.raft = raft;
        this.nodeName = nodeName;
        this.services = services;
        this.ids = ids;
    }

    @Override
    public CompletionStage<UserEvent> fire(String name, byte[] payload, String nodeFilter, String serviceFilter,
            String tagFilter) {
        UserEvent event = new UserEvent(ids.get().toString(), name == null ? "" : name, payload, nodeFilter,
                serviceFilter, tagFilter, UserEvent.VERSION, 0);
        EventRules.validate(event);
        return raft.submit(EventTable.COMMAND_TYPE, EventCodec.encode(event)).thenApply(result -> event);
    }

    @Override
    public CompletionStage<List<UserEvent>> received() {
        return CompletableFuture.completedFuture(raft.state().read(this::received));
    }

    /** The events in {@code state} this agent received, oldest first, internal ones included. */
    List<UserEvent> received(StateView state) {
        List<UserEvent> all = EventTable.read(state);
        String node = nodeName.get();
        boolean lookUp;
        synchronized (verdicts) {
            lookUp = all.stream().anyMatch(e -> !verdicts.containsKey(e.id()) && DeliveryFilter.needsServices(e));
        }
        List<LocalService> instances = lookUp ? services.apply(node) : List.of();
        synchronized (verdicts) {
            return all.stream().filter(event -> verdicts.computeIfAbsent(event.id(),
                    id -> DeliveryFilter.matches(event, node, instances))).toList();
        }
    }

    @Override
    public long changeIndex() {
        return raft.state().index(EventTable.TABLE, "");
    }

    @Override
    public CompletableFuture<Long> awaitChange(long afterIndex) {
        return raft.awaitChange(EventTable.TABLE, "", afterIndex);
    }
}
