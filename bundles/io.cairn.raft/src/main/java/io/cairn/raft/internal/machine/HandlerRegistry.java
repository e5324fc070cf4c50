package io.cairn.raft.internal.machine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.cairn.raft.api.CommandHandler;

/**
 * The {@link CommandHandler}s currently registered, by command type. Several may claim one type (for example
 * while a bundle is updated); the highest ranked wins, then the oldest service.
 */
public final class HandlerRegistry {

    private record Registration(CommandHandler handler, int ranking, long serviceId) {
    }

    private static final Comparator<Registration> BEST_FIRST = Comparator.comparingInt(Registration::ranking)
            .reversed().thenComparingLong(Registration::serviceId);

    private final Map<String, List<Registration>> byType = new HashMap<>();

    public synchronized void add(String type, CommandHandler handler, int ranking, long serviceId) {
        List<Registration> list = byType.computeIfAbsent(type, t -> new ArrayList<>());
        list.add(new Registration(handler, ranking, serviceId));
        list.sort(BEST_FIRST);
        notifyAll();
    }

    public synchronized void remove(String type, CommandHandler handler) {
        List<Registration> list = byType.get(type);
        if (list != null) {
            list.removeIf(r -> r.handler() == handler);
            if (list.isEmpty()) {
                byType.remove(type);
            }
        }
    }

    public synchronized Optional<CommandHandler> find(String type) {
        List<Registration> list = byType.get(type);
        return list == null ? Optional.empty() : Optional.of(list.get(0).handler());
    }

    /**
     * Waits until a handler for {@code type} is registered. Returns empty if {@code stop} turns true first; call
     * {@link #wakeWaiters()} after setting what {@code stop} reads.
     */
    public synchronized Optional<CommandHandler> await(String type, BooleanSupplier stop) throws InterruptedException {
        Optional<CommandHandler> handler = find(type);
        while (handler.isEmpty() && !stop.getAsBoolean()) {
            wait();
            handler = find(type);
        }
        return handler;
    }

    public synchronized void wakeWaiters() {
        notifyAll();
    }
}
