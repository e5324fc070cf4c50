package io.cairn.agent.api;

import java.nio.file.Path;

/**
 * The values of an {@link AgentInfo}: what the agent bundle publishes, and what a test hands a component that
 * needs an identity.
 */
public record AgentIdentity(String nodeName, String nodeId, String datacenter, boolean server, boolean dev,
        String bindAddress, String advertiseAddress, String clientAddress, int httpPort, int dnsPort, int serverPort,
        int serfLanPort, int serfWanPort, Path dataDir) implements AgentInfo {
}
