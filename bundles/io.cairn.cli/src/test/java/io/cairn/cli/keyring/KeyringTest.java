package io.cairn.cli.keyring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class KeyringTest {
  private static final String OLD = "pUqJrVyVRj5jsiYEkM/tFQYfWyJIv4s3XkvDwy7Cu5s=";
  private static final String NEW = "4aB1zPlLvlLNcHjldrs7Sf0dnzI3kz9wIyMX7r5h0Hk=";
  private static final String LIST = "[{\"WAN\":true,\"Datacenter\":\"dc1\",\"Segment\":\"\",\"Partition\":\"\","
      + "\"Keys\":{\"" + OLD + "\":3,\"" + NEW + "\":1},\"PrimaryKeys\":{\"" + OLD + "\":3},\"NumNodes\":3,"
      + "\"Messages\":{}},"
      + "{\"WAN\":false,\"Datacenter\":\"dc1\",\"Segment\":\"\",\"Partition\":\"default\",\"Keys\":{\"" + OLD
      + "\":5},\"PrimaryKeys\":{\"" + OLD + "\":5},\"NumNodes\":5,\"Messages\":{\"web1\":\"key not installed\"}},"
      + "{\"WAN\":false,\"Datacenter\":\"dc1\",\"Segment\":\"alpha\",\"Keys\":{},\"NumNodes\":0}]";

  @Test
  void listPrintsEachPoolWithHowManyNodesHoldEachKey() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, LIST)) {
      assertEquals(0, agent.run(new Keyring(), "-list"));
      assertEquals("GET /v1/operator/keyring", agent.requests.get(0).method() + " " + agent.requests.get(0).uri());
      assertEquals("==> Gathering installed encryption keys...\n"
          + "\n"
          + "WAN:\n"
          + "  " + OLD + " [3/3]\n"
          + "  " + NEW + " [1/3]\n"
          + "\n"
          + "dc1 (LAN):\n"
          + "  ===> web1: key not installed\n"
          + "  " + OLD + " [5/5]\n"
          + "\n"
          + "dc1 (LAN) [alpha]:\n", agent.out());
    }
  }

  @Test
  void listPrimaryShowsOnlyPrimaryKeysAndListsMayStayLocalAndRelay() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, LIST)) {
      assertEquals(0, agent.run(new Keyring(), "-list-primary", "-local-only", "-relay-factor=2"));
      assertEquals("/v1/operator/keyring?local-only=true&relay-factor=2", agent.requests.get(0).uri());
      assertTrue(agent.out().startsWith("==> Gathering installed primary encryption keys...\n\nWAN:\n  " + OLD
          + " [3/3]\n\ndc1 (LAN):\n"), agent.out());
      assertFalse(agent.out().contains(NEW), agent.out());
    }
  }

  @Test
  void installUseAndRemoveSendTheKeyWithTheirMethods() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "").reply(200, "").reply(200, "")) {
      assertEquals(0, agent.run(new Keyring(), "-install", NEW));
      assertEquals(0, agent.run(new Keyring(), "-use=" + NEW, "-relay-factor", "5"));
      assertEquals(0, agent.run(new Keyring(), "-remove", OLD));
      assertEquals("POST /v1/operator/keyring", agent.requests.get(0).method() + " " + agent.requests.get(0).uri());
      assertEquals("PUT /v1/operator/keyring?relay-factor=5", agent.requests.get(1).method() + " "
          + agent.requests.get(1).uri());
      assertEquals("DELETE /v1/operator/keyring", agent.requests.get(2).method() + " "
          + agent.requests.get(2).uri());
      assertEquals(NEW, key(agent.requests.get(0).body()));
      assertEquals(NEW, key(agent.requests.get(1).body()));
      assertEquals(OLD, key(agent.requests.get(2).body()));
      assertEquals("==> Installing new gossip encryption key...\n"
          + "==> Changing primary gossip encryption key...\n"
          + "==> Removing gossip encryption key...\n", agent.out());
    }
  }

  @Test
  void exactlyOneOperationAndValidFactorsBeforeAnyRequest() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(1, agent.run(new Keyring()));
      assertTrue(agent.err().startsWith("Exactly one of -list, -list-primary, -install, -use or -remove is "
          + "required\n\nUsage: cairn keyring [options]"), agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new Keyring(), "-list", "-install", NEW));
      assertEquals(1, agent.run(new Keyring(), "-use", NEW, "-remove", OLD));
      assertEquals(1, agent.run(new Keyring(), "-list", "-relay-factor", "6"));
      assertEquals(1, agent.run(new Keyring(), "-list", "-relay-factor", "many"));
      assertEquals(1, agent.run(new Keyring(), "-install", NEW, "-local-only"));
      assertEquals("Only a single action is allowed\n"
          + "Only a single action is allowed\n"
          + "Error parsing relay factor: Relay factor must be in range: [0, 5]\n"
          + "Error parsing relay factor: \"many\" is not a whole number; Relay factor must be in range: [0, 5]\n"
          + "Error validating local-only: local-only can only be set for list requests\n", agent.err());
      assertEquals(0, agent.requests.size());
      assertEquals("", agent.out());
    }
  }

  @Test
  void agentErrorsExitOne() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(500, "1 error occurred:\n\t* key is not 32 bytes\n")
        .reply(200, "{\"not\":\"a list\"}")) {
      assertEquals(1, agent.run(new Keyring(), "-install", "c2hvcnQ="));
      assertEquals(1, agent.run(new Keyring(), "-list"));
      assertEquals("==> Installing new gossip encryption key...\n==> Gathering installed encryption keys...\n",
          agent.out());
      assertEquals("error: Unexpected response code: 500 (1 error occurred:\n\t* key is not 32 bytes\n)\n"
          + "error: unreadable answer from the agent: expected a JSON array of keyring responses\n", agent.err());
    }
  }

  private static String key(String body) throws Exception {
    return (String) ((java.util.Map<?, ?>) io.cairn.cli.json.Json.parse(body)).get("Key");
  }
}
