package io.cairn.cli.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class MonitorTest {

  @Test
  void printsEachLineUntilTheAgentEndsTheStream() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      agent.reply(200, "2025-05-06T10:00:00.000Z [DEBUG] agent: one\n2025-05-06T10:00:00.001Z [INFO]  agent: two\n");
      assertEquals(1, agent.run(new Monitor(), "-log-level=debug", "-token=secret"));
      assertEquals("2025-05-06T10:00:00.000Z [DEBUG] agent: one\n2025-05-06T10:00:00.001Z [INFO]  agent: two\n"
          + Monitor.REMOTE_ENDED + "\n", agent.out());
      assertEquals("/v1/agent/monitor?loglevel=debug", agent.requests.get(0).uri());
      assertEquals("secret", agent.requests.get(0).token());
    }
  }

  @Test
  void asksForJsonAndReportsARefusal() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      agent.reply(400, "Unknown log level: loud");
      assertEquals(1, agent.run(new Monitor(), "-log-level=loud", "-log-json"));
      assertEquals("/v1/agent/monitor?loglevel=loud&logjson=", agent.requests.get(0).uri());
      assertTrue(agent.err().startsWith("Error starting monitor: Unexpected response code: 400 (Unknown log level: "
          + "loud)"), agent.err());
    }
  }
}
