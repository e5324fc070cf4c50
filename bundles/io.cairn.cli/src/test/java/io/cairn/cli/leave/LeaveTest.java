package io.cairn.cli.leave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class LeaveTest {

  @Test
  void leavesGracefully() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "")) {
      assertEquals(0, agent.run(new Leave()));
      assertEquals("PUT /v1/agent/leave", agent.requests.get(0).method() + " " + agent.requests.get(0).uri());
      assertEquals("Graceful leave complete\n", agent.out());
    }
  }

  @Test
  void argumentsAndAgentErrorsExitOne() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(403, "Permission denied")) {
      assertEquals(1, agent.run(new Leave(), "now", "please"));
      assertTrue(agent.err().startsWith("Error found unexpected args: [now please]\n\nUsage: cairn leave"),
          agent.err());
      assertEquals(0, agent.requests.size());
      agent.err.reset();
      assertEquals(1, agent.run(new Leave()));
      assertEquals("Error leaving: Unexpected response code: 403 (Permission denied)\n", agent.err());
      assertEquals("", agent.out());
    }
  }
}
