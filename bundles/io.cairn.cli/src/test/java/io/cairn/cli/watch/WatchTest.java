package io.cairn.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class WatchTest {

  @Test
  void withoutHandlerPrintsTheDataOnceIndented() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "{}")
        .reply(200, "[{\"LockIndex\":0,\"Key\":\"foo/bar\",\"Flags\":0,\"Value\":\"OTk=\",\"CreateIndex\":4,"
            + "\"ModifyIndex\":9}]")) {
      assertEquals(0, agent.run(new Watch(), "-type=key", "-key=foo/bar"));
      // Consul's api.KVPair: its field order, and Session even when the key is not locked.
      assertEquals("{\n    \"Key\": \"foo/bar\",\n    \"CreateIndex\": 4,\n    \"ModifyIndex\": 9,\n"
          + "    \"LockIndex\": 0,\n    \"Flags\": 0,\n    \"Value\": \"OTk=\",\n    \"Session\": \"\"\n}\n",
          agent.out());
      assertEquals("/v1/kv/foo/bar", agent.requests.get(1).uri());
    }
  }

  @Test
  void badSpecsAreRefusedBeforeAnyQuery() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(1, agent.run(new Watch(), "-key=x"));
      assertEquals(1, agent.run(new Watch(), "-type=key"));
      assertEquals(1, agent.run(new Watch(), "-type=checks", "-service=web", "-state=any"));
      assertEquals("Must specify watch type\nMust specify a single key to watch\n"
          + "Cannot specify service and state\n", agent.err());
      assertEquals(0, agent.requests.size());
    }
  }
}
