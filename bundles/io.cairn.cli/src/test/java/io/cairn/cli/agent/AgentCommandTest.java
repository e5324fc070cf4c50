package io.cairn.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.Console;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags × config files × defaults, and the launch plan printed for bin/cairn. */
class AgentCommandTest {
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
      return address.getPort() == TAKEN_PORT ? Optional.of("Address already in use") : Optional.empty();
    }
  };
  /** A port some other process holds, on this test's idea of the machine. */
  private static final int TAKEN_PORT = 7777;

  @TempDir
  Path tmp;

  record Result(int code, String out, String err) {
    /** The plan as property → value, plus KARAF_DATA (and DISCARD_ON_EXIT). */
    Map<String, String> plan() {
      assertEquals(0, code, err);
      Map<String, String> plan = new LinkedHashMap<>();
      for (String line : out.split("\n")) {
        int eq = line.indexOf('=');
        plan.put(line.substring(0, eq).replaceFirst("^-Dcairn\\.", ""), line.substring(eq + 1));
      }
      return plan;
    }
  }

  Result run(String... args) {
    return run(Optional.empty(), args);
  }

  Result run(Optional<KarafSeed> seed, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new AgentCommand(HOST, seed).run(List.of(args), new Console(new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of()));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Path file(String name, String json) throws Exception {
    Path file = tmp.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, json);
  }

  void assertFails(String expectedMessagePart, String... args) {
    Result result = run(args);
    assertEquals(1, result.code(), result.err());
    assertTrue(result.err().contains(expectedMessagePart), result.err());
    assertEquals("", result.out());
  }

  @Test
  void devModeDefaults() throws Exception {
    Result result = run("-dev");
    assertEquals(0, result.code(), result.err());
    Map<String, String> plan = result.plan();
    assertEquals(List.of("node.name", "node.id", "datacenter", "data.dir", "bind.address", "advertise.address",
        "client.address", "http.port", "http.enabled", "http.max.conns.per.client", "https.port", "tls.ca.file",
        "tls.ca.path", "tls.cert.file", "tls.key.file", "tls.verify.incoming", "tls.min.version",
        "tls.cipher.suites", "dns.port", "server.port", "serf.lan.port",
        "serf.wan.port", "rpc.tls.ca.file", "rpc.tls.ca.path", "rpc.tls.cert.file", "rpc.tls.key.file",
        "rpc.tls.verify.incoming", "rpc.tls.verify.outgoing", "rpc.tls.verify.server.hostname",
        "rpc.tls.min.version", "server",
        "bootstrap.expect", "retry.join", "retry.join.wan", "retry.interval", "leave.on.terminate",
        "skip.leave.on.interrupt", "reconnect.timeout", "rpc.hold.timeout.millis", "dev", "log.level", "log.format", "enable.script.checks", "enable.local.script.checks",
        "disable.remote.exec", "config.dirs", "config.files", "acl.enabled", "acl.default.policy",
        "acl.down.policy", "acl.token.ttl", "acl.enable.token.persistence", "acl.primary.datacenter",
        "acl.enable.token.replication", "ui.enabled", "KARAF_DATA",
        "DISCARD_ON_EXIT", "BANNER"),
        List.copyOf(plan.keySet()));
    assertEquals("box1", plan.get("node.name"));
    assertEquals("dc1", plan.get("datacenter"));
    assertEquals("127.0.0.1", plan.get("bind.address"));
    assertEquals("127.0.0.1", plan.get("advertise.address"));
    assertEquals("127.0.0.1", plan.get("client.address"));
    assertEquals("8500 8600 8300 8301 8302", String.join(" ", plan.get("http.port"), plan.get("dns.port"),
        plan.get("server.port"), plan.get("serf.lan.port"), plan.get("serf.wan.port")));
    assertEquals("200", plan.get("http.max.conns.per.client"), "Consul's default");
    assertEquals("true", plan.get("server"));
    assertEquals("1", plan.get("bootstrap.expect"));
    assertEquals("", plan.get("retry.join"));
    assertEquals("true", plan.get("dev"));
    assertEquals("info", plan.get("log.level"));
    assertEquals("false", plan.get("enable.script.checks"));
    assertEquals("false", plan.get("enable.local.script.checks"));
    assertEquals("true", plan.get("disable.remote.exec"));
    assertEquals("true", plan.get("ui.enabled"), "-dev serves the web UI, as Consul's does");
    assertEquals("", plan.get("config.dirs"));
    assertEquals("", plan.get("config.files"));
    Path dataDir = Path.of(plan.get("data.dir"));
    assertTrue(Files.isDirectory(dataDir.resolve("karaf")));
    assertEquals(dataDir.resolve("karaf").toString(), plan.get("KARAF_DATA"));
    assertTrue(dataDir.getFileName().toString().startsWith("cairn-dev-"));
    assertEquals(dataDir.toString(), plan.get("DISCARD_ON_EXIT"), "a temporary data dir goes with the agent");
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void aNewDataDirStartsFromTheInstallationsSeedAndASeedThatCannotBeCopiedOnlyCostsTime() throws Exception {
    Path home = tmp.resolve("cairn");
    Path provisioned = tmp.resolve("build/karaf");
    file("build/karaf/cache/bundle12/bundle.info", "12\nmvn:org.apache.felix/org.apache.felix.configadmin/1.9.26\n");
    file("build/karaf/cache/bundle18/data/state.json", "{\"bootDone\":true}");
    KarafSeed seed = new KarafSeed(home);
    seed.record(provisioned);
    Path data = tmp.resolve("data");

    Result result = run(Optional.of(seed), "-dev", "-data-dir", data.toString());

    assertEquals("", result.err());
    assertTrue(Files.isRegularFile(Path.of(result.plan().get("KARAF_DATA"), "cache/bundle18/data/state.json")));

    Files.createSymbolicLink(seed.dir().resolve("cache/bundle18/data/gone"), tmp.resolve("nowhere"));
    Path other = tmp.resolve("other");
    result = run(Optional.of(seed), "-dev", "-data-dir", other.toString());
    assertEquals(0, result.code(), result.err());
    assertTrue(result.err().startsWith("==> Karaf will provision " + other.resolve("karaf") + " itself"),
        result.err());
    try (var left = Files.list(other.resolve("karaf"))) {
      assertEquals(List.of(), left.toList(), "nothing half-copied is left");
    }
  }

  @Test
  void serverDefaultsAdvertiseFirstNonLoopbackAddressAndKeepsNodeId() throws Exception {
    Path data = tmp.resolve("data");
    Map<String, String> plan = run("-server", "-bootstrap-expect", "3", "-data-dir", data.toString()).plan();
    assertEquals("0.0.0.0", plan.get("bind.address"));
    assertEquals("10.1.2.3", plan.get("advertise.address"));
    assertEquals("127.0.0.1", plan.get("client.address"));
    assertEquals("3", plan.get("bootstrap.expect"));
    assertEquals("false", plan.get("dev"));
    String nodeId = Files.readString(data.resolve("node-id")).trim();
    assertEquals(nodeId, plan.get("node.id"));
    assertEquals(nodeId, run("-server", "-data-dir", data.toString()).plan().get("node.id"));
  }

  @Test
  void specificBindAddressIsAlsoAdvertised() {
    Map<String, String> plan = run("-dev", "-data-dir", tmp.toString(), "-bind=10.0.0.9").plan();
    assertEquals("127.0.0.1", plan.get("advertise.address"));
    assertFalse(plan.containsKey("DISCARD_ON_EXIT"), "a data dir the user named is kept");
    plan = run("-server", "-data-dir", tmp.toString(), "-bind=10.0.0.9").plan();
    assertEquals("10.0.0.9", plan.get("advertise.address"));
  }

  @Test
  void filesOverrideEachOtherInNameOrderAndFlagsOverrideFiles() throws Exception {
    file("conf/a.json", "{\"node_name\": \"from-a\", \"datacenter\": \"EAST\", \"ports\": {\"http\": 9500},"
        + " \"retry_join\": [\"10.0.0.1\"], \"log_level\": \"DEBUG\", \"service\": {\"name\": \"web\"}}");
    file("conf/b.json", "{\"node_name\": \"from-b\", \"server\": true, \"data_dir\": \""
        + tmp.resolve("d") + "\", \"retry_join\": \"10.0.0.2:8301\", \"checks\": []}");
    file("conf/ignored.txt", "not json");
    Map<String, String> plan = run("-config-dir", tmp.resolve("conf").toString(), "-retry-join", "[::1]:8301",
        "-serf-lan-port=9301", "-node=flagged").plan();
    assertEquals("flagged", plan.get("node.name"));
    assertEquals("east", plan.get("datacenter"));
    assertEquals("9500", plan.get("http.port"));
    assertEquals("9301", plan.get("serf.lan.port"));
    assertEquals("true", plan.get("server"));
    assertEquals(tmp.resolve("d").toString(), plan.get("data.dir"));
    assertEquals("10.0.0.1,10.0.0.2:8301,[::1]:8301", plan.get("retry.join"));
    assertEquals("debug", plan.get("log.level"));
  }

  @Test
  void theHttpConnectionLimitComesFromTheLimitsBlock() throws Exception {
    Path conf = file("limits.json", "{\"limits\": {\"http_max_conns_per_client\": 1000}}");
    Map<String, String> plan = run("-dev", "-config-file", conf.toString()).plan();
    assertEquals("1000", plan.get("http.max.conns.per.client"));
    Path off = file("nolimit.json", "{\"limits\": {\"http_max_conns_per_client\": 0}}");
    assertEquals("0", run("-dev", "-config-file", off.toString()).plan().get("http.max.conns.per.client"));
    Result noFlag = run("-dev", "-http-max-conns-per-client=5");
    assertEquals(1, noFlag.code(), "Consul has no flag for it, nor has Cairn");
  }

  @Test
  void remoteExecIsEnabledOnlyByConfigAndWatchesAreLeftToTheAgent() throws Exception {
    Path conf = file("exec/a.json", "{\"disable_remote_exec\": false, \"watches\": [{\"type\": \"nodes\","
        + " \"args\": [\"true\"]}]}");
    Map<String, String> plan = run("-dev", "-data-dir", tmp.toString(), "-config-file", conf.toString()).plan();
    assertEquals("false", plan.get("disable.remote.exec"));

    Path bad = file("exec/bad.json", "{\"watches\": [{\"type\": \"key\", \"args\": [\"true\"]}]}");
    Result refused = run("-dev", "-data-dir", tmp.toString(), "-config-file", bad.toString());
    assertEquals(1, refused.code());
    assertTrue(refused.err().contains("watches[0]: Must specify a single key to watch"), refused.err());
  }

  @Test
  void scriptCheckSwitchesAndConfigPathsReachTheAgent() throws Exception {
    Path dir = file("conf/a.json", "{\"enable_local_script_checks\": true, \"data_dir\": \"" + tmp + "\"}")
        .getParent();
    Path one = file("one.json", "{}");
    Map<String, String> plan = run("-config-dir", dir.toString(), "-config-file", one.toString(), "-config-dir",
        tmp.resolve("conf/../conf").toString()).plan();
    assertEquals("false", plan.get("enable.script.checks"));
    assertEquals("true", plan.get("enable.local.script.checks"));
    assertEquals(dir.toAbsolutePath().toString(), plan.get("config.dirs"));
    assertEquals(one.toAbsolutePath().toString(), plan.get("config.files"));

    Path two = Files.createDirectories(tmp.resolve("two"));
    plan = run("-dev", "-data-dir", tmp.toString(), "-enable-script-checks", "-config-dir", dir.toString(),
        "-config-dir", two.toString()).plan();
    assertEquals("true", plan.get("enable.script.checks"));
    assertEquals(dir + "," + two, plan.get("config.dirs"));

    Path spaced = Files.createDirectories(tmp.resolve("with space"));
    assertFails("-config-dir " + spaced + ": the path may not contain whitespace", "-dev", "-config-dir",
        spaced.toString());
    Path comma = Files.createDirectories(tmp.resolve("a,b"));
    assertFails("-config-dir " + comma + ": the path may not contain", "-dev", "-config-dir", comma.toString());
  }

  @Test
  void badServiceOrCheckDefinitionsStopTheAgentBeforeItStarts() throws Exception {
    Path good = file("defs/a.json", "{\"service\": {\"name\": \"web\", \"port\": 80, \"check\": "
        + "{\"http\": \"http://localhost/\", \"interval\": \"10s\"}}}");
    assertEquals(0, run("-dev", "-data-dir", tmp.toString(), "-config-dir", good.getParent().toString()).code());
    Path bad = file("defs/b.json", "{\"services\": [{\"name\": \"db\", \"checks\": [{\"tcp\": \"localhost:5432\", "
        + "\"interval\": \"10x\"}]}]}");
    Result result = run("-dev", "-data-dir", tmp.toString(), "-config-dir", good.getParent().toString());
    assertEquals(1, result.code());
    assertTrue(result.err().startsWith("==> config file " + bad + ": services[0].checks[0].interval: "),
        result.err());
    Path check = file("check.json", "{\"check\": {\"name\": \"disk\", \"ttl\": \"soon\"}}");
    assertFails("config file " + check + ": check.ttl: ", "-dev", "-data-dir", tmp.toString(), "-config-file",
        check.toString());
  }

  @Test
  void configFileFlagIsReadInCommandLineOrder() throws Exception {
    Path one = file("one.json", "{\"datacenter\": \"one\", \"data_dir\": \"" + tmp + "\"}");
    Path two = file("two.json", "{\"datacenter\": \"two\"}");
    assertEquals("two", run("-config-file", one.toString(), "-config-file=" + two).plan().get("datacenter"));
    assertEquals("one", run("-config-file", two.toString(), "-config-file=" + one).plan().get("datacenter"));
  }

  @Test
  void flagErrors() {
    assertFails("flag provided but not defined: -bogus", "-bogus");
    assertFails("unexpected argument \"server\"", "server");
    assertFails("invalid value \"abc\" for flag -http-port: expected a port number between 1 and 65535",
        "-dev", "-http-port", "abc");
    assertFails("invalid value \"70000\" for flag -dns-port: expected a port number between 1 and 65535, got 70000",
        "-dev", "-dns-port=70000");
    assertFails("invalid value \"-1\" for flag -bootstrap-expect: expected a whole number, 0 or more",
        "-dev", "-bootstrap-expect", "-1");
    assertFails("flag needs an argument: -node", "-dev", "-node");
  }

  @Test
  void settingCombinationErrors() {
    assertFails("no data directory: set -data-dir", "-server");
    assertFails("-bootstrap-expect: bootstrap_expect 3 requires server mode", "-bootstrap-expect=3",
        "-data-dir", tmp.toString());
    assertFails("-bootstrap-expect: -dev runs a single server, so bootstrap_expect must be 1, got 3",
        "-dev", "-bootstrap-expect=3");
    assertFails("-node: \"my node\" may not contain whitespace", "-dev", "-node", "my node");
    assertFails("-data-dir: \"/tmp/a*\" may not contain", "-dev", "-data-dir", "/tmp/a*");
    assertFails("-datacenter: datacenter \"dc.1\" may contain only", "-dev", "-datacenter", "dc.1");
    assertFails("-log-level: unknown log level \"loud\"", "-dev", "-log-level", "loud");
    assertFails("-bind: bind_addr \"myhost\" is not an IP address", "-dev", "-bind", "myhost");
    assertFails("-advertise: advertise address 0.0.0.0 is not an address", "-dev", "-advertise", "0.0.0.0");
    assertFails("-retry-join: retry_join target \"a:b:c:x\" is not", "-dev", "-retry-join", "a:b:c:x");
    assertFails("-retry-join: retry_join target \"host:99999\" is not", "-dev", "-retry-join", "host:99999");
    assertFails("port 8500 is used twice: ports.http (default) and ports.dns (-dns-port)", "-dev",
        "-dns-port", "8500");
  }

  @Test
  void aPortInUseStopsTheAgentWithTheAddressAndTheFlagsThatChoseIt() {
    assertFails("cannot listen on 127.0.0.1:7777 (TCP) for the HTTP API (-client, -http-port): Address already in use",
        "-dev", "-data-dir", tmp.toString(), "-http-port", "7777");
    assertFails("cannot listen on 127.0.0.1:7777 (UDP) for DNS (-client, -dns-port): Address already in use",
        "-dev", "-data-dir", tmp.toString(), "-dns-port", "7777");
    assertFails("cannot listen on 0.0.0.0:7777 (TCP) for LAN gossip (-bind, -serf-lan-port): ",
        "-server", "-data-dir", tmp.toString(), "-serf-lan-port", "7777");
    assertFails("cannot listen on 0.0.0.0:7777 (TCP) for WAN gossip (-bind, -serf-wan-port): ",
        "-server", "-data-dir", tmp.toString(), "-serf-wan-port", "7777");
    assertFails("cannot listen on 0.0.0.0:7777 (TCP) for Raft (-bind, -server-port): ",
        "-server", "-data-dir", tmp.toString(), "-server-port", "7777");
  }

  @Test
  void aClientAgentOpensNoRaftOrWanPortSoAServerBesideItDoesNotStopIt() {
    Map<String, String> plan = run("-data-dir", tmp.toString(), "-bind", "127.0.0.1", "-server-port", "7777",
        "-serf-wan-port", "7777", "-serf-lan-port", "9301", "-http-port", "9500", "-dns-port", "9600").plan();
    assertEquals("false", plan.get("server"));
    assertEquals("true", plan.get("leave.on.terminate"));
    assertFails("port 9301 is used twice: ports.serf_lan (-serf-lan-port) and ports.server (-server-port)",
        "-server", "-data-dir", tmp.toString(), "-serf-lan-port", "9301", "-server-port", "9301");
  }

  @Test
  void dataDirProblems() throws Exception {
    Path notDir = file("plain", "x");
    assertFails("-data-dir: data_dir " + notDir + " exists and is not a directory", "-data-dir", notDir.toString());
    file("d/node-id", "garbage");
    assertFails(tmp.resolve("d/node-id") + " does not hold a node id", "-data-dir", tmp.resolve("d").toString());
  }

  @Test
  void configFileErrorsNameFileAndField() throws Exception {
    Path bad = file("bad.json", "{\n  \"node_name\": \"x\"\n  \"server\": true\n}");
    assertFails("config file " + bad + ": invalid JSON at line 3, column 3: expected ',' or '}'",
        "-dev", "-config-file", bad.toString());
    Path array = file("array.json", "[1]");
    assertFails("config file " + array + ": expected a JSON object", "-dev", "-config-file", array.toString());
    Path unknown = file("unknown.json", "{\"nodename\": \"x\"}");
    assertFails("config file " + unknown + ": unknown field \"nodename\"; accepted fields are acl_agent_master_token,",
        "-dev", "-config-file", unknown.toString());
    Path port = file("port.json", "{\"ports\": {\"http\": \"8500\"}}");
    assertFails("config file " + port + ", field \"ports.http\": expected a port number between 1 and 65535, "
        + "got \"8500\"", "-dev", "-config-file", port.toString());
    Path portName = file("portname.json", "{\"ports\": {\"grpc\": 8502}}");
    assertFails("unknown field \"ports.grpc\"; accepted ports are dns, http, https, serf_lan, serf_wan, server",
        "-dev", "-config-file", portName.toString());
    Path ports = file("ports.json", "{\"ports\": 1}");
    assertFails("field \"ports\": expected an object", "-dev", "-config-file", ports.toString());
    Path limit = file("limit.json", "{\"limits\": {\"http_max_conns_per_client\": -1}}");
    assertFails("field \"limits.http_max_conns_per_client\": expected a whole number, 0 or more, got -1",
        "-dev", "-config-file", limit.toString());
    Path limitName = file("limitname.json", "{\"limits\": {\"rpc_rate\": 10}}");
    assertFails("unknown field \"limits.rpc_rate\"; accepted limits are http_max_conns_per_client",
        "-dev", "-config-file", limitName.toString());
    Path server = file("server.json", "{\"server\": \"yes\"}");
    assertFails("field \"server\": expected true or false, got \"yes\"", "-dev", "-config-file", server.toString());
    Path join = file("join.json", "{\"retry_join\": [1]}");
    assertFails("field \"retry_join\": expected a string or an array of strings, got an array",
        "-dev", "-config-file", join.toString());
    Path expect = file("expect.json", "{\"bootstrap_expect\": 3, \"server\": true}");
    assertFails("config file " + expect + ", field \"bootstrap_expect\": -dev runs a single server",
        "-dev", "-config-file", expect.toString());
    Path hcl = file("h/agent.hcl", "server = true\nbootstrap_expect = 3\n");
    assertFails("config file " + hcl + ", field \"bootstrap_expect\": -dev runs a single server", "-dev",
        "-config-dir", hcl.getParent().toString());
    assertFails("-config-dir " + tmp.resolve("missing") + ": no such directory", "-dev", "-config-dir",
        tmp.resolve("missing").toString());
    assertFails("config file " + tmp.resolve("nope.json") + ": cannot read it", "-dev", "-config-file",
        tmp.resolve("nope.json").toString());
  }

  @Test
  void hclConfigFileWithServiceDefinitions() throws Exception {
    Path hcl = file("server.hcl", """
        node_name = "web-1"
        datacenter = "east"
        ports {
          http = 8555
        }
        service {
          name = "web"
          port = 80
          check {
            http = "http://localhost/health"
            interval = "10s"
          }
        }
        """);
    Map<String, String> plan = run("-dev", "-config-file", hcl.toString(), "-hcl", "log_level = \"debug\"").plan();
    assertEquals("web-1", plan.get("node.name"));
    assertEquals("east", plan.get("datacenter"));
    assertEquals("8555", plan.get("http.port"));
    assertEquals("debug", plan.get("log.level"));
    assertEquals(hcl.toString(), plan.get("config.files"));
    Path badCheck = file("bad-check.hcl", "service {\n  name = \"web\"\n  check { interval = \"10x\" }\n}\n");
    assertFails("config file " + badCheck + ": service.check.interval: invalid duration \"10x\"", "-dev",
        "-config-file", badCheck.toString());
  }

  @Test
  void consulsBannerFollowsThePlan() throws Exception {
    Result result = run("-dev", "-node", "web-1", "-encrypt", "qDOPBEr+/oUVeOFQOnVypxwDaHzLrD+lvjo5vCEBbZ0=");
    assertEquals(0, result.code(), result.err());
    String nodeId = result.plan().get("node.id");
    List<String> banner = result.out().lines().filter(line -> line.startsWith("BANNER="))
        .map(line -> line.substring("BANNER=".length())).toList();
    assertEquals(List.of(
        "==> Starting Consul agent...",
        "              Version: '0.1.0'",
        "              Node ID: '" + nodeId + "'",
        "            Node name: 'web-1'",
        "           Datacenter: 'dc1' (Segment: '<all>')",
        "               Server: true (Bootstrap: true)",
        "          Client Addr: [127.0.0.1] (HTTP: 8500, HTTPS: -1, gRPC: -1, gRPC-TLS: -1, DNS: 8600)",
        "         Cluster Addr: 127.0.0.1 (LAN: 8301, WAN: 8302)",
        "    Gossip Encryption: true",
        "     Auto-Encrypt-TLS: false",
        "         ACLs Enabled: false",
        "            HTTPS TLS: Verify Incoming: false, Verify Outgoing: false, Min Version: TLSv1_2",
        "     Internal RPC TLS: Verify Incoming: false, Verify Outgoing: false (Verify Hostname: false), "
            + "Min Version: TLSv1_2",
        "",
        "==> Log data will now stream in as it occurs:",
        ""), banner, "no Build Date outside a built jar");
  }

  @Test
  void helpPrintsUsageWithoutPlan() {
    Result result = run("-h");
    assertEquals(0, result.code());
    assertEquals("", result.out());
    assertTrue(result.err().contains("-retry-join=<list>"), result.err());
  }

  @Test
  void anHttpsListenerWhoseFilesCannotBeReadStopsTheAgentNamingTheFile() throws Exception {
    Path missing = tmp.resolve("missing.pem");
    Path notPem = file("not.pem", "hello");
    Path conf = file("tls.json", "{\"ports\": {\"https\": 8501}, \"tls\": {\"defaults\": {\"cert_file\": \""
        + missing + "\", \"key_file\": \"" + notPem + "\"}}}");
    assertFails("cert_file " + missing + ": cannot read it (NoSuchFileException", "-dev", "-config-file",
        conf.toString());
    Path garbled = file("tls2.json", "{\"ports\": {\"https\": 8501}, \"cert_file\": \"" + notPem
        + "\", \"key_file\": \"" + notPem + "\"}");
    assertFails("cert_file " + notPem + ": no PEM certificate found", "-dev", "-config-file", garbled.toString());
  }
}
