package io.cairn.cli.agent;

import java.nio.file.Path;

/**
 * The TLS settings of a server's Raft port (server RPC), resolved from {@code tls.internal_rpc},
 * {@code tls.defaults} and Consul's deprecated top-level keys. As in Consul, TLS is on only when
 * {@code verify_incoming} or {@code verify_outgoing} asks for it; {@code verify_server_hostname} implies
 * {@code verify_outgoing} (already folded into {@code verifyOutgoing}). Paths are absolute, {@code null} when not
 * set; {@code minVersion} is the JDK's protocol name ({@code TLSv1.2}).
 */
record RpcTls(Path caFile, Path caPath, Path certFile, Path keyFile, boolean verifyIncoming, boolean verifyOutgoing,
    boolean verifyServerHostname, String minVersion) {

  /** Whether servers talk TLS to each other. */
  boolean enabled() {
    return verifyIncoming || verifyOutgoing;
  }
}
