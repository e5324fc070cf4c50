package io.cairn.agent.api;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import javax.net.ssl.SSLContext;

import org.osgi.annotation.versioning.ProviderType;

import io.cairn.agent.api.tls.TlsFiles;

/**
 * Who this agent is and where it listens: the one source of node name, datacenter, role, addresses and ports for
 * every bundle (none repeats them in a configuration of its own). Registered by the agent bundle from its
 * configuration (PID {@code io.cairn.agent}) with the service property {@value #SERVER}, so that a component
 * that only makes sense on a server (the Raft core) or only on a client agent (forwarding to the servers) can
 * say so with a reference target: {@code (cairn.server=true)}.
 */
@ProviderType
public interface AgentInfo {

    /** Service property: {@code true} on a server agent, {@code false} on a client agent (a Boolean). */
    String SERVER = "cairn.server";

    /** The node name, unique in the datacenter. */
    String nodeName();

    /** The node's UUID. */
    String nodeId();

    /** The datacenter, e.g. {@code dc1}. */
    String datacenter();

    /** Whether this agent is a server: holds the replicated state and takes part in Raft. */
    boolean server();

    /** Whether the agent runs in {@code -dev} mode (a single server that keeps nothing). */
    boolean dev();

    /** The address the cluster listeners (gossip, server RPC) bind to; may be a wildcard. */
    String bindAddress();

    /** The address other agents reach this one at; never a wildcard. */
    String advertiseAddress();

    /** The address the client interfaces (HTTP API, DNS) bind to. */
    String clientAddress();

    /** The HTTP API port; 0 when plain HTTP is off (Consul's {@code ports.http = -1}). */
    int httpPort();

    /** The HTTPS API port; -1 when the agent has no HTTPS listener. */
    int httpsPort();

    /** The PEM files of the HTTPS listener; empty when the agent has none. */
    Optional<TlsFiles> httpsTls();

    /** The DNS port (UDP and TCP). */
    int dnsPort();

    /** The server RPC (Raft) port; used on servers only. */
    int serverPort();

    /** The LAN gossip port (UDP and TCP). */
    int serfLanPort();

    /** The WAN gossip port of servers (UDP and TCP). */
    int serfWanPort();

    /** The agent's data directory; each subsystem keeps its files in a sub-directory of its own. */
    Path dataDir();

    /**
     * The file in the {@linkplain #dataDir() data directory} that holds the configuration's secrets (the gossip key
     * {@code encrypt}, the ACL tokens {@code acl.tokens.*}), readable by the agent's user only: {@code bin/cairn
     * agent} writes it instead of passing them on the JVM's command line, where any local user could read them.
     */
    String SECRETS_FILE = "agent-secrets.properties";

    /**
     * The configured secret {@code name} ({@code encrypt}, {@code acl.tokens.default}, ...) from
     * {@value #SECRETS_FILE}; {@code ""} when it is not set. Reads the file on each call.
     *
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    default String secret(String name) {
        Properties secrets = new Properties();
        try (Reader in = Files.newBufferedReader(dataDir().resolve(SECRETS_FILE), StandardCharsets.UTF_8)) {
            secrets.load(in);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataDir().resolve(SECRETS_FILE), e);
        }
        return secrets.getProperty(name, "").trim();
    }

    /**
     * Where a process on this host reaches this agent's HTTP API, e.g. {@code http://127.0.0.1:8500}: the
     * {@linkplain #clientAddress() client address}, or the loopback address of the same family when that is a
     * wildcard ({@code 0.0.0.0}, {@code ::}) or empty. The HTTPS port, {@code https://}, when plain HTTP is off
     * and HTTPS on, as Consul's agent calls itself. For the bundles that call the agent's own API (watches,
     * templates, remote exec, coordinate updates), with {@link #localHttpApiTls()}.
     */
    default URI localHttpApi() {
        String host = switch (clientAddress().trim()) {
            case "", "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> clientAddress().contains(":") && !clientAddress().startsWith("[")
                    ? "[" + clientAddress().trim() + "]" : clientAddress().trim();
        };
        boolean https = httpPort() == 0 && httpsPort() > 0 && httpsTls().isPresent();
        return URI.create((https ? "https://" : "http://") + host + ":" + (https ? httpsPort() : httpPort()));
    }

    /**
     * The TLS for {@link #localHttpApi()} when that is {@code https://}: the HTTPS listener's own files, so the
     * agent trusts its CA and presents its certificate, which {@code verify_incoming} accepts. Empty for plain
     * HTTP. Reads the files on each call.
     *
     * @throws IllegalArgumentException naming a file that cannot be read or parsed
     */
    default Optional<SSLContext> localHttpApiTls() {
        return localHttpApi().getScheme().equals("https") ? httpsTls().map(TlsFiles::sslContext) : Optional.empty();
    }
}
