package io.cairn.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gossip settings of the plan (joins, encryption, leave behaviour by role, reconnect and retry timing), its
 * HTTPS listener and the agent's log (JSON, log file and its rotation).
 */
class AgentPlannerTest {
  private static final HostInfo HOST = new HostInfo() {
    @Override
    public String hostname() {
      return "box1";
    }

    @Override
    public Optional<String> firstNonLoopbackIpv4() {
      return Optional.of("10.1.2.3");
    }

    @Override
    public Optional<String> cannotListen(boolean udp, InetSocketAddress address) {
      return Optional.empty();
    }
  };
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @TempDir
  Path tmp;

  AgentPlan plan(String... args) throws Exception {
    AgentRequest request = AgentRequest.parse(List.of(args));
    Settings settings = ConfigFiles.read(request.sources());
    settings.overlay(request.flags());
    return new AgentPlanner(HOST).plan(request.dev(), settings, request.sources());
  }

  String rendered(AgentPlan plan) {
    return plan.render(tmp, "00000000-0000-0000-0000-000000000001", false);
  }

  String refusal(String... args) {
    return assertThrows(ConfigException.class, () -> plan(args)).getMessage();
  }

  String file(String name, String json) throws Exception {
    return Files.writeString(tmp.resolve(name), json).toString();
  }

  @Test
  void withoutServerOrDevTheAgentIsAClientThatLeavesWhenItStops() throws Exception {
    AgentPlan plan = plan("-data-dir", tmp.toString());
    assertFalse(plan.server());
    assertEquals(0, plan.bootstrapExpect());
    assertTrue(plan.leaveOnTerminate(), "Consul's client default");
    assertFalse(plan.skipLeaveOnInterrupt(), "Consul's client default");
    assertEquals(Duration.ofHours(72), plan.reconnectTimeout());
    assertEquals(Duration.ofSeconds(30), plan.retryInterval());
    assertEquals("", plan.encrypt());
    String lines = rendered(plan);
    assertTrue(lines.contains("-Dcairn.server=false\n"), lines);
    assertTrue(lines.contains("-Dcairn.retry.join.wan=\n-Dcairn.retry.interval=30s\n"
        + "-Dcairn.leave.on.terminate=true\n-Dcairn.skip.leave.on.interrupt=false\n"
        + "-Dcairn.reconnect.timeout=72h0m0s\n"), lines);
    assertTrue(refusal("-bootstrap-expect=2", "-data-dir", tmp.toString()).contains("requires server mode"));
    assertTrue(refusal().startsWith("no data directory"), "a client keeps its state in a data dir too");
  }

  @Test
  void serversStayMembersUnlessToldAndConfigFilesOverrideEitherDefault() throws Exception {
    AgentPlan server = plan("-server", "-data-dir", tmp.toString());
    assertFalse(server.leaveOnTerminate());
    assertTrue(server.skipLeaveOnInterrupt());
    AgentPlan dev = plan("-dev");
    assertFalse(dev.leaveOnTerminate());
    assertTrue(dev.skipLeaveOnInterrupt());

    String conf = file("leave.json", "{\"leave_on_terminate\": true, \"skip_leave_on_interrupt\": false}");
    AgentPlan told = plan("-server", "-data-dir", tmp.toString(), "-config-file", conf);
    assertTrue(told.leaveOnTerminate());
    assertFalse(told.skipLeaveOnInterrupt());
    String client = file("client.json", "{\"leave_on_terminate\": false, \"skip_leave_on_interrupt\": true}");
    AgentPlan stays = plan("-data-dir", tmp.toString(), "-config-file", client);
    assertFalse(stays.leaveOnTerminate());
    assertTrue(stays.skipLeaveOnInterrupt());

    assertTrue(assertThrows(Exception.class, () -> plan("-dev", "-leave-on-terminate")).getMessage()
        .contains("flag provided but not defined: -leave-on-terminate"), "Consul has no such flag");
    String bad = file("bad.json", "{\"leave_on_terminate\": \"yes\"}");
    assertTrue(refusal("-dev", "-config-file", bad).endsWith("field \"leave_on_terminate\": expected true or "
        + "false, got \"yes\""));
  }

