package io.cairn.cli.replicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.FakeAgent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicateTest {

  @Test
  void onceReadsTheSourceThroughTheAgentAndWritesUnderTheLock() throws Exception {
    try (FakeAgent agent = new FakeAgent()
        .reply(200, "{\"Config\": {\"Datacenter\": \"dc2\"}}")
        .reply(200, "{\"ID\": \"s1\"}")
        .reply(200, "true")
        .reply(200, "[{\"Key\": \"global/a\", \"Flags\": 4, \"Value\": \"MQ==\", \"ModifyIndex\": 7}]")
        .reply(404, "")
        .reply(200, "[\"global/a\", \"global/gone\"]")) {
      assertEquals(0, agent.run(new Replicate(), "-once", "-prefix", "global@dc1"), agent.err());
      assertEquals(List.of(
          "GET /v1/agent/self",
          "PUT /v1/session/create",
          "PUT /v1/kv/service/consul-replicate/leader?acquire=s1&flags=3304740253564472344",
          "GET /v1/kv/global?recurse=&dc=dc1",
          "GET /v1/kv/service/consul-replicate/statuses/5d0b13a28633b7bf20368baf09819802?raw=",
          "GET /v1/kv/global?keys=",
          "PUT /v1/kv/global/a?flags=4",
          "DELETE /v1/kv/global/gone",
          "PUT /v1/kv/service/consul-replicate/leader?release=s1",
          "PUT /v1/session/destroy/s1"),
          agent.requests.stream().map(r -> r.method() + " " + r.uri()).toList());
      assertEquals("1", agent.requests.get(6).body());
      assertTrue(agent.requests.get(1).body().contains("\"Behavior\":\"release\""), agent.requests.get(1).body());
    }
  }

  @Test
  void refusesToReplicateTheAgentsOwnDatacenter() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "{\"Config\": {\"Datacenter\": \"dc1\"}}")) {
      assertEquals(1, agent.run(new Replicate(), "-once", "-prefix", "global@dc1"));
      assertTrue(agent.err().contains("local datacenter cannot be the source datacenter"), agent.err());
    }
  }

  @Test
  void reportsUsageMistakes() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(1, agent.run(new Replicate(), "-once"));
      assertTrue(agent.err().startsWith("name at least one prefix"), agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new Replicate(), "-prefix", "global"));
      assertTrue(agent.err().contains("name the source datacenter"), agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new Replicate(), "-prefix", "global@dc1", "-datacenter", "dc2"));
      assertTrue(agent.err().startsWith("-datacenter: replicate writes to the agent's own datacenter"), agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new Replicate(), "-prefix", "global@dc1", "-log-level", "loud"));
      assertTrue(agent.err().startsWith("invalid -log-level \"loud\""), agent.err());
      assertEquals(List.of(), agent.requests);
    }
  }
}
