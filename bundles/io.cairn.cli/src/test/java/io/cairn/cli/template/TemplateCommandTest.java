package io.cairn.cli.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.cairn.cli.Console;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCommandTest {
  @TempDir
  Path dir;
  private HttpServer agent;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** An agent with one key, answering KV reads with Consul's JSON and an X-Consul-Index. */
  @BeforeEach
  void startAgent() throws Exception {
    agent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    agent.createContext("/v1/kv/", exchange -> {
      String key = exchange.getRequestURI().getPath().substring("/v1/kv/".length());
      byte[] body = key.equals("motd")
          ? ("[{\"LockIndex\":0,\"Key\":\"motd\",\"Flags\":0,\"Value\":\""
              + Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8))
              + "\",\"CreateIndex\":7,\"ModifyIndex\":7}]").getBytes(StandardCharsets.UTF_8)
          : new byte[0];
      exchange.getResponseHeaders().add("X-Consul-Index", "7");
      exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    agent.start();
  }

  @AfterEach
  void stopAgent() {
    agent.stop(0);
  }

  private int run(String... args) {
    Console console = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("CAIRN_HTTP_ADDR", "127.0.0.1:" + agent.getAddress().getPort()));
    return new TemplateCommand(handler -> { }).run(List.of(args), console);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onceDryPrintsTheRenderedTemplateUnderItsDestinationAndWritesNothing() throws Exception {
    Path template = Files.writeString(dir.resolve("motd.tpl"), "motd: {{ key \"motd\" }}\n");
    Path destination = dir.resolve("motd");
    assertEquals(0, run("-template", template + ":" + destination, "-once", "-dry"), err());
    assertEquals("> " + destination + "\nmotd: hello\n", out());
    assertFalse(Files.exists(destination));
  }

  @Test
  void onceWritesTheFileThenRunsItsCommand() throws Exception {
    Path template = Files.writeString(dir.resolve("motd.tpl"), "[[ key \"motd\" ]]");
    Path config = Files.writeString(dir.resolve("config.json"), """
        {"template": {"source": "%s", "destination": "%s", "left_delimiter": "[[", "right_delimiter": "]]",
                      "command": "cat %s > %s", "perms": "0600"}}""".formatted(template, dir.resolve("motd"),
        dir.resolve("motd"), dir.resolve("copy")));
    assertEquals(0, run("-config", config.toString(), "-once"), err());
    assertEquals("hello", Files.readString(dir.resolve("motd")));
    assertEquals("hello", Files.readString(dir.resolve("copy")), "the command ran after the file was written");
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("motd"))));
  }

  @Test
  void aTemplateErrorExitsWithOneNamingTheTemplate() throws Exception {
    Path template = Files.writeString(dir.resolve("bad.tpl"), "line one\n{{ key }}\n");
    assertEquals(1, run("-template", template + ":" + dir.resolve("out"), "-once"));
    assertTrue(err().contains(template.toString()), err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void helpListsTheFlagsAndSaysHclIsNotSupported() {
    assertEquals(0, run("-h"));
    for (String flag : List.of("-template=", "-config=", "-consul-addr=", "-wait=", "-once", "-dry", "-exec=",
        "-exec-reload-signal=", "-exec-kill-signal=", "-exec-kill-timeout=", "-consul-retry-attempts=",
        "-consul-ssl", "-consul-ssl-verify", "-consul-ssl-cert=", "-consul-ssl-key=", "-consul-ssl-ca-cert=",
        "-consul-ssl-ca-path=", "-consul-ssl-server-name=")) {
      assertTrue(err().contains("  " + flag), flag + " missing from:\n" + err());
    }
    assertTrue(err().contains("HCL is not supported"), err());
  }

  @Test
  void aBadFlagPrintsTheUsage() {
    assertEquals(1, run("-template", "only-a-source"));
    assertTrue(err().startsWith("invalid -template \"only-a-source\""), err());
    assertTrue(err().contains("Usage: cairn template [options]"), err());
  }
}