  @Test
  void startJoinIsRetriedLikeRetryJoinAndWanTargetsAreForServersOnly() throws Exception {
    String conf = file("join.json", "{\"start_join\": [\"10.0.0.1\"], \"retry_join\": \"10.0.0.2:8301\", "
        + "\"start_join_wan\": \"10.9.0.1:8302\"}");
    AgentPlan plan = plan("-server", "-data-dir", tmp.toString(), "-config-file", conf, "-join", "[::1]:8301",
        "-retry-join", "10.0.0.1", "-retry-join-wan", "10.9.0.2", "-join-wan", "10.9.0.1:8302");
    assertEquals(List.of("10.0.0.1", "[::1]:8301", "10.0.0.2:8301"), plan.retryJoin());
    assertEquals(List.of("10.9.0.1:8302", "10.9.0.2"), plan.retryJoinWan());
    String lines = rendered(plan);
    assertTrue(lines.contains("-Dcairn.retry.join=10.0.0.1,[::1]:8301,10.0.0.2:8301\n"
        + "-Dcairn.retry.join.wan=10.9.0.1:8302,10.9.0.2\n"), lines);

    assertEquals("-retry-join-wan: retry_join_wan requires server mode: only servers join the WAN pool; add "
        + "-server (or \"server\": true) or use retry_join",
        refusal("-data-dir", tmp.toString(), "-retry-join-wan", "10.9.0.2"));
    assertTrue(refusal("-data-dir", tmp.toString(), "-join-wan", "10.9.0.2")
        .startsWith("-join-wan: start_join_wan requires server mode"));
    assertEquals("-join: start_join target \"a:b:c:x\" is not host, host:port, IPv6 or [IPv6]:port",
        refusal("-dev", "-join", "a:b:c:x"));
    assertTrue(refusal("-dev", "-retry-join-wan", "h:0").startsWith("-retry-join-wan: retry_join_wan target"));
  }

  @Test
  void theEncryptionKeyMustBeThirtyTwoBytesOfBase64AndIsNeverEchoedInErrors() throws Exception {
    AgentPlan plan = plan("-dev", "-encrypt", KEY);
    assertEquals(KEY, plan.encrypt());
    assertFalse(rendered(plan).contains(KEY), "the key stays off the command line");
    assertEquals(Map.of("encrypt", KEY), plan.secrets());
    String conf = file("key.json", "{\"encrypt\": \"" + KEY + "\"}");
    assertEquals(KEY, plan("-dev", "-config-file", conf).encrypt());
    assertEquals("", plan("-dev", "-encrypt", "").encrypt(), "an empty key means unencrypted gossip");

    String consulSized = Base64.getEncoder().encodeToString(new byte[16]);
    String shortKey = refusal("-dev", "-encrypt", consulSized);
    assertEquals("-encrypt: encrypt must be the base64 of exactly 32 bytes (an AES-256 key), got 16 bytes; "
        + "generate a key with \"cairn keygen\"", shortKey);
    String garbage = refusal("-dev", "-encrypt", "not*base64!");
    assertTrue(garbage.startsWith("-encrypt: encrypt is not valid base64 ("), garbage);
    assertFalse(garbage.contains("not*base64!"), garbage);
    String wrongType = file("num.json", "{\"encrypt\": 32}");
    assertTrue(refusal("-dev", "-config-file", wrongType).endsWith("field \"encrypt\": expected a string, got 32"));
  }

  @Test
  void reconnectTimeoutAndRetryIntervalAreGoDurationsWithConsulsBounds() throws Exception {
    String conf = file("timing.json", "{\"reconnect_timeout\": \"8h\", \"retry_interval\": \"1m30s\"}");
    AgentPlan plan = plan("-dev", "-config-file", conf);
    assertEquals(Duration.ofHours(8), plan.reconnectTimeout());
    assertEquals(Duration.ofSeconds(90), plan.retryInterval());
    assertTrue(rendered(plan).contains("-Dcairn.retry.interval=1m30s\n"));
    assertTrue(rendered(plan).contains("-Dcairn.reconnect.timeout=8h0m0s\n"));
    assertEquals(Duration.ofMillis(500), plan("-dev", "-retry-interval=500ms").retryInterval());
    assertTrue(rendered(plan("-dev", "-retry-interval=250us")).contains("-Dcairn.retry.interval=250us\n"),
        "ASCII microseconds");

    String tooShort = file("short.json", "{\"reconnect_timeout\": \"7h59m\"}");
    assertTrue(refusal("-dev", "-config-file", tooShort).endsWith("field \"reconnect_timeout\": reconnect_timeout "
        + "must be at least 8h, as in Consul, got 7h59m0s"));
    assertEquals("-retry-interval: retry_interval must be positive, got 0s", refusal("-dev", "-retry-interval=0"));
    assertTrue(refusal("-dev", "-retry-interval", "soon")
        .startsWith("invalid value \"soon\" for flag -retry-interval: invalid duration \"soon\""));
    String number = file("number.json", "{\"reconnect_timeout\": 72}");
    assertTrue(refusal("-dev", "-config-file", number).endsWith("field \"reconnect_timeout\": expected a duration "
        + "such as \"30s\" or \"72h\", got 72"));
    assertTrue(assertThrows(Exception.class, () -> plan("-dev", "-reconnect-timeout=9h")).getMessage()
        .contains("flag provided but not defined"), "Consul sets it in config files only");
  }

