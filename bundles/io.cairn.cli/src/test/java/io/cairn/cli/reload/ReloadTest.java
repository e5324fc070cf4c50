package io.cairn.cli.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class ReloadTest {

  @Test
  void putsReloadAndConfirms() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "").reply(500, "Failed reloading services: bad.json")) {
      assertEquals(0, agent.run(new Reload()));
      assertEquals("PUT /v1/agent/reload", agent.requests.get(0).method() + " " + agent.requests.get(0).uri());
      assertEquals("Configuration reload triggered\n", agent.out());
      assertEquals(1, agent.run(new Reload()));
      assertEquals("Error reloading: Unexpected response code: 500 (Failed reloading services: bad.json)\n",
          agent.err());
    }
  }
}
