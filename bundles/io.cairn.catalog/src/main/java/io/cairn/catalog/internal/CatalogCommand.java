package io.cairn.catalog.internal;

import java.util.ArrayList;
import java.util.List;

import io.cairn.json.lang.ReplicatedJson;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.Registration;
import io.cairn.health.api.CheckStatus;

/**
 * One replicated catalog write as it travels through the Raft log: exactly one of {@code register} and
 * {@code deregister} is set. Built with Consul's defaults already applied, so every server applies the same
 * values; what depends on the catalog's state is decided in {@link CatalogStateMachine}.
 */
public record CatalogCommand(Register register, Deregister deregister) {

    /** Upsert of a node, optionally one instance, and checks. */
    public record Register(Stored.Node node, Stored.Service service, List<Stored.Check> checks,
            boolean skipNodeUpdate) {
    }

    /** Removal of a node (both IDs empty), an instance or a check. */
    public record Deregister(String node, String serviceId, String checkId) {
    }

    /**
     * The command for {@code r}, with defaults applied: the service ID is the service name, a check ID is its
     * name, a check's status is critical, checks belong to the registered node. Throws
     * {@link IllegalArgumentException} with Consul's message for input no server should apply.
     */
    public static CatalogCommand register(Registration r) {
        requireName(r.node(), "Missing node name");
        if (r.address().isEmpty() && !r.skipNodeUpdate()) {
            throw new IllegalArgumentException("Missing node address");
        }
        Stored.Service service = null;
        if (r.service() != null) {
            NodeService s = r.service();
            requireName(s.service(), "Missing service name");
            String id = s.id().isEmpty() ? s.service() : s.id();
            requireName(id, "Missing service ID");
            service = Stored.Service.of(r.node(), new NodeService(s.kind(), id, s.service(), s.tags(),
                    s.address(), s.taggedAddresses(), s.meta(), s.port(), s.weights(), s.enableTagOverride(), 0, 0));
        }
        List<Stored.Check> checks = new ArrayList<>();
        for (HealthCheck c : r.checks()) {
            String id = c.checkId().isEmpty() ? c.name() : c.checkId();
            requireName(id, "Missing check ID: give the check a CheckID or a Name");
            checks.add(Stored.Check.of(r.node(), new HealthCheck(r.node(), id, c.name(), c.status(), c.notes(),
                    c.output(), c.serviceId(), c.serviceName(), c.serviceTags(), c.type(), c.definition(), 0, 0)));
        }
        Stored.Node node = new Stored.Node(r.id(), r.node(), r.address(), r.taggedAddresses(), r.nodeMeta());
        return new CatalogCommand(new Register(node, service, List.copyOf(checks), r.skipNodeUpdate()), null);
    }

    /** The command for {@code d}; {@link IllegalArgumentException} without a node name. */
    public static CatalogCommand deregister(Deregistration d) {
        requireName(d.node(), "Missing node name");
        return new CatalogCommand(null, new Deregister(d.node(), d.serviceId(), d.checkId()));
    }

    private static void requireName(String name, String missing) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException(missing);
        }
        if (!CatalogKeys.usable(name)) {
            throw new IllegalArgumentException("Invalid name '" + name.replace('\u0000', '?')
                    + "': names must be valid Unicode (no unpaired UTF-16 surrogate) without NUL characters");
        }
    }

    /** Re-checks a decoded command on the leader (it may come from any client of the Raft API). */
    void validate() {
        if ((register == null) == (deregister == null)) {
            throw new IllegalArgumentException("A catalog command must either register or deregister");
        }
        if (deregister != null) {
            requireName(deregister.node(), "Missing node name");
            return;
        }
        requireName(register.node().node(), "Missing node name");
        if (register.node().address().isEmpty() && !register.skipNodeUpdate()) {
            throw new IllegalArgumentException("Missing node address");
        }
        if (register.service() != null) {
            requireName(register.service().service(), "Missing service name");
            requireName(register.service().id(), "Missing service ID");
        }
        for (Stored.Check check : register.checks()) {
            requireName(check.checkId(), "Missing check ID: give the check a CheckID or a Name");
            if (CheckStatus.parse(check.status()).isEmpty()) {
                throw new IllegalArgumentException("Bad check status");
            }
        }
    }

    byte[] encode() {
        return ReplicatedJson.encode(this);
    }

    /** Decodes {@link #encode()}'s output; {@link IllegalStateException} if it is not a catalog command. */
    static CatalogCommand decode(byte[] payload) {
        return ReplicatedJson.decode(payload, CatalogCommand.class);
    }
}
