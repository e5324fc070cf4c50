package io.cairn.agent.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The services and checks this agent owns: the source of truth that anti-entropy makes the catalog match.
 * Every change calls {@code onChange} (after the change, outside this object's lock) so a sync can follow.
 */
final class LocalState {
    private final Map<String, LocalService> services = new TreeMap<>();
    private final Map<String, LocalCheck> checks = new TreeMap<>();
    private final Runnable onChange;

    /** Everything at one moment, each list ordered by ID. */
    record Snapshot(List<LocalService> services, List<LocalCheck> checks) {
    }

    LocalState(Runnable onChange) {
        this.onChange = onChange;
    }

    synchronized Optional<LocalService> service(String id) {
        return Optional.ofNullable(services.get(id));
    }

    synchronized Optional<LocalCheck> check(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    /** The checks of one service, maintenance included. */
    synchronized List<LocalCheck> checksOf(String serviceId) {
        return checks.values().stream().filter(c -> c.serviceId().equals(serviceId)).toList();
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(List.copyOf(services.values()), List.copyOf(checks.values()));
    }

    void putService(LocalService service) {
        synchronized (this) {
            services.put(service.id(), service);
        }
        onChange.run();
    }

    void removeService(String id) {
        synchronized (this) {
            services.remove(id);
        }
        onChange.run();
    }

    void putCheck(LocalCheck check) {
        synchronized (this) {
            checks.put(check.id(), check);
        }
        onChange.run();
    }

    void removeCheck(String id) {
        synchronized (this) {
            checks.remove(id);
        }
        onChange.run();
    }
}