  @Test
  void theRpcHoldTimeoutIsConsulsPerformanceSettingSevenSecondsByDefault() throws Exception {
    assertTrue(rendered(plan("-dev")).contains("-Dcairn.rpc.hold.timeout.millis=7000\n"));
    String conf = file("hold.hcl", "performance { rpc_hold_timeout = \"2s\" }");
    assertEquals(Duration.ofSeconds(2), plan("-dev", "-config-file", conf).rpcHoldTimeout());
    String zero = file("zero.json", "{\"performance\": {\"rpc_hold_timeout\": \"0s\"}}");
    assertTrue(refusal("-dev", "-config-file", zero).endsWith("performance.rpc_hold_timeout must be positive, got 0s"));
  }

  @Test
  void theHttpsListenerTakesTlsHttpsOverTlsDefaultsOverConsulsDeprecatedKeys() throws Exception {
    String conf = file("tls.json", "{\"ports\": {\"https\": 8501}, \"ca_file\": \"old-ca.pem\", "
        + "\"cert_file\": \"old.pem\", \"key_file\": \"old-key.pem\", \"verify_incoming\": false, "
        + "\"verify_incoming_https\": true, \"tls\": {\"defaults\": {\"cert_file\": \"d.pem\", "
        + "\"key_file\": \"d-key.pem\", \"verify_incoming\": false, \"tls_min_version\": \"TLSv1_3\"}, "
        + "\"https\": {\"key_file\": \"/etc/h-key.pem\", \"tls_cipher_suites\": \"TLS_A, TLS_B\"}}}");
    AgentPlan plan = plan("-dev", "-config-file", conf);
    assertEquals(8501, plan.httpsPort());
    Path cwd = Path.of("").toAbsolutePath();
    assertEquals(new HttpsTls(cwd.resolve("old-ca.pem"), null, cwd.resolve("d.pem"), Path.of("/etc/h-key.pem"),
        true, "TLSv1.3", "TLS_A,TLS_B"), plan.tls());
    String rendered = rendered(plan);
    assertTrue(rendered.contains("-Dcairn.http.port=8500\n-Dcairn.http.enabled=true\n"), rendered);
    assertTrue(rendered.contains("-Dcairn.https.port=8501\n-Dcairn.tls.ca.file=" + cwd.resolve("old-ca.pem")
        + "\n-Dcairn.tls.ca.path=\n-Dcairn.tls.cert.file=" + cwd.resolve("d.pem")
        + "\n-Dcairn.tls.key.file=/etc/h-key.pem\n-Dcairn.tls.verify.incoming=true\n"
        + "-Dcairn.tls.min.version=TLSv1.3\n-Dcairn.tls.cipher.suites=TLS_A,TLS_B\n"), rendered);

    // tls.https.verify_incoming wins over verify_incoming_https; deprecated tls12 still names a version.
    String https = file("https.json", "{\"tls\": {\"https\": {\"verify_incoming\": false}}, "
        + "\"tls_min_version\": \"tls12\"}");
    AgentPlan overridden = plan("-dev", "-config-file", conf, "-config-file", https);
    assertFalse(overridden.tls().verifyIncoming());
    assertEquals("TLSv1.3", overridden.tls().minVersion(), "tls.defaults wins over the deprecated key");
    assertEquals("TLSv1.2", plan("-dev", "-config-file", https).tls().minVersion());
  }

  @Test
  void withoutHttpsTheTlsSettingsAreEmptyAndPortsHttpMinusOneTurnsPlainHttpOff() throws Exception {
    String rendered = rendered(plan("-dev"));
    assertTrue(rendered.contains("-Dcairn.https.port=-1\n-Dcairn.tls.ca.file=\n"), rendered);
    String certs = file("certs.json", "{\"tls\": {\"defaults\": {\"cert_file\": \"c.pem\", "
        + "\"key_file\": \"k.pem\"}}}");
    AgentPlan httpsOnly = plan("-dev", "-config-file", certs, "-http-port", "-1", "-https-port", "8500");
    assertEquals(-1, httpsOnly.httpPort());
    assertEquals(8500, httpsOnly.httpsPort());
    assertTrue(rendered(httpsOnly).contains("-Dcairn.http.port=0\n-Dcairn.http.enabled=false\n"));
  }

