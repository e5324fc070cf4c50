package io.cairn.agent.api;

import java.nio.file.Path;
import java.util.Optional;

import io.cairn.agent.api.tls.TlsFiles;

/**
 * The values of an {@link AgentInfo}: what the agent bundle publishes, and what a test hands a component that
 * needs an identity.
 *
 * @param httpsPort -1 when the agent has no HTTPS listener
 * @param tls       the HTTPS listener's files, {@code null} when it has none
 */
public record AgentIdentity(String nodeName, String nodeId, String datacenter, boolean server, boolean dev,
        String bindAddress, String advertiseAddress, String clientAddress, int httpPort, int dnsPort, int serverPort,
        int serfLanPort, int serfWanPort, Path dataDir, int httpsPort, TlsFiles tls) implements AgentInfo {

    /** An agent with plain HTTP only. */
    public AgentIdentity(String nodeName, String nodeId, String datacenter, boolean server, boolean dev,
            String bindAddress, String advertiseAddress, String clientAddress, int httpPort, int dnsPort,
            int serverPort, int serfLanPort, int serfWanPort, Path dataDir) {
        this(nodeName, nodeId, datacenter, server, dev, bindAddress, advertiseAddress, clientAddress, httpPort,
                dnsPort, serverPort, serfLanPort, serfWanPort, dataDir, -1, null);
    }

    @Override
    public Optional<TlsFiles> httpsTls() {
        return Optional.ofNullable(tls);
    }
}
