package io.cairn.cli.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class KvGetTest {
  private static final String PAIR_A = "{\"LockIndex\":0,\"Key\":\"web/a\",\"Flags\":42,\"Value\":\"aGVsbG8=\","
      + "\"CreateIndex\":5,\"ModifyIndex\":9}";
  private static final String PAIR_B = "{\"LockIndex\":2,\"Key\":\"web/b\",\"Flags\":0,\"Value\":null,"
      + "\"Session\":\"s-1\",\"CreateIndex\":6,\"ModifyIndex\":6}";

  @Test
  void printsRawValue() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[" + PAIR_A + "]")) {
      assertEquals(0, agent.run(new KvGet(), "/web/a"));
      assertEquals("/v1/kv/web/a", agent.requests.get(0).uri());
      assertEquals("hello\n", agent.out());
    }
  }

  @Test
  void missingKeyIsAnError() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(404, "")) {
      assertEquals(1, agent.run(new KvGet(), "nope"));
      assertEquals("Error! No key exists at: nope\n", agent.err());
      assertEquals("", agent.out());
    }
  }

  @Test
  void recursePrintsKeyColonValueAndBase64() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[" + PAIR_A + "," + PAIR_B + "]")
        .reply(200, "[" + PAIR_A + "]")) {
      assertEquals(0, agent.run(new KvGet(), "-recurse", "web"));
      assertEquals("/v1/kv/web?recurse=", agent.requests.get(0).uri());
      assertEquals("web/a:hello\nweb/b:\n", agent.out());
      agent.out.reset();
      assertEquals(0, agent.run(new KvGet(), "-recurse", "-base64", "web"));
      assertEquals("web/a:aGVsbG8=\n", agent.out());
    }
  }

  @Test
  void recurseOverEmptyPrefixPrintsNothing() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(404, "")) {
      assertEquals(0, agent.run(new KvGet(), "-recurse", "none"));
      assertEquals("", agent.out());
    }
  }

  @Test
  void keysUseSeparator() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[\"web/a\",\"web/sub/\"]").reply(200, "[\"x\"]")) {
      assertEquals(0, agent.run(new KvGet(), "-keys", "web/"));
      assertEquals("/v1/kv/web/?keys=&separator=%2F", agent.requests.get(0).uri());
      assertEquals("web/a\nweb/sub/\n", agent.out());
      agent.run(new KvGet(), "-keys", "-separator=", "-stale");
      assertEquals("/v1/kv/?keys=&separator=&stale=", agent.requests.get(1).uri());
    }
  }

  @Test
  void detailedPrintsTabwriterBlock() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[" + PAIR_A + "]")) {
      assertEquals(0, agent.run(new KvGet(), "-detailed", "web/a"));
      assertEquals("CreateIndex      5\n"
          + "Flags            42\n"
          + "Key              web/a\n"
          + "LockIndex        0\n"
          + "ModifyIndex      9\n"
          + "Session          -\n"
          + "Value            hello\n", agent.out());
    }
  }

  @Test
  void detailedRecurseSeparatesEntriesWithBlankLine() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[" + PAIR_A + "," + PAIR_B + "]")) {
      assertEquals(0, agent.run(new KvGet(), "-recurse", "-detailed", "-base64", "web"));
      String[] blocks = agent.out().split("\n\n");
      assertEquals(2, blocks.length);
      assertTrue(blocks[0].endsWith("Value            aGVsbG8="));
      assertTrue(blocks[1].contains("Session          s-1\n"));
      assertTrue(blocks[1].endsWith("Value            \n"));
    }
  }

  @Test
  void missingKeyArgumentAndServerErrors() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(500, "No cluster leader")) {
      assertEquals(1, agent.run(new KvGet()));
      assertEquals("Error! Missing KEY argument\n", agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new KvGet(), "k"));
      assertEquals("Error querying Cairn agent: Unexpected response code: 500 (No cluster leader)\n", agent.err());
    }
  }

  @Test
  void connectionRefusedIsAClearError() throws Exception {
    FakeAgent agent = new FakeAgent();
    agent.close();
    assertEquals(1, agent.run(new KvGet(), "k"));
    assertTrue(agent.err().contains("cannot connect to the agent at " + agent.address()), agent.err());
  }
}
