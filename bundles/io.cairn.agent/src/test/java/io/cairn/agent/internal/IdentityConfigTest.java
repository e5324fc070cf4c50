package io.cairn.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cairn.agent.api.AgentIdentity;
import io.cairn.agent.api.tls.TlsFiles;

class IdentityConfigTest {
    private static final LocalHost HOST = new LocalHost() {
        @Override
        public String name() {
            return "host-7";
        }

        @Override
        public String address() {
            return "127.0.0.7";
        }
    };

    /** The configuration with the OCD's defaults, except for {@code values} (keyed by method name). */
    static AgentConfig config(Map<String, Object> values) {
        return (AgentConfig) Proxy.newProxyInstance(AgentConfig.class.getClassLoader(),
                new Class<?>[] {AgentConfig.class}, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }

    @Test
    void unconfiguredAgentHasConsulsAddressesAndPortsAndThisHostsName() {
        AgentIdentity agent = IdentityConfig.identity(config(Map.of()), HOST);

        assertEquals("host-7", agent.nodeName());
        assertEquals("dc1", agent.datacenter());
        assertEquals("0.0.0.0", agent.bindAddress());
        assertEquals("127.0.0.7", agent.advertiseAddress(), "a wildcard bind address is advertised as the host's");
        assertEquals("127.0.0.1", agent.clientAddress());
        assertEquals(8500, agent.httpPort());
        assertEquals(8600, agent.dnsPort());
        assertEquals(8300, agent.serverPort());
        assertEquals(8301, agent.serfLanPort());
        assertEquals(8302, agent.serfWanPort());
        assertEquals(Path.of("data/cairn"), agent.dataDir());
    }

    @Test
    void anHttpsPortCarriesTheListenersTlsFiles() {
        AgentIdentity agent = IdentityConfig.identity(config(Map.of("http_port", 0, "https_port", 8501,
                "tls_ca_file", "/etc/cairn/ca.pem", "tls_cert_file", " /etc/cairn/agent.pem ", "tls_key_file",
                "/etc/cairn/agent-key.pem")), HOST);

        assertEquals(8501, agent.httpsPort());
        assertEquals(new TlsFiles(Path.of("/etc/cairn/ca.pem"), null, Path.of("/etc/cairn/agent.pem"),
                Path.of("/etc/cairn/agent-key.pem")), agent.tls());
        assertEquals(URI.create("https://127.0.0.1:8501"), agent.localHttpApi());
    }

    @Test
    void withoutAnHttpsPortTlsFilesAreIgnored() {
        AgentIdentity agent = IdentityConfig.identity(config(Map.of("tls_cert_file", "/etc/cairn/agent.pem",
                "tls_key_file", "/etc/cairn/agent-key.pem")), HOST);

        assertEquals(-1, agent.httpsPort());
        assertEquals(Optional.empty(), agent.httpsTls());
    }

    @Test
    void configuredValuesAreTakenTrimmed() {
        AgentIdentity agent = IdentityConfig.identity(config(Map.of("node_name", " web1 ", "node_id", "id-1",
                "datacenter", "east", "server", false, "bind_address", "127.0.0.2", "advertise_address",
                "127.0.0.3", "client_address", "127.0.0.4", "http_port", 9500, "dns_port", 9600, "data_dir",
                "/tmp/cairn-web1")), HOST);

        assertEquals(new AgentIdentity("web1", "id-1", "east", false, false, "127.0.0.2", "127.0.0.3", "127.0.0.4",
                9500, 9600, 8300, 8301, 8302, Path.of("/tmp/cairn-web1")), agent);
    }

    @Test
    void advertiseAddressDefaultsToASpecificBindAddress() {
        AgentIdentity agent = IdentityConfig.identity(config(Map.of("bind_address", "127.0.0.2")), HOST);

        assertEquals("127.0.0.2", agent.advertiseAddress());
    }

    @Test
    void wildcardAdvertiseAddressIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdentityConfig.identity(config(Map.of("advertise_address", "0.0.0.0")), HOST));

        assertEquals("io.cairn.agent: advertise.address must be an address other agents can reach, not the "
                + "wildcard 0.0.0.0", e.getMessage());
    }

    @Test
    void portOutOfRangeIsRefusedNamingItsKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdentityConfig.identity(config(Map.of("serf_wan_port", 70_000)), HOST));

        assertEquals("io.cairn.agent: serf.wan.port must be a port number from 0 to 65535, got 70000",
                e.getMessage());
    }

    @Test
    void emptyDataDirIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdentityConfig.identity(config(Map.of("data_dir", " ")), HOST));

        assertEquals("io.cairn.agent: data.dir is empty; it needs a value", e.getMessage());
    }
}