  @Test
  void anHttpsListenerNeedsItsCertificateKeyAndForVerifyIncomingACa() throws Exception {
    assertEquals("-https-port: ports.https 8501 needs a certificate and its key: set tls.defaults.cert_file and "
        + "tls.defaults.key_file (or tls.https.cert_file and tls.https.key_file)", refusal("-dev", "-https-port",
        "8501"));
    String noCa = file("noca.json", "{\"ports\": {\"https\": 8501}, \"cert_file\": \"c.pem\", "
        + "\"key_file\": \"k.pem\", \"verify_incoming\": true}");
    assertTrue(refusal("-dev", "-config-file", noCa).endsWith("ports.https 8501 verifies incoming certificates "
        + "(verify_incoming) but no CA is given: set tls.defaults.ca_file or tls.defaults.ca_path"));
    String version = file("version.json", "{\"tls\": {\"defaults\": {\"tls_min_version\": \"ssl3\"}}}");
    assertTrue(refusal("-dev", "-config-file", version).endsWith("field \"tls.defaults.tls_min_version\": "
        + "unknown TLS version \"ssl3\"; use TLSv1_0, TLSv1_1, TLSv1_2 or TLSv1_3"));
    String suites = file("suites.json", "{\"tls_cipher_suites\": \"TLS_A;TLS_B\"}");
    assertTrue(refusal("-dev", "-config-file", suites).contains("is not a comma-separated list"));
    String unknown = file("unknown.json", "{\"tls\": {\"defaults\": {\"verify_always\": true}}}");
    assertTrue(refusal("-dev", "-config-file", unknown).endsWith("unknown field \"tls.defaults.verify_always\"; "
        + "accepted tls.defaults are ca_file, ca_path, cert_file, key_file, tls_cipher_suites, tls_min_version, "
        + "verify_incoming, verify_outgoing"));
    String notObject = file("flat.json", "{\"tls\": {\"https\": true}}");
    assertTrue(refusal("-dev", "-config-file", notObject).endsWith("field \"tls.https\": expected an object such "
        + "as {\"verify_incoming\": true}"));
    assertEquals("port 8500 is used twice: ports.http (default) and ports.https (-https-port)",
        refusal("-dev", "-config-file", file("c.json", "{\"cert_file\": \"c\", \"key_file\": \"k\"}"),
            "-https-port", "8500"));
    assertTrue(refusal("-dev", "-https-port", "0").endsWith("expected a port number between 1 and 65535, got 0"));
  }

  @Test
  void aclsAreOffByDefaultAlsoInDevModeWithConsulsDefaults() throws Exception {
    AclConfig acl = plan("-dev").acl();
    assertEquals(new AclConfig(false, "allow", "extend-cache", Duration.ofSeconds(30), false, "", "", "", "", "dc1",
        false, ""), acl);
    assertTrue(rendered(plan("-dev")).contains("-Dcairn.acl.enabled=false\n-Dcairn.acl.default.policy=allow\n"
        + "-Dcairn.acl.down.policy=extend-cache\n-Dcairn.acl.token.ttl=30s\n"
        + "-Dcairn.acl.enable.token.persistence=false\n"));
    assertEquals(Map.of(), plan("-dev").secrets());
  }

  @Test
  void theAclBlockIsReadWithItsTokens() throws Exception {
    String conf = file("acl.json", "{\"acl\": {\"enabled\": true, \"default_policy\": \"deny\", "
        + "\"down_policy\": \"async-cache\", \"token_ttl\": \"1m30s\", \"enable_token_persistence\": true, "
        + "\"tokens\": {\"initial_management\": \"mgmt\", \"default\": \"dflt\", \"agent\": \"agt\", "
        + "\"agent_recovery\": \"rcv\"}}}");
    AgentPlan plan = plan("-dev", "-config-file", conf);
    assertEquals(new AclConfig(true, "deny", "async-cache", Duration.ofSeconds(90), true, "mgmt", "dflt", "agt",
        "rcv", "dc1", false, ""), plan.acl());
    String lines = rendered(plan);
    assertTrue(lines.contains("-Dcairn.acl.enabled=true\n-Dcairn.acl.default.policy=deny\n"
        + "-Dcairn.acl.down.policy=async-cache\n-Dcairn.acl.token.ttl=1m30s\n"
        + "-Dcairn.acl.enable.token.persistence=true\n"), lines);
    assertFalse(lines.contains("mgmt") || lines.contains("dflt") || lines.contains("agt") || lines.contains("rcv"),
        "tokens stay off the command line: " + lines);
    assertEquals(Map.of("acl.tokens.initial_management", "mgmt", "acl.tokens.default", "dflt", "acl.tokens.agent",
        "agt", "acl.tokens.agent_recovery", "rcv"), plan.secrets());
  }

