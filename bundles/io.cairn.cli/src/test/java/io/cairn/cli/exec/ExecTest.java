package io.cairn.cli.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.cli.Console;
import io.cairn.cli.FakeAgent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

class ExecTest {

  @Test
  void jobSpecAndEventPayloadHaveConsulsShape() {
    assertEquals("{\"Command\":\"uptime\",\"Wait\":2000000000}",
        new String(ExecJob.spec("uptime", List.of(), new byte[0], Duration.ofSeconds(2)), StandardCharsets.UTF_8));
    assertEquals("{\"Args\":[\"ls\",\"-l\"],\"Script\":\"ZWNobw==\",\"Wait\":1000000}",
        new String(ExecJob.spec("", List.of("ls", "-l"), "echo".getBytes(StandardCharsets.UTF_8),
            Duration.ofMillis(1)), StandardCharsets.UTF_8));
    assertEquals("{\"Prefix\":\"_rexec\",\"Session\":\"s1\"}",
        new String(ExecJob.event("_rexec", "s1"), StandardCharsets.UTF_8));
  }

  @Test
  void outputIsPrefixedPerNodeAndTheSummaryCountsExitsAndAcks() throws Exception {
    LinkedBlockingQueue<ExecResults.Reply> replies = new LinkedBlockingQueue<>(List.of(
        new ExecResults.Ack("n1"), new ExecResults.Ack("n2"), new ExecResults.Output("n1", "hello\nworld\n"),
        new ExecResults.Heartbeat("n2"), new ExecResults.Exit("n1", 0), new ExecResults.Exit("n2", 3)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Console console = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true),
        new PrintStream(new ByteArrayOutputStream()), Map.of());
    assertEquals(2, Exec.collect(replies, Duration.ofMillis(1), console, false));
    // As Consul: the chunk's final newline leaves an empty, right-trimmed "    n1:" line.
    assertEquals("    n1: hello\n    n1: world\n    n1:\n==> n1: finished with exit code 0\n"
        + "==> n2: finished with exit code 3\n2 / 2 node(s) completed / acknowledged\n", out.toString());
  }

  @Test
  void anAcknowledgedNodeThatNeverFinishesFailsTheRun() throws Exception {
    LinkedBlockingQueue<ExecResults.Reply> replies = new LinkedBlockingQueue<>(List.of(new ExecResults.Ack("n1")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Console console = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true),
        new PrintStream(new ByteArrayOutputStream()), Map.of());
    assertEquals(2, Exec.collect(replies, Duration.ofMillis(1), console, true));
    assertEquals("==> n1: acknowledged\n0 / 1 node(s) completed / acknowledged\n", out.toString());
  }

  @Test
  void filtersAreCheckedBeforeAnyRequest() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(1, agent.run(new Exec(), "-tag=v1", "uptime"));
      assertEquals(1, agent.run(new Exec(), "-shell=false", "-"));
      assertEquals("Cannot provide tag filter without service filter.\n"
          + "Cannot configure -shell=false when reading from stdin\n", agent.err());
      assertEquals(0, agent.requests.size());
    }
  }
}
