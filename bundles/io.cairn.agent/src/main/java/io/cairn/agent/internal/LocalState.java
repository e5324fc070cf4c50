package io.cairn.agent.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The services and checks this agent owns: the source of truth that anti-entropy makes the catalog match.
 * Every change calls {@code onChange} (after the change, outside this object's lock) so a sync can follow.
 * <p>
 * Like Consul's local state, it remembers which services the agent registered or changed since a sync last made
 * the catalog match them: for those the agent's definition is written as it is, tags included, even where
 * {@code EnableTagOverride} lets the catalog's tags win otherwise (see {@link SyncPlan}).
 */
final class LocalState {
    private final Map<String, LocalService> services = new TreeMap<>();
    private final Map<String, LocalCheck> checks = new TreeMap<>();
    private final Set<String> registeredSinceSync = new HashSet<>();
    private final Runnable onChange;

    /**
     * Everything at one moment, each list ordered by ID.
     *
     * @param registeredSinceSync IDs of the services registered since a sync last made the catalog match them
     */
    record Snapshot(List<LocalService> services, List<LocalCheck> checks, Set<String> registeredSinceSync) {
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
        return new Snapshot(List.copyOf(services.values()), List.copyOf(checks.values()),
                Set.copyOf(registeredSinceSync));
    }

    /**
     * A registration: the agent's own definition replaces the one before, tags included. Unless it equals the
     * agent's current view of the service, the next sync writes it, as Consul's agent does.
     */
    void putService(LocalService service) {
        synchronized (this) {
            LocalService old = services.put(service.id(), service);
            if (old == null || !old.definition().equals(service.definition())) {
                registeredSinceSync.add(service.id());
            }
        }
        onChange.run();
    }

    void removeService(String id) {
        synchronized (this) {
            services.remove(id);
            registeredSinceSync.remove(id);
        }
        onChange.run();
    }

    /**
     * A sync made the catalog match these services: those not registered again meanwhile (still the same
     * objects) are no longer news to the catalog.
     */
    synchronized void synced(List<LocalService> matched) {
        matched.stream().filter(s -> services.get(s.id()) == s).forEach(s -> registeredSinceSync.remove(s.id()));
    }

    /**
     * Tags someone set in the catalog for a service with {@code EnableTagOverride}, taken into the agent's view
     * unless the service was registered again since the sync saw {@code seen}. No sync follows: the catalog
     * already has them.
     */
    synchronized void takeCatalogTags(LocalService seen, List<String> tags) {
        if (services.get(seen.id()) == seen && !registeredSinceSync.contains(seen.id())) {
            services.put(seen.id(), seen.withTags(tags));
        }
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
