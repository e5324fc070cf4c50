package io.cairn.agent.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

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
}
