package io.cairn.cli.forceleave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class ForceLeaveTest {

  @Test
  void forceLeavesQuietlyWithPruneAndWanAsPresenceParameters() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "").reply(200, "").reply(200, "")) {
      assertEquals(0, agent.run(new ForceLeave(), "web1"));
      assertEquals(0, agent.run(new ForceLeave(), "-prune", "web1"));
      assertEquals(0, agent.run(new ForceLeave(), "-prune", "-wan", "s1.dc1"));
      assertEquals("PUT /v1/agent/force-leave/web1", agent.requests.get(0).method() + " "
          + agent.requests.get(0).uri());
      assertEquals("/v1/agent/force-leave/web1?prune=1", agent.requests.get(1).uri());
      assertEquals("/v1/agent/force-leave/s1.dc1?prune=1&wan=1", agent.requests.get(2).uri());
      assertEquals("", agent.out());
      assertEquals("", agent.err());
    }
  }

  @Test
  void exactlyOneNodeAndAgentErrorsAsConsulWordsThem() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(500, "agent: No node found with name 'ghost'")) {
      assertEquals(1, agent.run(new ForceLeave()));
      assertEquals(1, agent.run(new ForceLeave(), "a", "b"));
      assertTrue(agent.err().startsWith("A single node name must be specified to force leave.\n\n"
          + "Usage: cairn force-leave [options] name"), agent.err());
      assertEquals(0, agent.requests.size());
      agent.err.reset();
      assertEquals(1, agent.run(new ForceLeave(), "ghost"));
      assertEquals("Error force leaving: Unexpected response code: 500 (agent: No node found with name 'ghost')\n",
          agent.err());
    }
  }
}
