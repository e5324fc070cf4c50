package io.cairn.cli.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class EventTest {

  @Test
  void firesWithFiltersAndPayloadAndPrintsTheId() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "{}")
        .reply(200, "{\"ID\":\"01234567-89ab-cdef-fedc-ba9876543210\",\"Name\":\"deploy\"}")) {
      assertEquals(0, agent.run(new Event(), "-name=deploy", "-service", "web", "-tag=v1", "-node=n.*", "v1.2"));
      FakeAgent.Recorded fire = agent.requests.get(1);
      assertEquals("PUT", fire.method());
      assertEquals("/v1/event/fire/deploy?node=n.%2A&service=web&tag=v1", fire.uri()); // Go's QueryEscape
      assertEquals("v1.2", fire.body());
      assertEquals("Event ID: 01234567-89ab-cdef-fedc-ba9876543210\n", agent.out());
    }
  }

  @Test
  void refusesWhatConsulRefuses() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(1, agent.run(new Event(), "payload"));
      assertEquals(1, agent.run(new Event(), "-name=x", "-tag=v1"));
      assertEquals(1, agent.run(new Event(), "-name=x", "-node=("));
      assertEquals(1, agent.run(new Event(), "-name=x", "a", "b"));
      assertEquals("Event name must be specified\nCannot provide tag filter without service filter.\n"
          + "Failed to compile node filter regexp: Unclosed group in (\nToo many command line arguments.\n",
          agent.err());
      assertTrue(agent.requests.isEmpty());
    }
  }

  @Test
  void tooLargeEventsReportTheAgentsMessage() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "{}").reply(413, "User event exceeds the limit")) {
      assertEquals(1, agent.run(new Event(), "-name=x", "y".repeat(600)));
      assertEquals("Error firing event: Unexpected response code: 413 (User event exceeds the limit)\n",
          agent.err());
    }
  }
}