  @Test
  void aSecondaryDatacenterNamesItsPrimaryAndItsReplicationTokenIsASecret() throws Exception {
    String conf = file("dc2.json", "{\"datacenter\": \"dc2\", \"primary_datacenter\": \"DC1\", \"acl\": "
        + "{\"enabled\": true, \"enable_token_replication\": true, \"tokens\": {\"replication\": \"repl\"}}}");
    AgentPlan plan = plan("-dev", "-config-file", conf);
    assertEquals("dc1", plan.acl().primaryDatacenter());
    assertTrue(plan.acl().enableTokenReplication());
    String lines = rendered(plan);
    assertTrue(lines.contains("-Dcairn.acl.primary.datacenter=dc1\n-Dcairn.acl.enable.token.replication=true\n"),
        lines);
    assertFalse(lines.contains("repl\n"), "the replication token stays off the command line: " + lines);
    assertEquals(Map.of("acl.tokens.replication", "repl"), plan.secrets());
    String legacy = file("legacy.json", "{\"acl_datacenter\": \"east\", \"acl_replication_token\": \"r0\"}");
    assertEquals("east", plan("-dev", "-config-file", legacy).acl().primaryDatacenter());
    assertEquals("r0", plan("-dev", "-config-file", legacy).acl().replicationToken());
    String bad = file("bad.json", "{\"primary_datacenter\": \"dc 1\"}");
    assertTrue(refusal("-dev", "-config-file", bad).endsWith("primary_datacenter \"dc 1\" may contain only "
        + "lowercase letters, digits, '-' and '_'"));
  }

  @Test
  void consulsDeprecatedAclKeysWorkAndTheNewOnesWin() throws Exception {
    String old = file("old.json", "{\"acl_default_policy\": \"deny\", \"acl_down_policy\": \"allow\", "
        + "\"acl_ttl\": \"5s\", \"acl_master_token\": \"m1\", \"acl_token\": \"d1\", "
        + "\"acl_agent_token\": \"a1\", \"acl_agent_master_token\": \"r1\"}");
    assertEquals(new AclConfig(false, "deny", "allow", Duration.ofSeconds(5), false, "m1", "d1", "a1", "r1",
        "dc1", false, ""),
        plan("-dev", "-config-file", old).acl());
    String middle = file("middle.json", "{\"acl\": {\"tokens\": {\"master\": \"m2\", \"agent_master\": \"r2\"}}}");
    AclConfig mixed = plan("-dev", "-config-file", old, "-config-file", middle).acl();
    assertEquals("m2", mixed.initialManagementToken());
    assertEquals("r2", mixed.agentRecoveryToken());
    String current = file("new.json", "{\"acl\": {\"default_policy\": \"allow\", \"token_ttl\": \"0s\", "
        + "\"tokens\": {\"initial_management\": \"m3\", \"agent_recovery\": \"r3\"}}}");
    AclConfig newest = plan("-dev", "-config-file", current, "-config-file", old, "-config-file", middle).acl();
    assertEquals(new AclConfig(false, "allow", "allow", Duration.ZERO, false, "m3", "d1", "a1", "r3", "dc1",
        false, ""), newest);
  }

  @Test
  void badAclValuesAreRefusedNamingTheFileAndField() throws Exception {
    String policy = file("policy.json", "{\"acl\": {\"default_policy\": \"block\"}}");
    assertEquals("config file " + policy + ", field \"acl.default_policy\": invalid acl.default_policy "
        + "\"block\"; use allow or deny", refusal("-dev", "-config-file", policy));
    String down = file("down.json", "{\"acl_down_policy\": \"cache\"}");
    assertEquals("config file " + down + ", field \"acl_down_policy\": invalid acl.down_policy \"cache\"; use "
        + "allow, deny, extend-cache or async-cache", refusal("-dev", "-config-file", down));
    String ttl = file("ttl.json", "{\"acl\": {\"token_ttl\": \"-1s\"}}");
    assertTrue(refusal("-dev", "-config-file", ttl).endsWith("acl.token_ttl may not be negative, got -1s"));
    String enabled = file("enabled.json", "{\"acl\": {\"enabled\": \"yes\"}}");
    assertTrue(refusal("-dev", "-config-file", enabled).endsWith("field \"acl.enabled\": expected true or false, "
        + "got \"yes\""));
    String secret = file("secret.json", "{\"acl\": {\"tokens\": {\"agent\": \"top secret\"}}}");
    String refused = refusal("-dev", "-config-file", secret);
    assertTrue(refused.contains("field \"acl.tokens.agent\": the token may not contain whitespace"), refused);
    assertFalse(refused.contains("top secret"), "tokens are never echoed");
    String typo = file("typo.json", "{\"acl\": {\"tokens\": {\"replicator\": \"x\"}}}");
    assertTrue(refusal("-dev", "-config-file", typo).endsWith("unknown field \"acl.tokens.replicator\"; accepted "
        + "acl.tokens are agent, agent_master, agent_recovery, default, initial_management, master, replication"));
    String flat = file("flat2.json", "{\"acl\": true}");
    assertTrue(refusal("-dev", "-config-file", flat).endsWith("field \"acl\": expected an object such as "
        + "{\"enabled\": true, \"default_policy\": \"deny\"}"));
  }

