package io.cairn.cli.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class KvDeleteTest {

  @Test
  void deletesOneKey() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(0, agent.run(new KvDelete(), "a/b"));
      assertEquals(new FakeAgent.Recorded("DELETE", "/v1/kv/a/b", "", null), agent.requests.get(0));
      assertEquals("Success! Deleted key: a/b\n", agent.out());
    }
  }

  @Test
  void deletesPrefix() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(0, agent.run(new KvDelete(), "-recurse", "a/"));
      assertEquals("/v1/kv/a/?recurse=", agent.requests.get(0).uri());
      assertEquals("Success! Deleted keys with prefix: a/\n", agent.out());
    }
  }

  @Test
  void casDeleteReportsFailure() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "false")) {
      assertEquals(1, agent.run(new KvDelete(), "-cas", "-modify-index=4", "k"));
      assertEquals("/v1/kv/k?cas=4", agent.requests.get(0).uri());
      assertEquals("Error! Did not delete key k: CAS failed\n", agent.err());
    }
  }

  @Test
  void rejectsConflictingOrMissingArguments() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(1, agent.run(new KvDelete()));
      assertEquals(1, agent.run(new KvDelete(), "-cas", "k"));
      assertEquals(1, agent.run(new KvDelete(), "-modify-index=2", "k"));
      assertEquals(1, agent.run(new KvDelete(), "-recurse", "-cas", "-modify-index=2", "k"));
      assertEquals("Error! Missing KEY argument\nMust specify -modify-index with -cas!\n"
          + "Cannot specify -modify-index without -cas!\nCannot specify both -cas and -recurse!\n", agent.err());
      assertTrue(agent.requests.isEmpty());
    }
  }
}
