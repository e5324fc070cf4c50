package io.cairn.agent.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cairn.agent.api.tls.TlsFiles;

class AgentInfoTest {

    private static AgentInfo info(String clientAddress, int httpPort) {
        return new AgentIdentity("n", "", "dc1", false, false, "127.0.0.1", "127.0.0.1", clientAddress, httpPort, 8600,
                8300, 8301, 8302, Path.of("data"));
    }

    @Test
    void localHttpApiIsTheClientAddress() {
        assertEquals(URI.create("http://127.0.0.5:9500"), info("127.0.0.5", 9500).localHttpApi());
        assertEquals(URI.create("http://[::1]:8500"), info("::1", 8500).localHttpApi());
    }

    @Test
    void wildcardClientAddressIsReachedOnLoopback() {
        assertEquals(URI.create("http://127.0.0.1:8500"), info("0.0.0.0", 8500).localHttpApi());
        assertEquals(URI.create("http://127.0.0.1:8500"), info("", 8500).localHttpApi());
        assertEquals(URI.create("http://[::1]:8500"), info("::", 8500).localHttpApi());
    }

    @Test
    void withPlainHttpOffTheApiIsReachedOverHttpsWithTheListenersTls() throws Exception {
        Path cert = Path.of(getClass().getResource("/agent.pem").toURI());
        TlsFiles tls = new TlsFiles(cert, null, cert, Path.of(getClass().getResource("/agent-key.pem").toURI()));
        AgentInfo httpsOnly = new AgentIdentity("n", "", "dc1", false, false, "127.0.0.1", "127.0.0.1", "0.0.0.0", 0,
                8600, 8300, 8301, 8302, Path.of("data"), 8501, tls);
        AgentInfo both = new AgentIdentity("n", "", "dc1", false, false, "127.0.0.1", "127.0.0.1", "0.0.0.0", 8500,
                8600, 8300, 8301, 8302, Path.of("data"), 8501, tls);

        assertEquals(URI.create("https://127.0.0.1:8501"), httpsOnly.localHttpApi());
        assertTrue(httpsOnly.localHttpApiTls().isPresent());
        assertEquals(URI.create("http://127.0.0.1:8500"), both.localHttpApi());
        assertEquals(Optional.empty(), both.localHttpApiTls());
        assertEquals(Optional.empty(), info("0.0.0.0", 8500).localHttpApiTls());
    }
}