  @Test
  void theServerRpcPortTakesTlsInternalRpcOverTlsDefaultsOverConsulsDeprecatedKeys() throws Exception {
    Path cwd = Path.of("").toAbsolutePath();
    String conf = file("rpc.json", "{\"ca_file\": \"old-ca.pem\", \"cert_file\": \"old.pem\", "
        + "\"key_file\": \"old-key.pem\", \"verify_incoming\": false, \"verify_incoming_rpc\": true, "
        + "\"verify_server_hostname\": true, \"tls_min_version\": \"tls12\", "
        + "\"tls\": {\"defaults\": {\"cert_file\": \"d.pem\", \"key_file\": \"d-key.pem\", "
        + "\"ca_path\": \"/etc/cas\", \"tls_min_version\": \"TLSv1_3\"}, "
        + "\"internal_rpc\": {\"key_file\": \"/etc/rpc-key.pem\", \"verify_outgoing\": false}}}");
    AgentPlan plan = plan("-dev", "-config-file", conf);
    // verify_server_hostname turns verify_outgoing on whatever tls.internal_rpc.verify_outgoing says
    assertEquals(new RpcTls(cwd.resolve("old-ca.pem"), Path.of("/etc/cas"), cwd.resolve("d.pem"),
        Path.of("/etc/rpc-key.pem"), true, true, true, "TLSv1.3"), plan.rpcTls());
    assertTrue(rendered(plan).contains("-Dcairn.rpc.tls.ca.file=" + cwd.resolve("old-ca.pem")
        + "\n-Dcairn.rpc.tls.ca.path=/etc/cas\n-Dcairn.rpc.tls.cert.file=" + cwd.resolve("d.pem")
        + "\n-Dcairn.rpc.tls.key.file=/etc/rpc-key.pem\n-Dcairn.rpc.tls.verify.incoming=true\n"
        + "-Dcairn.rpc.tls.verify.outgoing=true\n-Dcairn.rpc.tls.verify.server.hostname=true\n"
        + "-Dcairn.rpc.tls.min.version=TLSv1.3\n"), rendered(plan));

    // tls.internal_rpc wins over verify_incoming_rpc, tls.defaults over the deprecated verify_outgoing
    String override = file("override.json", "{\"verify_incoming_rpc\": true, \"verify_outgoing\": false, "
        + "\"ca_file\": \"ca.pem\", \"cert_file\": \"c.pem\", \"key_file\": \"k.pem\", "
        + "\"tls\": {\"internal_rpc\": {\"verify_incoming\": false}, \"defaults\": {\"verify_outgoing\": true}}}");
    RpcTls overridden = plan("-dev", "-config-file", override).rpcTls();
    assertFalse(overridden.verifyIncoming());
    assertTrue(overridden.verifyOutgoing());
    assertFalse(overridden.verifyServerHostname());
    assertEquals("TLSv1.2", overridden.minVersion());
  }

  @Test
  void withoutAVerifySettingServersTalkPlainRpcWhateverFilesAreGiven() throws Exception {
    assertTrue(rendered(plan("-dev")).contains("-Dcairn.rpc.tls.ca.file=\n-Dcairn.rpc.tls.ca.path=\n"
        + "-Dcairn.rpc.tls.cert.file=\n-Dcairn.rpc.tls.key.file=\n-Dcairn.rpc.tls.verify.incoming=false\n"
        + "-Dcairn.rpc.tls.verify.outgoing=false\n-Dcairn.rpc.tls.verify.server.hostname=false\n"
        + "-Dcairn.rpc.tls.min.version=TLSv1.2\n"));
    String files = file("files.json", "{\"tls\": {\"defaults\": {\"cert_file\": \"c.pem\", "
        + "\"key_file\": \"k.pem\", \"verify_incoming\": false}}}");
    assertFalse(plan("-dev", "-config-file", files).rpcTls().enabled());
  }

