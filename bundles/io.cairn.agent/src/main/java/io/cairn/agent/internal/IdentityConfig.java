package io.cairn.agent.internal;

import java.nio.file.Path;
import java.util.Set;

import io.cairn.agent.api.AgentIdentity;
import io.cairn.agent.api.tls.TlsFiles;

/** Reads the agent's identity from its configuration (PID {@code io.cairn.agent}), filling in the blanks. */
final class IdentityConfig {
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]");

    private IdentityConfig() {
    }

    /**
     * The identity configuration PID {@code io.cairn.agent} describes. An empty node name is this host's name; an
     * empty advertise address is the bind address, or this host's address when that is a wildcard.
     *
     * @throws IllegalArgumentException naming the key, if a value is out of range or missing
     */
    static AgentIdentity identity(AgentConfig config, LocalHost host) {
        String bind = required("bind.address", config.bind_address());
        String advertise = config.advertise_address().trim();
        if (advertise.isEmpty()) {
            advertise = WILDCARDS.contains(bind) ? host.address() : bind;
        } else if (WILDCARDS.contains(advertise)) {
            throw new IllegalArgumentException("io.cairn.agent: advertise.address must be an address other agents "
                    + "can reach, not the wildcard " + advertise);
        }
        int httpsPort = config.https_port() == -1 ? -1 : port("https.port", config.https_port());
        String nodeName = config.node_name().isBlank() ? host.name() : config.node_name().trim();
        return new AgentIdentity(nodeName, config.node_id().trim(), required("datacenter", config.datacenter()),
                config.server(), config.dev(), bind, advertise, config.client_address().trim(),
                port("http.port", config.http_port()), port("dns.port", config.dns_port()),
                port("server.port", config.server_port()), port("serf.lan.port", config.serf_lan_port()),
                port("serf.wan.port", config.serf_wan_port()), Path.of(required("data.dir", config.data_dir())),
                httpsPort, httpsTls(config, httpsPort));
    }

    /** The HTTPS listener's files; none without an HTTPS port, or without a certificate and key (it fails then). */
    private static TlsFiles httpsTls(AgentConfig config, int httpsPort) {
        if (httpsPort < 0 || config.tls_cert_file().isBlank() || config.tls_key_file().isBlank()) {
            return null;
        }
        return new TlsFiles(path(config.tls_ca_file()), path(config.tls_ca_path()), path(config.tls_cert_file()),
                path(config.tls_key_file()));
    }

    private static Path path(String value) {
        return value.isBlank() ? null : Path.of(value.trim());
    }

    private static String required(String key, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("io.cairn.agent: " + key + " is empty; it needs a value");
        }
        return value.trim();
    }

    private static int port(String key, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException("io.cairn.agent: " + key + " must be a port number from 0 to 65535, got "
                    + value);
        }
        return value;
    }
}
