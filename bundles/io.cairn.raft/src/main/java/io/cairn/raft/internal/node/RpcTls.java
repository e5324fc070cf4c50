package io.cairn.raft.internal.node;

import java.util.List;

import io.cairn.agent.api.tls.TlsFiles;

/**
 * TLS of the Raft port, Consul's {@code tls.internal_rpc}: every server listens with TLS, asks its peers for their
 * certificates and presents its own when it connects. What is checked of the certificates is up to the three
 * {@code verify_*} settings (see {@link PeerTrust}).
 *
 * @param files          the agent's certificate and key, and the CAs that sign the servers' certificates
 * @param verifyIncoming a peer connecting here must present a certificate signed by one of the CAs
 * @param verifyOutgoing the server connected to must present a certificate signed by one of the CAs
 * @param serverName     the DNS name the certificate of the server connected to must carry
 *                       ({@code verify_server_hostname}), {@code null} for none
 * @param minVersion     the oldest TLS protocol accepted, by its JDK name ({@code TLSv1.2})
 */
public record RpcTls(TlsFiles files, boolean verifyIncoming, boolean verifyOutgoing, String serverName,
        String minVersion) {

    /** The JDK's names of the TLS protocols, oldest first. */
    static final List<String> PROTOCOLS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    public RpcTls {
        if (!PROTOCOLS.contains(minVersion)) {
            throw new IllegalArgumentException("unknown TLS version \"" + minVersion + "\"; use one of " + PROTOCOLS);
        }
    }

    /**
     * The name a server of {@code datacenter} carries in its certificate, as {@code cairn tls cert create -server}
     * (and Consul's command) writes it. The domain is Consul's default, {@code consul}: {@code bin/cairn agent}
     * has no {@code domain} setting.
     */
    public static String serverName(String datacenter) {
        return "server." + datacenter + ".consul";
    }
}