  @Test
  void tlsOnTheServerRpcPortNeedsACertificateItsKeyAndACa() throws Exception {
    String noCert = file("nocert.json", "{\"tls\": {\"internal_rpc\": {\"verify_outgoing\": true, "
        + "\"ca_file\": \"ca.pem\"}}}");
    assertEquals("config file " + noCert + ", field \"tls.internal_rpc.verify_outgoing\": TLS on the server RPC port "
        + "needs a certificate and its key: set tls.defaults.cert_file and tls.defaults.key_file (or "
        + "tls.internal_rpc.cert_file and tls.internal_rpc.key_file)", refusal("-dev", "-config-file", noCert));
    String noCa = file("noca.json", "{\"cert_file\": \"c.pem\", \"key_file\": \"k.pem\", "
        + "\"verify_server_hostname\": true}");
    assertEquals("config file " + noCa + ", field \"verify_server_hostname\": verify_incoming and verify_outgoing "
        + "on the server RPC port need a CA to verify the other servers' certificates with: set "
        + "tls.defaults.ca_file or tls.defaults.ca_path (or tls.internal_rpc.ca_file or tls.internal_rpc.ca_path)",
        refusal("-dev", "-config-file", noCa));
    // a client agent opens no Raft port: its settings are not checked
    assertTrue(plan("-data-dir", tmp.toString(), "-config-file", noCert).rpcTls().verifyOutgoing());
    String version = file("version.json", "{\"tls\": {\"internal_rpc\": {\"tls_min_version\": \"ssl3\"}}}");
    assertTrue(refusal("-dev", "-config-file", version).endsWith("field \"tls.internal_rpc.tls_min_version\": "
        + "unknown TLS version \"ssl3\"; use TLSv1_0, TLSv1_1, TLSv1_2 or TLSv1_3"));
  }

  @Test
  void theWebUiIsOnInDevModeOnlyUnlessTheConfigOrTheFlagSaysOtherwise() throws Exception {
    String data = tmp.toString();
    assertFalse(plan("-data-dir", data).uiEnabled(), "Consul's default");
    assertTrue(plan("-dev").uiEnabled());
    assertTrue(plan("-data-dir", data, "-ui").uiEnabled());
    assertFalse(plan("-dev", "-ui=false").uiEnabled());
    assertTrue(rendered(plan("-dev")).contains("-Dcairn.ui.enabled=true\n"));
    assertTrue(rendered(plan("-data-dir", data)).contains("-Dcairn.ui.enabled=false\n"));
  }

  @Test
  void theWebUiFollowsUiConfigEnabledThenTheDeprecatedUi() throws Exception {
    String data = tmp.toString();
    assertTrue(plan("-data-dir", data, "-config-file", file("on.json", "{\"ui_config\": {\"enabled\": true}}"))
        .uiEnabled());
    assertFalse(plan("-dev", "-config-file", file("off.json", "{\"ui_config\": {\"enabled\": false}}"))
        .uiEnabled(), "the config turns -dev's default off");
    assertTrue(plan("-data-dir", data, "-config-file", file("legacy.json", "{\"ui\": true}")).uiEnabled());
    assertFalse(plan("-dev", "-config-file", file("legacy-off.json", "{\"ui\": false}")).uiEnabled());
    assertFalse(plan("-data-dir", data, "-config-file",
        file("both.json", "{\"ui\": true, \"ui_config\": {\"enabled\": false}}")).uiEnabled(),
        "ui_config.enabled wins over the deprecated ui");
    assertTrue(plan("-data-dir", data, "-ui", "-config-file", file("flag.json", "{\"ui_config\": {\"enabled\": false}}"))
        .uiEnabled(), "the flag wins over the files");
  }

  @Test
  void uiConfigTakesOnlyEnabled() throws Exception {
    assertTrue(refusal("-dev", "-config-file", file("path.json", "{\"ui_config\": {\"content_path\": \"/x/\"}}"))
        .contains("unknown field \"ui_config.content_path\"; accepted ui_config are enabled"));
    assertTrue(refusal("-dev", "-config-file", file("kind.json", "{\"ui_config\": true}"))
        .contains("expected an object such as {\"enabled\": true}"));
  }

  @Test
  void theLogIsTextOnTheConsoleOnlyUnlessAskedOtherwise() throws Exception {
    AgentPlan plan = plan("-dev");
    assertFalse(plan.log().json());
    assertFalse(plan.log().toFile());
    String lines = rendered(plan);
    assertTrue(lines.contains("-Dcairn.log.level=info\n-Dcairn.log.format=text\n-Dcairn.enable.script.checks="),
        lines);
    assertFalse(lines.contains("cairn.log.file"), lines);
  }

