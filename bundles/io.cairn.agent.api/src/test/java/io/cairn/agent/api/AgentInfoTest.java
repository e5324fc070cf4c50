package io.cairn.agent.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class AgentInfoTest {

    private record Info(String clientAddress, int httpPort) implements AgentInfo {
        @Override
        public String nodeName() {
            return "n";
        }

        @Override
        public String nodeId() {
            return "";
        }

        @Override
        public String datacenter() {
            return "dc1";
        }

        @Override
        public boolean server() {
            return false;
        }

        @Override
        public boolean dev() {
            return false;
        }

        @Override
        public String bindAddress() {
            return "127.0.0.1";
        }

        @Override
        public String advertiseAddress() {
            return "127.0.0.1";
        }

        @Override
        public int dnsPort() {
            return 8600;
        }

        @Override
        public int serverPort() {
            return 8300;
        }

        @Override
        public int serfLanPort() {
            return 8301;
        }

        @Override
        public int serfWanPort() {
            return 8302;
        }

        @Override
        public Path dataDir() {
            return Path.of("data");
        }
    }

    @Test
    void localHttpApiIsTheClientAddress() {
        assertEquals(URI.create("http://127.0.0.5:9500"), new Info("127.0.0.5", 9500).localHttpApi());
        assertEquals(URI.create("http://[::1]:8500"), new Info("::1", 8500).localHttpApi());
    }

    @Test
    void wildcardClientAddressIsReachedOnLoopback() {
        assertEquals(URI.create("http://127.0.0.1:8500"), new Info("0.0.0.0", 8500).localHttpApi());
        assertEquals(URI.create("http://127.0.0.1:8500"), new Info("", 8500).localHttpApi());
        assertEquals(URI.create("http://[::1]:8500"), new Info("::", 8500).localHttpApi());
    }
}
