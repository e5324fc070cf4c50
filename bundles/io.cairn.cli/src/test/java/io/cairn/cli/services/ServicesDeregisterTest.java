package io.cairn.cli.services;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.cli.FakeAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicesDeregisterTest {
  @TempDir
  Path tmp;

  @Test
  void filesDeregisterByIdElseName() throws Exception {
    Path file = Files.writeString(tmp.resolve("s.json"),
        "{\"services\":[{\"id\":\"web-1\",\"name\":\"web\"},{\"name\":\"db\"}]}");
    try (FakeAgent agent = new FakeAgent().reply(200, "").reply(200, "")) {
      assertEquals(0, agent.run(new ServicesDeregister(), file.toString()));
      assertEquals("PUT /v1/agent/service/deregister/web-1",
          agent.requests.get(0).method() + " " + agent.requests.get(0).uri());
      assertEquals("/v1/agent/service/deregister/db", agent.requests.get(1).uri());
      assertEquals("Deregistered service: web-1\nDeregistered service: db\n", agent.out());
    }
  }

  @Test
  void idFlagAndErrors() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "").reply(404, "Unknown service ID \"x\"")) {
      assertEquals(0, agent.run(new ServicesDeregister(), "-id=web 1"));
      assertEquals("/v1/agent/service/deregister/web%201", agent.requests.get(0).uri());
      assertEquals("Deregistered service: web 1\n", agent.out());
      assertEquals(1, agent.run(new ServicesDeregister(), "-id=x"));
      assertEquals("Error deregistering service \"x\": Unexpected response code: 404 (Unknown service ID \"x\")\n",
          agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new ServicesDeregister()));
      assertEquals(1, agent.run(new ServicesDeregister(), "-id=x", "f.json"));
      assertEquals("Service deregistration requires at least one argument or -id.\n"
          + "Service deregistration requires arguments or -id, not both.\n", agent.err());
    }
  }
}
