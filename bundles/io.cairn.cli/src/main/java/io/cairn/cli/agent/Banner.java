package io.cairn.cli.agent;

import io.cairn.cli.release.Release;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * What {@code cairn agent} prints on the console before the agent's log, Consul's banner line for line: the
 * version, the node, the datacenter, server or client, the addresses and ports, gossip encryption, ACLs and TLS.
 * Cairn has no gRPC listener, so its ports are -1 (off) and Consul's gRPC TLS line is left out.
 */
final class Banner {
  /** bnd's build time stamp, the qualifier of the jar's Bundle-Version (UTC). */
  private static final DateTimeFormatter QUALIFIER = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
  private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'");

  private Banner() {}

  /** The banner's lines, each as printed. */
  static List<String> lines(AgentPlan plan, String nodeId) {
    List<String> lines = new ArrayList<>();
    lines.add("==> Starting Consul agent...");
    lines.add("              Version: '" + Release.VERSION + "'");
    buildDate().ifPresent(date -> lines.add("           Build Date: '" + date + "'"));
    lines.add("              Node ID: '" + nodeId + "'");
    lines.add("            Node name: '" + plan.nodeName() + "'");
    lines.add("           Datacenter: '" + plan.datacenter() + "' (Segment: '" + (plan.server() ? "<all>" : "")
        + "')");
    lines.add("               Server: " + plan.server() + " (Bootstrap: " + (plan.bootstrapExpect() == 1) + ")");
    lines.add("          Client Addr: [" + plan.clientAddress() + "] (HTTP: " + plan.httpPort() + ", HTTPS: "
        + plan.httpsPort() + ", gRPC: -1, gRPC-TLS: -1, DNS: " + plan.dnsPort() + ")");
    lines.add("         Cluster Addr: " + plan.advertiseAddress() + " (LAN: " + plan.serfLanPort() + ", WAN: "
        + plan.serfWanPort() + ")");
    lines.add("    Gossip Encryption: " + !plan.encrypt().isEmpty());
    lines.add("     Auto-Encrypt-TLS: false");
    lines.add("         ACLs Enabled: " + plan.acl().enabled());
    lines.add("            HTTPS TLS: Verify Incoming: " + plan.tls().verifyIncoming()
        + ", Verify Outgoing: false, Min Version: " + consulTlsVersion(plan.tls().minVersion()));
    lines.add("     Internal RPC TLS: Verify Incoming: " + plan.rpcTls().verifyIncoming() + ", Verify Outgoing: "
        + plan.rpcTls().verifyOutgoing() + " (Verify Hostname: " + plan.rpcTls().verifyServerHostname()
        + "), Min Version: " + consulTlsVersion(plan.rpcTls().minVersion()));
    lines.add("");
    lines.add("==> Log data will now stream in as it occurs:");
    lines.add("");
    return lines;
  }

  /** Consul's name of a TLS version: {@code TLSv1_2} for the JDK's {@code TLSv1.2}. */
  private static String consulTlsVersion(String jdkName) {
    return jdkName.equals("TLSv1") ? "TLSv1_0" : jdkName.replace('.', '_');
  }

  /** When the jar this class was loaded from was built, as Go prints a time; empty when not run from a jar. */
  private static Optional<String> buildDate() {
    try {
      Path jar = Path.of(Banner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(jar)) {
        return Optional.empty();
      }
      try (JarFile file = new JarFile(jar.toFile())) {
        String version = file.getManifest().getMainAttributes().getValue("Bundle-Version");
        String qualifier = version.substring(version.lastIndexOf('.') + 1);
        return Optional.of(LocalDateTime.parse(qualifier, QUALIFIER).format(GO_TIME));
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // an unpacked or repackaged CLI (no jar, no manifest, no time stamp): the banner goes without the date
      return Optional.empty();
    }
  }
}
