package io.cairn.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.agent.definitions.ConfigDirDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HCL config files and -hcl fragments read into the same settings as JSON, with Consul's rules. */
class HclConfigTest {
  @TempDir
  Path tmp;

  /** The settings' values, without their origins (which name different files). */
  private static Map<Setting, Object> values(Settings settings) {
    Map<Setting, Object> values = new EnumMap<>(Setting.class);
    for (Setting setting : Setting.values()) {
      settings.get(setting).ifPresent(sourced -> values.put(setting, sourced.value()));
    }
    return values;
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text);
  }

  private static String failure(ConfigSource... sources) {
    return assertThrows(ConfigException.class, () -> ConfigFiles.read(List.of(sources))).getMessage();
  }

  @Test
  void consulsDocumentedExamplesReadAsTheirJsonEquivalents() throws Exception {
    Path corpus = Path.of(HclConfigTest.class.getResource("hcl-corpus").toURI());
    List<Path> examples;
    try (Stream<Path> files = Files.list(corpus)) {
      examples = files.filter(f -> f.toString().endsWith(".hcl")).sorted().toList();
    }
    assertEquals(6, examples.size(), examples.toString());
    for (Path hcl : examples) {
      Path json = hcl.resolveSibling(hcl.getFileName().toString().replace(".hcl", ".json"));
      Map<Setting, Object> fromHcl = values(ConfigFiles.readFile(hcl));
      assertTrue(!fromHcl.isEmpty(), hcl.toString());
      assertEquals(values(ConfigFiles.readFile(json)), fromHcl, hcl.toString());
      assertEquals(ConfigDirDefinitions.loadFile(json), ConfigDirDefinitions.loadFile(hcl), hcl.toString());
    }
  }

  @Test
  void aDirReadsJsonAndHclFilesInNameOrder() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("conf"));
    Files.writeString(dir.resolve("a.json"), "{\"node_name\": \"a\", \"retry_join\": [\"10.0.0.1\"]}");
    Files.writeString(dir.resolve("b.hcl"), "node_name = \"b\"\nretry_join = [\"10.0.0.2\"]\n");
    Files.writeString(dir.resolve("c.json"), "{\"datacenter\": \"c\"}");
    Files.writeString(dir.resolve("d.txt"), "not = config");
    Settings settings = ConfigFiles.read(List.of(new ConfigSource(dir, true)));
    assertEquals("b", settings.get(Setting.NODE_NAME).orElseThrow().value());
    assertEquals("config file " + dir.resolve("b.hcl") + ", field \"node_name\"",
        settings.get(Setting.NODE_NAME).orElseThrow().origin());
    assertEquals(List.of("10.0.0.1", "10.0.0.2"), settings.get(Setting.RETRY_JOIN).orElseThrow().value());
    assertEquals("c", settings.get(Setting.DATACENTER).orElseThrow().value());
  }

  @Test
  void hclValuesTakeConsulsForms() throws Exception {
    Path hcl = file("forms.hcl", """
        /* heredocs, numbers and empty lists */
        node_name = <<EOT
        web-1
        EOT
        retry_join = []
        reconnect_timeout = "72h"
        ports { dns = 053 }
        """);
    Settings settings = ConfigFiles.readFile(hcl);
    assertEquals("web-1\n", settings.get(Setting.NODE_NAME).orElseThrow().value(), "a heredoc keeps its newline");
    assertTrue(settings.get(Setting.RETRY_JOIN).isEmpty(), "an empty list is absent, as in Consul");
    assertEquals(Duration.ofHours(72), settings.get(Setting.RECONNECT_TIMEOUT).orElseThrow().value());
    assertEquals(43, settings.get(Setting.DNS_PORT).orElseThrow().value(), "octal, as HCL 1 reads it");
  }

  @Test
  void errorsNameTheFileTheLineAndTheProblem() throws Exception {
    Path syntax = file("syntax.hcl", "server = true\nports {\n  http = 8500\n  dns = @\n}\n");
    assertEquals("config file " + syntax + ": invalid HCL: At 4:9: illegal char",
        failure(new ConfigSource(syntax, false)));
    Path twice = file("twice.hcl", "ports { http = 8500 }\nports { dns = 8600 }\n");
    assertEquals("config file " + twice + ": invalid HCL: ports: []map[string]interface{} with more than one "
        + "element not supported", failure(new ConfigSource(twice, false)));
    Path unknown = file("unknown.hcl", "ports { htp = 8500 }\n");
    assertTrue(failure(new ConfigSource(unknown, false)).startsWith("config file " + unknown
        + ": unknown field \"ports.htp\"; accepted ports are "));
    Path type = file("type.hcl", "server = \"yes\"\n");
    assertEquals("config file " + type + ", field \"server\": expected true or false, got \"yes\"",
        failure(new ConfigSource(type, false)));
    Path json = file("starts-with-brace.hcl", "{\"server\": true}");
    assertTrue(failure(new ConfigSource(json, false)).startsWith("config file " + json + ": invalid HCL: "));
  }

  @Test
  void hclFragmentsWinOverFlags() throws Exception {
    AgentRequest request = AgentRequest.parse(List.of("-dev", "-http-port", "8501", "-hcl",
        "ports { http = 8502 }", "-retry-join", "10.0.0.1", "-hcl", "retry_join = [\"10.0.0.2\"]"));
    assertEquals(8502, request.flags().get(Setting.HTTP_PORT).orElseThrow().value());
    assertEquals("-hcl fragment 1, field \"ports.http\"", request.flags().get(Setting.HTTP_PORT).orElseThrow()
        .origin());
    assertEquals(List.of("10.0.0.1", "10.0.0.2"), request.flags().get(Setting.RETRY_JOIN).orElseThrow().value());
  }

  @Test
  void hclFragmentsHoldSettingsOnly() {
    ConfigException definitions = assertThrows(ConfigException.class,
        () -> AgentRequest.parse(List.of("-hcl", "service { name = \"web\" }")));
    assertEquals("-hcl fragment 1: \"service\" is read from config files only; put it in a file given with "
        + "-config-file or -config-dir", definitions.getMessage());
    ConfigException syntax = assertThrows(ConfigException.class,
        () -> AgentRequest.parse(List.of("-hcl", "server = true", "-hcl", "server = @")));
    assertEquals("-hcl fragment 2: invalid HCL: At 1:10: illegal char", syntax.getMessage());
  }
}
