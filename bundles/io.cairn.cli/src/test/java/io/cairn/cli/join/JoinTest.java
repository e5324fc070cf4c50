package io.cairn.cli.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class JoinTest {

  @Test
  void joinsThroughEveryAddressAndCountsTheOnesThatAnswered() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "").reply(500, "dial tcp 127.0.0.1:9: connection refused")
        .reply(200, "")) {
      assertEquals(0, agent.run(new Join(), "127.0.0.1:8301", "127.0.0.1:9", "[::1]:8301"));
      assertEquals("PUT /v1/agent/join/127.0.0.1:8301", agent.requests.get(0).method() + " "
          + agent.requests.get(0).uri());
      assertEquals("/v1/agent/join/%5B::1%5D:8301", agent.requests.get(2).uri());
      assertEquals("Successfully joined cluster by contacting 2 nodes.\n", agent.out());
      assertEquals("Error joining address '127.0.0.1:9': Unexpected response code: 500 (dial tcp 127.0.0.1:9: "
          + "connection refused)\n", agent.err());
    }
  }

  @Test
  void wanJoinsTheServersPool() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "")) {
      assertEquals(0, agent.run(new Join(), "-wan", "127.0.0.1:8302"));
      assertEquals("/v1/agent/join/127.0.0.1:8302?wan=1", agent.requests.get(0).uri());
      assertEquals("Successfully joined cluster by contacting 1 nodes.\n", agent.out());
    }
  }

  @Test
  void noAddressJoinedExitsOneAndNoAddressGivenPrintsUsage() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(500, "no route").reply(500, "refused")) {
      assertEquals(1, agent.run(new Join(), "127.0.0.2", "127.0.0.3"));
      assertEquals("", agent.out());
      assertEquals("Error joining address '127.0.0.2': Unexpected response code: 500 (no route)\n"
          + "Error joining address '127.0.0.3': Unexpected response code: 500 (refused)\n"
          + "Failed to join any nodes.\n", agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new Join()));
      assertTrue(agent.err().startsWith("At least one address to join must be specified.\n\n"
          + "Usage: cairn join [options] address ..."), agent.err());
      assertEquals(2, agent.requests.size());
    }
  }
}
