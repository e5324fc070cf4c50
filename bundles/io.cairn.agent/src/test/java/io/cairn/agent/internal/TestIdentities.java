package io.cairn.agent.internal;

import java.nio.file.Path;

import io.cairn.agent.api.AgentIdentity;

/** Agent identities for tests: Consul's default ports, one address for bind, advertise and client. */
final class TestIdentities {
    private TestIdentities() {
    }

    static AgentIdentity agent(String nodeName, String nodeId, boolean server, String address, boolean dev) {
        return new AgentIdentity(nodeName, nodeId, "dc1", server, dev, address, address, address, 8500, 8600, 8300,
                8301, 8302, Path.of("/var/lib/cairn"));
    }
}
