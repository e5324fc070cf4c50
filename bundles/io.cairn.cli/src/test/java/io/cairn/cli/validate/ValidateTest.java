package io.cairn.cli.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.Console;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn validate}: Consul's texts and exit codes for good and bad JSON and HCL configurations. */
class ValidateTest {
  @TempDir
  Path tmp;

  record Result(int code, String out, String err) {}

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Validate().run(List.of(args), new Console(new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of()));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path goodDir() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("conf"));
    Files.writeString(dir.resolve("agent.hcl"), "data_dir = \"" + tmp.resolve("data") + "\"\nserver = true\n"
        + "bootstrap_expect = 1\n");
    Files.writeString(dir.resolve("web.json"), "{\"service\": {\"name\": \"web\", \"port\": 80}}");
    return dir;
  }

  @Test
  void validConfiguration() throws Exception {
    Path dir = goodDir();
    assertEquals(new Result(0, "Configuration is valid!\n", ""), run(dir.toString()));
    assertEquals(new Result(0, "", ""), run("-quiet", dir.toString()));
    Path extra = Files.writeString(tmp.resolve("extra.hcl"), "log_level = \"debug\"\n");
    assertEquals(new Result(0, "Configuration is valid!\n", ""), run(dir.toString(), extra.toString()));
  }

  @Test
  void invalidConfigurationsSayWhy() throws Exception {
    Path dir = goodDir();
    Path syntax = Files.writeString(dir.resolve("z.hcl"), "ports {\n  http = 8500\n");
    Result result = run(dir.toString());
    assertEquals(1, result.code());
    assertEquals("", result.out());
    assertTrue(result.err().startsWith("Config validation failed: config file " + syntax + ": invalid HCL: At "),
        result.err());
    Files.delete(syntax);
    Path check = Files.writeString(dir.resolve("check.hcl"), "check {\n  name = \"mem\"\n  ttl = \"5x\"\n}\n");
    result = run(dir.toString());
    assertEquals(1, result.code());
    assertTrue(result.err().startsWith("Config validation failed: config file " + check + ": check.ttl: invalid duration \"5x\""),
        result.err());
    Files.delete(check);
    Path noDataDir = Files.writeString(tmp.resolve("client.json"), "{\"retry_join\": [\"10.0.0.1\"]}");
    assertEquals(new Result(1, "", "Config validation failed: no data directory: set -data-dir (or \"data_dir\" "
        + "in a config file); only -dev agents run without one\n"), run(noDataDir.toString()));
    assertEquals(new Result(0, "Configuration is valid!\n", ""), run(dir.toString()));
  }

  @Test
  void needsAPath() {
    assertEquals(new Result(1, "", "Must specify at least one config file or directory\n"), run());
    assertEquals(new Result(1, "", "Must specify at least one config file or directory\n"), run("-quiet"));
  }
}
