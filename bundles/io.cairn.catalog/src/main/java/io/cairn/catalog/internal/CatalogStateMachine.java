package io.cairn.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.cairn.json.lang.ReplicatedJson;
import io.cairn.catalog.api.Coordinates;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateWriter;

/**
 * Consul's catalog write semantics over the {@value CatalogKeys#TABLE} table: the deterministic apply every
 * server runs. A registration that the current state refuses changes nothing and reports why. Deregistering a
 * node also deletes its network coordinates from the {@value CoordinateTable#TABLE} table.
 */
public final class CatalogStateMachine {

    /** The Raft command type the catalog handler owns. */
    public static final String COMMAND_TYPE = "catalog";

    private static final byte[] NO_VALUE = new byte[0];

    private CatalogStateMachine() {
    }

    /** Applies {@code command}; returns the reason it was refused, or empty if it took effect. */
    public static Optional<String> apply(CatalogCommand command, StateWriter state) {
        if (command.register() != null) {
            return register(command.register(), state);
        }
        deregister(command.deregister(), state);
        return Optional.empty();
    }

    private static Optional<String> register(CatalogCommand.Register r, StateWriter state) {
        String node = r.node().node();
        // Decide everything that can fail before the first write, so a refused command changes nothing.
        Map<String, Stored.Service> owners = new HashMap<>();
        for (Stored.Check check : r.checks()) {
            if (check.serviceId().isEmpty()) {
                continue;
            }
            Optional<Stored.Service> owner = r.service() != null && r.service().id().equals(check.serviceId())
                    ? Optional.of(r.service())
                    : state.get(CatalogKeys.TABLE, CatalogKeys.service(node, check.serviceId()))
                            .map(e -> ReplicatedJson.decode(e.value(), Stored.Service.class));
            if (owner.isEmpty()) {
                return Optional.of("Missing service registration");
            }
            owners.put(check.serviceId(), owner.get());
        }
        boolean nodeExists = state.get(CatalogKeys.TABLE, CatalogKeys.node(node)).isPresent();
        if (!nodeExists || !r.skipNodeUpdate()) {
            putIfChanged(state, CatalogKeys.node(node), ReplicatedJson.encode(r.node()));
        }
        if (r.service() != null) {
            putService(r.service(), state);
        }
        for (Stored.Check check : r.checks()) {
            Stored.Service owner = owners.get(check.serviceId());
            Stored.Check filled = owner == null ? check : check.forService(owner);
            putIfChanged(state, CatalogKeys.check(node, check.checkId()), ReplicatedJson.encode(filled));
        }
        return Optional.empty();
    }

    /** Writes an instance, moves its name index entry if it was renamed, and refreshes its checks' copies. */
    private static void putService(Stored.Service service, StateWriter state) {
        String node = service.node();
        String key = CatalogKeys.service(node, service.id());
        state.get(CatalogKeys.TABLE, key)
                .map(e -> ReplicatedJson.decode(e.value(), Stored.Service.class))
                .filter(old -> !old.service().equals(service.service()))
                .ifPresent(old -> state.delete(CatalogKeys.TABLE, CatalogKeys.byName(old.service(), node, old.id())));
        putIfChanged(state, key, ReplicatedJson.encode(service));
        putIfChanged(state, CatalogKeys.byName(service.service(), node, service.id()), NO_VALUE);
        for (Entry entry : state.scan(CatalogKeys.TABLE, CatalogKeys.checksOf(node))) {
            Stored.Check check = ReplicatedJson.decode(entry.value(), Stored.Check.class);
            if (check.serviceId().equals(service.id())) {
                putIfChanged(state, entry.key(), ReplicatedJson.encode(check.forService(service)));
            }
        }
    }

    private static void deregister(CatalogCommand.Deregister d, StateWriter state) {
        String node = d.node();
        if (!d.checkId().isEmpty()) {
            state.delete(CatalogKeys.TABLE, CatalogKeys.check(node, d.checkId()));
        }
        if (!d.serviceId().isEmpty()) {
            deleteService(node, d.serviceId(), state);
        }
        if (d.checkId().isEmpty() && d.serviceId().isEmpty()) {
            for (Entry entry : state.scan(CatalogKeys.TABLE, CatalogKeys.servicesOf(node))) {
                Stored.Service service = ReplicatedJson.decode(entry.value(), Stored.Service.class);
                state.delete(CatalogKeys.TABLE, CatalogKeys.byName(service.service(), node, service.id()));
            }
            state.deletePrefix(CatalogKeys.TABLE, CatalogKeys.servicesOf(node));
            state.deletePrefix(CatalogKeys.TABLE, CatalogKeys.checksOf(node));
            state.delete(CatalogKeys.TABLE, CatalogKeys.node(node));
            // A coordinate lives as long as its node, as in Consul (updates for unknown nodes are dropped).
            state.deletePrefix(CoordinateTable.TABLE, Coordinates.prefix(node));
        }
    }

    private static void deleteService(String node, String serviceId, StateWriter state) {
        Optional<Entry> existing = state.get(CatalogKeys.TABLE, CatalogKeys.service(node, serviceId));
        if (existing.isEmpty()) {
            return;
        }
        Stored.Service service = ReplicatedJson.decode(existing.get().value(), Stored.Service.class);
        state.delete(CatalogKeys.TABLE, CatalogKeys.byName(service.service(), node, serviceId));
        state.delete(CatalogKeys.TABLE, existing.get().key());
        for (Entry entry : state.scan(CatalogKeys.TABLE, CatalogKeys.checksOf(node))) {
            if (ReplicatedJson.decode(entry.value(), Stored.Check.class).serviceId().equals(serviceId)) {
                state.delete(CatalogKeys.TABLE, entry.key());
            }
        }
    }

    /**
     * Writing exactly what is stored changes nothing, so indexes stay and blocking watchers are not woken:
     * agents re-register their whole state on every anti-entropy sync.
     */
    private static void putIfChanged(StateWriter state, String key, byte[] value) {
        Optional<Entry> existing = state.get(CatalogKeys.TABLE, key);
        if (existing.isEmpty() || !Arrays.equals(existing.get().value(), value)) {
            state.put(CatalogKeys.TABLE, key, value);
        }
    }

    /** The apply result handed back to the submitter: empty on success, else the UTF-8 reason. */
    public static byte[] encodeResult(Optional<String> refusal) {
        return refusal.map(reason -> reason.getBytes(StandardCharsets.UTF_8)).orElse(NO_VALUE);
    }

    /** The reason encoded by {@link #encodeResult}, if the command was refused. */
    public static Optional<String> decodeResult(byte[] result) {
        return result.length == 0 ? Optional.empty() : Optional.of(new String(result, StandardCharsets.UTF_8));
    }
}
