package io.cairn.cli.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.cli.Console;
import io.cairn.cli.FakeAgent;
import io.cairn.cli.members.Members;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consul's order of token sources: -token, -token-file, the token variables, the token file variables. */
class TokenSourceTest {
  @TempDir
  Path tmp;

  private String file(String name, String content) throws Exception {
    return Files.writeString(tmp.resolve(name), content).toString();
  }

  @Test
  void eachSourceWinsOverTheOnesAfterIt() throws Exception {
    String flagFile = file("flag", "  from-flag-file\n");
    String envFile = file("env", "from-env-file\n");
    Map<String, String> env = Map.of("CONSUL_HTTP_TOKEN", "consul-env", "CAIRN_HTTP_TOKEN", "cairn-env",
        "CONSUL_HTTP_TOKEN_FILE", envFile);
    assertEquals("flag", TokenSource.resolve(Optional.of("flag"), Optional.of(flagFile), env));
    assertEquals("from-flag-file", TokenSource.resolve(Optional.empty(), Optional.of(flagFile), env));
    assertEquals("cairn-env", TokenSource.resolve(Optional.empty(), Optional.empty(), env));
    assertEquals("consul-env", TokenSource.resolve(Optional.empty(), Optional.empty(),
        Map.of("CONSUL_HTTP_TOKEN", "consul-env", "CONSUL_HTTP_TOKEN_FILE", envFile)));
    assertEquals("from-env-file", TokenSource.resolve(Optional.empty(), Optional.empty(),
        Map.of("CONSUL_HTTP_TOKEN_FILE", envFile)));
    assertEquals("", TokenSource.resolve(Optional.empty(), Optional.empty(), Map.of()));
  }

  @Test
  void anExplicitlyEmptyTokenMeansNoneAndAnEmptyFileIsSkipped() throws Exception {
    assertEquals("", TokenSource.resolve(Optional.of(""), Optional.empty(), Map.of("CONSUL_HTTP_TOKEN", "env")));
    assertEquals("env", TokenSource.resolve(Optional.empty(), Optional.of(file("blank", " \n")),
        Map.of("CONSUL_HTTP_TOKEN", "env")));
    assertEquals("cairn-file", TokenSource.resolve(Optional.empty(), Optional.empty(),
        Map.of("CAIRN_HTTP_TOKEN_FILE", file("cairn", "cairn-file"), "CONSUL_HTTP_TOKEN_FILE", "/nonexistent")));
  }

  @Test
  void anUnreadableTokenFileIsAnError() {
    String missing = tmp.resolve("missing").toString();
    assertEquals("Error loading token file " + missing + ": open " + missing + ": no such file or directory",
        assertThrows(TokenSource.TokenFileException.class,
            () -> TokenSource.resolve(Optional.empty(), Optional.of(missing), Map.of())).getMessage());
  }

  @Test
  void clientCommandsSendTheTokenOfTheirFileAndFailOnAMissingOne() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[]")) {
      assertEquals(2, agent.run(new Members(), "-token-file", file("t", "secret-1\n")));
      assertEquals("secret-1", agent.requests.get(0).token());
      assertEquals(1, agent.run(new Members(), "-token-file", tmp.resolve("nope").toString()));
      assertEquals("Error loading token file " + tmp.resolve("nope") + ": open " + tmp.resolve("nope")
          + ": no such file or directory\n", agent.err());
      assertEquals(1, agent.requests.size());
    }
  }

  @Test
  void clientCommandsReadTheTokenFileVariable() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[]")) {
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
      Console console = new Console(new ByteArrayInputStream(new byte[0]), print, print,
          Map.of("CAIRN_HTTP_ADDR", agent.address(), "CONSUL_HTTP_TOKEN_FILE", file("v", "secret-2")));
      assertEquals(2, new Members().run(List.of(), console));
      assertEquals("secret-2", agent.requests.get(0).token());
    }
  }
}
