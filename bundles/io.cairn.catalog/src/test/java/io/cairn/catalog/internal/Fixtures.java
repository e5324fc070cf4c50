package io.cairn.catalog.internal;

import io.cairn.raft.testing.InMemoryState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cairn.agent.api.AgentIdentity;
import io.cairn.agent.api.AgentInfo;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.Registration;
import io.cairn.health.api.CheckStatus;

/** Short builders for catalog test data, applied straight to a {@link InMemoryState}. */
final class Fixtures {

    private Fixtures() {
    }

    static NodeService service(String id, String name, String... tags) {
        return new NodeService(null, id, name, List.of(tags), null, null, null, 8080, null, false, 0, 0);
    }

    static HealthCheck check(String id, String serviceId, CheckStatus status) {
        return new HealthCheck(null, id, id, status, null, null, serviceId, null, null, null, null, 0, 0);
    }

    static Registration node(String node, Map<String, String> meta) {
        return new Registration("", node, "10.0.0.1", Map.of("lan", "10.0.0.1"), meta, null, List.of(), false);
    }

    /** Adds an instance, creating its node if needed but leaving an existing node's metadata alone. */
    static Registration instance(String node, NodeService service, HealthCheck... checks) {
        return new Registration("", node, "10.0.0.1", null, null, service, List.of(checks), true);
    }

    /** The catalog's configuration for datacenter {@code dc}. */
    static RaftCatalog.Config config(String dc) {
        return new RaftCatalog.Config() {
            @Override
            public String datacenter() {
                return dc;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return RaftCatalog.Config.class;
            }
        };
    }

    /** A server agent on loopback named {@code nodeName}, in dc1. */
    static AgentInfo agent(String nodeName) {
        return new AgentIdentity(nodeName, "00000000-0000-0000-0000-000000000001", "dc1", true, false, "127.0.0.1",
                "127.0.0.1", "127.0.0.1", 8500, 8600, 8300, 8301, 8302, Path.of("data"));
    }

    static Optional<String> apply(InMemoryState state, Registration registration) {
        return CatalogStateMachine.apply(CatalogCommand.register(registration), state.next());
    }

    static void apply(InMemoryState state, Deregistration deregistration) {
        CatalogStateMachine.apply(CatalogCommand.deregister(deregistration), state.next());
    }
}
