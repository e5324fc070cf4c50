package io.cairn.cli.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class InfoTest {

  @Test
  void printsTheStatsInConsulsLayoutSorted() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      agent.reply(200, "{\"Config\":{},\"Stats\":{\"runtime\":{\"os\":\"linux\",\"arch\":\"amd64\"},"
          + "\"agent\":{\"services\":\"1\",\"checks\":\"2\"},\"build\":{\"prerelease\":\"\",\"version\":\"1.21.0\"}}}");
      assertEquals(0, agent.run(new Info()));
      assertEquals("agent:\n\tchecks = 2\n\tservices = 1\n"
          + "build:\n\tprerelease = \n\tversion = 1.21.0\n"
          + "runtime:\n\tarch = amd64\n\tos = linux\n", agent.out());
      assertEquals("/v1/agent/self", agent.requests.get(0).uri());
    }
  }

  @Test
  void anErrorIsReported() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      agent.reply(403, "Permission denied");
      assertEquals(1, agent.run(new Info()));
      assertTrue(agent.err().startsWith("Error querying agent: Unexpected response code: 403 (Permission denied)"),
          agent.err());
    }
  }
}
