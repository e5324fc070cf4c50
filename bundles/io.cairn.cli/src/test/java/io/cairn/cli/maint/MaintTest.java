package io.cairn.cli.maint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class MaintTest {

  @Test
  void nodeMaintenanceOnAndOff() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "").reply(200, "")) {
      assertEquals(0, agent.run(new Maint(), "-enable", "-reason", "kernel upgrade"));
      assertEquals("PUT /v1/agent/maintenance?enable=true&reason=kernel+upgrade",
          agent.requests.get(0).method() + " " + agent.requests.get(0).uri());
      assertEquals(0, agent.run(new Maint(), "-disable"));
      assertEquals("/v1/agent/maintenance?enable=false", agent.requests.get(1).uri());
      assertEquals("Node maintenance is now enabled\nNode maintenance is now disabled\n", agent.out());
    }
  }

  @Test
  void serviceMaintenanceOnAndOff() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "").reply(200, "")) {
      assertEquals(0, agent.run(new Maint(), "-enable", "-service=web-1"));
      assertEquals("/v1/agent/service/maintenance/web-1?enable=true&reason=", agent.requests.get(0).uri());
      assertEquals(0, agent.run(new Maint(), "-disable", "-service", "web-1"));
      assertEquals("/v1/agent/service/maintenance/web-1?enable=false", agent.requests.get(1).uri());
      assertEquals("Service maintenance is now enabled for \"web-1\"\n"
          + "Service maintenance is now disabled for \"web-1\"\n", agent.out());
    }
  }

  @Test
  void withoutFlagsListsMaintenanceChecks() throws Exception {
    String checks = "{\"serfHealth\":{\"CheckID\":\"serfHealth\",\"Notes\":\"\"},"
        + "\"_node_maintenance\":{\"CheckID\":\"_node_maintenance\",\"Notes\":\"upgrade\"},"
        + "\"_service_maintenance:web-1\":{\"CheckID\":\"_service_maintenance:web-1\",\"ServiceID\":\"web-1\","
        + "\"Notes\":\"Maintenance mode is enabled for this service, but no reason was provided.\"}}";
    try (FakeAgent agent = new FakeAgent().reply(200, "{\"Config\":{\"NodeName\":\"n1\"}}").reply(200, checks)) {
      assertEquals(0, agent.run(new Maint()));
      assertEquals("/v1/agent/self", agent.requests.get(0).uri());
      assertEquals("/v1/agent/checks", agent.requests.get(1).uri());
      assertEquals("Node:\n  Name:   n1\n  Reason: upgrade\n\n"
          + "Service:\n  ID:     web-1\n  Reason: Maintenance mode is enabled for this service, but no reason was "
          + "provided.\n\n", agent.out());
    }
  }

  @Test
  void conflictingFlagsAndAgentErrors() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(404, "Unknown service ID \"nope\"")) {
      assertEquals(1, agent.run(new Maint(), "-enable", "-disable"));
      assertEquals(1, agent.run(new Maint(), "-disable", "-reason=x"));
      assertEquals(1, agent.run(new Maint(), "-service=web"));
      assertEquals("Only one of -enable or -disable may be provided\n"
          + "Reason may only be provided with -enable\n"
          + "Service requires either -enable or -disable\n", agent.err());
      assertEquals(0, agent.requests.size());
      agent.err.reset();
      assertEquals(1, agent.run(new Maint(), "-enable", "-service=nope"));
      assertEquals("Error enabling service maintenance: Unexpected response code: 404 (Unknown service ID \"nope\")\n",
          agent.err());
    }
  }
}
