package io.cairn.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cairn.agent.api.AgentIdentity;
import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.api.tls.TlsFiles;

class AgentInfoComponentTest {

    @Test
    void answersWithTheIdentityItWasCreatedWith() {
        AgentIdentity identity = new AgentIdentity("web1", "id-1", "east", false, false, "127.0.0.2", "127.0.0.3",
                "127.0.0.4", 9500, 9600, 9300, 9301, 9302, Path.of("/tmp/web1"));
        AgentInfo info = new AgentInfoComponent(Map.of(AgentInfo.SERVER, false, AgentInfoComponent.IDENTITY,
                identity));

        assertEquals(List.of("web1", "id-1", "east", false, false, "127.0.0.2", "127.0.0.3", "127.0.0.4", 9500, 9600,
                9300, 9301, 9302, Path.of("/tmp/web1")), List.of(info.nodeName(), info.nodeId(), info.datacenter(),
                info.server(), info.dev(), info.bindAddress(), info.advertiseAddress(), info.clientAddress(),
                info.httpPort(), info.dnsPort(), info.serverPort(), info.serfLanPort(), info.serfWanPort(),
                info.dataDir()));
    }

    @Test
    void answersWithTheHttpsListenerItWasCreatedWith() {
        TlsFiles tls = new TlsFiles(null, Path.of("/etc/cairn/ca"), Path.of("agent.pem"), Path.of("agent-key.pem"));
        AgentIdentity identity = new AgentIdentity("web1", "id-1", "east", false, false, "127.0.0.2", "127.0.0.3",
                "127.0.0.4", 0, 9600, 9300, 9301, 9302, Path.of("/tmp/web1"), 9501, tls);
        AgentInfo info = new AgentInfoComponent(Map.of(AgentInfo.SERVER, false, AgentInfoComponent.IDENTITY,
                identity));

        assertEquals(List.of(9501, Optional.of(tls)), List.of(info.httpsPort(), info.httpsTls()));
    }
}