  @Test
  void logFlagsBecomeTheLoggingOptionsWithConsulsFileNames() throws Exception {
    Path logs = Files.createDirectory(tmp.resolve("logs"));
    String lines = rendered(plan("-dev", "-log-json", "-log-file", logs + "/", "-log-rotate-bytes", "1024",
        "-log-rotate-max-files", "2"));
    assertTrue(lines.contains("-Dcairn.log.format=json\n-Dcairn.log.file.threshold=ALL\n"
        + "-Dcairn.log.file.dir=" + logs + "\n-Dcairn.log.file.name=consul.log\n-Dcairn.log.file.base=consul\n"
        + "-Dcairn.log.file.ext=.log\n-Dcairn.log.rotate.bytes=1024\n-Dcairn.log.rotate.millis=86400000\n"
        + "-Dcairn.log.rotate.keep=2\n-Dcairn.log.rotate.prune.age=36500d\n"), lines);

    LogConfig noExtension = plan("-dev", "-log-file", logs.resolve("agent").toString()).log();
    assertEquals(logs, noExtension.directory());
    assertEquals("agent", noExtension.fileName());
    assertEquals("agent", noExtension.archiveBase());
    assertEquals(".log", noExtension.archiveExtension(), "Consul's archives of agent are agent-<time>.log");
    LogConfig own = plan("-dev", "-log-file", logs.resolve("cairn.out.txt").toString()).log();
    assertEquals("cairn.out", own.archiveBase());
    assertEquals(".txt", own.archiveExtension());
    String defaults = rendered(plan("-dev", "-log-file", logs + "/agent.log"));
    assertTrue(defaults.contains("-Dcairn.log.rotate.bytes=9223372036854775807\n"
        + "-Dcairn.log.rotate.millis=86400000\n-Dcairn.log.rotate.keep=1000000000\n"), "no size limit, 24h, "
        + "every archive kept: " + defaults);
    LogConfig relative = plan("-dev", "-log-file", "agent.log").log();
    assertEquals(Path.of("").toAbsolutePath(), relative.directory(), "relative to the working directory");
  }

  @Test
  void configFilesSetTheLogInJsonAndHcl() throws Exception {
    Path logs = Files.createDirectory(tmp.resolve("logs"));
    String json = file("log.json", "{\"log_json\": true, \"log_file\": \"" + logs + "/\", \"log_rotate_bytes\": "
        + "4096, \"log_rotate_duration\": \"1h30m\", \"log_rotate_max_files\": -1}");
    String hcl = file("log.hcl", "log_json = true\nlog_file = \"" + logs + "/\"\nlog_rotate_bytes = 4096\n"
        + "log_rotate_duration = \"1h30m\"\nlog_rotate_max_files = -1\n");
    for (String conf : List.of(json, hcl)) {
      AgentPlan plan = plan("-dev", "-config-file", conf);
      assertEquals(new LogConfig(true, logs, "consul.log", 4096, Duration.ofMinutes(90), -1), plan.log(), conf);
      assertTrue(rendered(plan).contains("-Dcairn.log.rotate.millis=5400000\n-Dcairn.log.rotate.keep=1000000000\n"
          + "-Dcairn.log.rotate.prune.age=0s\n"), "-1 keeps no archive");
    }
    assertEquals(Duration.ofHours(24), plan("-dev", "-log-rotate-duration", "0s").log().rotateDuration(),
        "0 is Consul's default");
  }

  @Test
  void badLogSettingsAreRefusedBeforeAnythingStarts() throws Exception {
    Path logs = Files.createDirectory(tmp.resolve("logs"));
    assertEquals("-log-file: log_file directory " + tmp.resolve("missing") + " does not exist",
        refusal("-dev", "-log-file", tmp.resolve("missing") + "/"));
    assertEquals("-log-file: log_file " + logs + " is a directory; end the path with '/' to log to consul.log in "
        + "it", refusal("-dev", "-log-file", logs.toString()));
    assertTrue(refusal("-dev", "-log-file", logs + "/a%d.log").endsWith("may not contain '%'"));
    assertTrue(refusal("-dev", "-log-file", logs + "/a[1].log").contains("may not contain '['"));
    assertEquals("-log-rotate-max-files: log_rotate_max_files must be -1 (keep no archives), 0 (keep them all) or "
        + "the number of archives to keep, got -2", refusal("-dev", "-log-rotate-max-files", "-2"));
    assertEquals("-log-rotate-duration: log_rotate_duration must be between 1ms and 596h, got 600h0m0s",
        refusal("-dev", "-log-rotate-duration", "600h"));
    assertTrue(refusal("-dev", "-log-rotate-duration", "-1s").contains("between 1ms and 596h"));
    assertTrue(assertThrows(Exception.class, () -> plan("-dev", "-log-rotate-bytes", "-1")).getMessage()
        .endsWith("expected a whole number, 0 or more, got -1"));
    assertTrue(refusal("-dev", "-syslog").startsWith("-syslog: enable_syslog is not supported"));
    String syslog = file("syslog.json", "{\"enable_syslog\": true}");
    assertTrue(refusal("-dev", "-config-file", syslog).contains("field \"enable_syslog\": enable_syslog is not "
        + "supported: Cairn cannot log to the local syslog socket"));
    assertFalse(plan("-dev", "-syslog=false").log().toFile());
  }
}
