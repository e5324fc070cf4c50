package io.cairn.template.internal;

import io.cairn.agent.api.AgentInfo;
import io.cairn.agent.api.tls.TlsFiles;
import io.cairn.template.internal.config.SslSettings;
import io.cairn.template.internal.runner.HttpQueryClient;
import io.cairn.template.internal.runner.RunnerLog;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How the templates inside the agent reach its HTTP API. By default as the agent's other clients of its API do:
 * {@link AgentInfo#localHttpApi()} with {@link AgentInfo#localHttpApiTls()}. When the config files' {@code consul.ssl}
 * block turns TLS on: the HTTPS port, with the block's files ({@code cert}, {@code key}, {@code ca_cert},
 * {@code ca_path}) in place of the HTTPS listener's own where given, e.g. a client certificate that
 * {@code verify_incoming} accepts when the agent's own lacks the client usage.
 */
final class AgentConnection {
    private AgentConnection() {}

    /**
     * The client the runner queries with; reads the TLS files now.
     *
     * @throws IllegalArgumentException when TLS is on but the agent serves no HTTPS, or a file cannot be read
     */
    static HttpQueryClient client(AgentInfo agent, SslSettings ssl, RunnerLog log) {
        if (!ssl.isEnabled()) {
            return new HttpQueryClient(agent.localHttpApi(), "", agent.localHttpApiTls());
        }
        return new HttpQueryClient(httpsApi(agent), "", Optional.of(tls(agent, ssl, log)));
    }

    /** The agent's API over HTTPS: its local address, on the HTTPS port when that is not already it. */
    static URI httpsApi(AgentInfo agent) {
        URI local = agent.localHttpApi();
        if (local.getScheme().equals("https")) {
            return local;
        }
        if (agent.httpsPort() <= 0 || agent.httpsTls().isEmpty()) {
            throw new IllegalArgumentException("consul.ssl turns TLS on, but the agent serves no HTTPS (set "
                    + "ports.https and the tls certificate and key)");
        }
        return URI.create("https://" + local.getHost() + ":" + agent.httpsPort());
    }

    /** The block's files where given, the HTTPS listener's otherwise. */
    static SSLContext tls(AgentInfo agent, SslSettings ssl, RunnerLog log) {
        if (!ssl.isVerified() || ssl.serverName() != null) {
            log.warn("consul.ssl: verify and server_name are not supported inside the agent, ignored (the agent's "
                    + "certificate is checked against the CAs and its address)");
        }
        if ((ssl.cert() == null) != (ssl.key() == null)) {
            throw new IllegalArgumentException("consul.ssl: a client certificate needs its key, give cert and key");
        }
        TlsFiles own = agent.httpsTls().orElseThrow();
        return new TlsFiles(either(ssl.caCert(), own.caFile()), either(ssl.caPath(), own.caPath()),
                either(ssl.cert(), own.certFile()), either(ssl.key(), own.keyFile())).sslContext();
    }

    private static Path either(Path given, Path own) {
        return given != null ? given : own;
    }
}
