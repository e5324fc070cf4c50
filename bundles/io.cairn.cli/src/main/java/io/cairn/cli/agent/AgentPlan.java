package io.cairn.cli.agent;

import io.cairn.health.api.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fully resolved agent settings. {@code encrypt} is the gossip key in base64, empty for unencrypted gossip;
 * {@code leaveOnTerminate} and {@code skipLeaveOnInterrupt} carry Consul's role defaults already. {@code dataDir} is {@code null} only in {@code -dev} mode without
 * {@code -data-dir}, meaning "use a fresh temporary directory". {@code configDirs} and {@code configFiles} are
 * absolute: the agent reads the service and check definitions in them itself (at start and on reload).
 * {@code httpPort} and {@code httpsPort} are {@link Setting#OFF} for a listener turned off. {@code acl} becomes
 * the {@code io.cairn.acl} configuration ({@code etc/io.cairn.acl.cfg} reads the {@code cairn.acl.*} options),
 * {@code rpcTls} the Raft port's TLS in {@code io.cairn.raft} ({@code etc/io.cairn.raft.cfg}, {@code cairn.rpc.tls.*}),
 * {@code uiEnabled} the {@code io.cairn.ui} configuration ({@code etc/io.cairn.ui.cfg}, {@code cairn.ui.enabled}),
 * {@code log} the agent's console and file log ({@code etc/org.ops4j.pax.logging.cfg}, {@code cairn.log.*}).
 */
record AgentPlan(String nodeName, String datacenter, Path dataDir, String bindAddress, String advertiseAddress,
    String clientAddress, int httpPort, int dnsPort, int serverPort, int serfLanPort, int serfWanPort,
    boolean server, int bootstrapExpect, List<String> retryJoin, List<String> retryJoinWan, Duration retryInterval,
    String encrypt, boolean leaveOnTerminate, boolean skipLeaveOnInterrupt, Duration reconnectTimeout,
    Duration rpcHoldTimeout, boolean dev,
    String logLevel,
    boolean enableScriptChecks, boolean enableLocalScriptChecks, boolean disableRemoteExec, List<Path> configDirs,
    List<Path> configFiles, int httpMaxConnsPerClient, int httpsPort, HttpsTls tls, RpcTls rpcTls, AclConfig acl,
    boolean uiEnabled, LogConfig log) {

  /**
   * The launch plan {@code bin/cairn} reads: one {@code -Dcairn.*} JVM option per line, then
   * {@code KARAF_DATA=<data dir>/karaf}, and for a temporary data dir {@code DISCARD_ON_EXIT=<data dir>}: like
   * Consul's {@code -dev}, which keeps its state in memory, such an agent leaves nothing behind. Last, one
   * {@code BANNER=<line>} per line of the {@link Banner} it prints on its stdout before starting Karaf.
   */
  String render(Path actualDataDir, String nodeId, boolean temporary) {
    StringBuilder out = new StringBuilder();
    option(out, "node.name", nodeName);
    option(out, "node.id", nodeId);
    option(out, "datacenter", datacenter);
    option(out, "data.dir", actualDataDir);
    option(out, "bind.address", bindAddress);
    option(out, "advertise.address", advertiseAddress);
    option(out, "client.address", clientAddress);
    // With plain HTTP off the agent's identity names port 0, where nothing ever answers.
    option(out, "http.port", httpPort == Setting.OFF ? 0 : httpPort);
    option(out, "http.enabled", httpPort != Setting.OFF);
    option(out, "http.max.conns.per.client", httpMaxConnsPerClient);
    option(out, "https.port", httpsPort);
    option(out, "tls.ca.file", orEmpty(tls.caFile()));
    option(out, "tls.ca.path", orEmpty(tls.caPath()));
    option(out, "tls.cert.file", orEmpty(tls.certFile()));
    option(out, "tls.key.file", orEmpty(tls.keyFile()));
    option(out, "tls.verify.incoming", tls.verifyIncoming());
    option(out, "tls.min.version", tls.minVersion());
    option(out, "tls.cipher.suites", tls.cipherSuites());
    option(out, "dns.port", dnsPort);
    option(out, "server.port", serverPort);
    option(out, "serf.lan.port", serfLanPort);
    option(out, "serf.wan.port", serfWanPort);
    option(out, "rpc.tls.ca.file", orEmpty(rpcTls.caFile()));
    option(out, "rpc.tls.ca.path", orEmpty(rpcTls.caPath()));
    option(out, "rpc.tls.cert.file", orEmpty(rpcTls.certFile()));
    option(out, "rpc.tls.key.file", orEmpty(rpcTls.keyFile()));
    option(out, "rpc.tls.verify.incoming", rpcTls.verifyIncoming());
    option(out, "rpc.tls.verify.outgoing", rpcTls.verifyOutgoing());
    option(out, "rpc.tls.verify.server.hostname", rpcTls.verifyServerHostname());
    option(out, "rpc.tls.min.version", rpcTls.minVersion());
    option(out, "server", server);
    option(out, "bootstrap.expect", bootstrapExpect);
    option(out, "retry.join", String.join(",", retryJoin));
    option(out, "retry.join.wan", String.join(",", retryJoinWan));
    option(out, "retry.interval", duration(retryInterval));
    option(out, "leave.on.terminate", leaveOnTerminate);
    option(out, "skip.leave.on.interrupt", skipLeaveOnInterrupt);
    option(out, "reconnect.timeout", duration(reconnectTimeout));
    option(out, "rpc.hold.timeout.millis", rpcHoldTimeout.toMillis());
    option(out, "dev", dev);
    option(out, "log.level", logLevel);
    for (Map.Entry<String, Object> logOption : log.options().entrySet()) {
      option(out, "log." + logOption.getKey(), logOption.getValue());
    }
    option(out, "enable.script.checks", enableScriptChecks);
    option(out, "enable.local.script.checks", enableLocalScriptChecks);
    option(out, "disable.remote.exec", disableRemoteExec);
    option(out, "config.dirs", join(configDirs));
    option(out, "config.files", join(configFiles));
    option(out, "acl.enabled", acl.enabled());
    option(out, "acl.default.policy", acl.defaultPolicy());
    option(out, "acl.down.policy", acl.downPolicy());
    option(out, "acl.token.ttl", duration(acl.tokenTtl()));
    option(out, "acl.enable.token.persistence", acl.enableTokenPersistence());
    option(out, "acl.primary.datacenter", acl.primaryDatacenter());
    option(out, "acl.enable.token.replication", acl.enableTokenReplication());
    option(out, "ui.enabled", uiEnabled);
    out.append("KARAF_DATA=").append(karafData(actualDataDir)).append('\n');
    if (temporary) {
      out.append("DISCARD_ON_EXIT=").append(actualDataDir).append('\n');
    }
    for (String line : Banner.lines(this, nodeId)) {
      out.append("BANNER=").append(line).append('\n');
    }
    return out.toString();
  }

  /**
   * The configuration's secrets, which stay off the JVM's command line (any local user may read that): the gossip
   * key and the ACL tokens, as the agent reads them ({@code AgentInfo.secret}: {@code encrypt},
   * {@code acl.tokens.initial_management}, ...). Only those that are set; {@code ""} values are left out.
   */
  Map<String, String> secrets() {
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("encrypt", encrypt);
    secrets.put("acl.tokens.initial_management", acl.initialManagementToken());
    secrets.put("acl.tokens.default", acl.defaultToken());
    secrets.put("acl.tokens.agent", acl.agentToken());
    secrets.put("acl.tokens.agent_recovery", acl.agentRecoveryToken());
    secrets.put("acl.tokens.replication", acl.replicationToken());
    secrets.values().removeIf(String::isEmpty);
    return secrets;
  }

  /** Karaf's own state lives inside the agent's data dir, so each agent has its own Karaf instance. */
  static Path karafData(Path dataDir) {
    return dataDir.resolve("karaf");
  }

  /** Go's spelling ({@code 30s}, {@code 72h0m0s}), ASCII only so that it survives the shell and JAVA_OPTS. */
  private static String duration(Duration duration) {
    return GoDuration.format(duration).replace("µs", "us");
  }

  private static String orEmpty(Path path) {
    return path == null ? "" : path.toString();
  }

  private static String join(List<Path> paths) {
    return String.join(",", paths.stream().map(Path::toString).toList());
  }

  private static void option(StringBuilder out, String key, Object value) {
    out.append("-Dcairn.").append(key).append('=').append(value).append('\n');
  }
}
