package io.cairn.cli.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvPutTest {

  @Test
  void putsValueAndReportsSuccess() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(0, agent.run(new KvPut(), "web/a b", "hello"));
      assertEquals(new FakeAgent.Recorded("PUT", "/v1/kv/web/a%20b", "hello", null), agent.requests.get(0));
      assertEquals("Success! Data written to: web/a b\n", agent.out());
    }
  }

  @Test
  void flagsCasAndTokenTravelAsQueryAndHeader() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(0, agent.run(new KvPut(), "-flags=42", "-cas", "-modify-index", "7", "--token=t1", "k", "v"));
      assertEquals("/v1/kv/k?cas=7&flags=42", agent.requests.get(0).uri());
      assertEquals("t1", agent.requests.get(0).token());
    }
  }

  @Test
  void casFailureIsAnErrorWithConsulText() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "false")) {
      assertEquals(1, agent.run(new KvPut(), "-cas", "-modify-index=3", "k", "v"));
      assertEquals("Error! Did not write to k: CAS failed\n", agent.err());
      assertEquals("", agent.out());
    }
  }

  @Test
  void casNeedsModifyIndex() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(1, agent.run(new KvPut(), "-cas", "k", "v"));
      assertEquals("Must specify -modify-index with -cas!\n", agent.err());
      assertTrue(agent.requests.isEmpty());
    }
  }

  @Test
  void readsValueFromFileStdinOrBase64AndDefaultsToEmpty(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("v.txt"), "from file");
    try (FakeAgent agent = new FakeAgent()) {
      agent.run(new KvPut(), "a", "@" + file);
      agent.runWithStdin(new KvPut(), "from stdin", "b", "-");
      agent.run(new KvPut(), "-base64", "c", "aGk=");
      agent.run(new KvPut(), "d");
      agent.run(new KvPut(), "e", "-x");
      assertEquals("from file", agent.requests.get(0).body());
      assertEquals("from stdin", agent.requests.get(1).body());
      assertEquals("hi", agent.requests.get(2).body());
      assertEquals("", agent.requests.get(3).body());
      assertEquals("-x", agent.requests.get(4).body());
    }
  }

  @Test
  void missingFileAndMissingKeyAreErrors() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(1, agent.run(new KvPut(), "a", "@/nonexistent/file"));
      assertTrue(agent.err().startsWith("Error! Failed to read file: "), agent.err());
      assertEquals(1, agent.run(new KvPut()));
      assertTrue(agent.err().contains("Error! Missing KEY argument\n"));
      assertTrue(agent.requests.isEmpty());
    }
  }

  @Test
  void httpErrorShowsStatusAndBody() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(413, "too large")) {
      assertEquals(1, agent.run(new KvPut(), "k", "v"));
      assertEquals("Error! Failed writing data: Unexpected response code: 413 (too large)\n", agent.err());
    }
  }

  @Test
  void unknownFlagPrintsUsageAndExitsOne() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(1, agent.run(new KvPut(), "-nope", "k"));
      assertTrue(agent.err().startsWith("flag provided but not defined: -nope\n"));
      assertTrue(agent.err().contains("Usage: cairn kv put"));
      assertEquals(0, agent.run(new KvPut(), "-h"));
    }
  }

  @Test
  void acquireNeedsSessionAndReportsLock() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(1, agent.run(new KvPut(), "-acquire", "k"));
      assertEquals("Error! Missing -session (required with -acquire and -release)\n", agent.err());
      assertEquals(0, agent.run(new KvPut(), "-acquire", "-session=s1", "k"));
      assertEquals("/v1/kv/k?acquire=s1", agent.requests.get(0).uri());
      assertEquals("Success! Lock acquired on: k\n", agent.out());
    }
  }

  @Test
  void lockRefusalsUseConsulTexts() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "false")) {
      assertEquals(1, agent.run(new KvPut(), "-acquire", "-session=s1", "k"));
      assertEquals("Error! Did not acquire lock\n", agent.err());
    }
    try (FakeAgent agent = new FakeAgent().reply(200, "false")) {
      assertEquals(1, agent.run(new KvPut(), "-release", "-session=s1", "k"));
      assertEquals("Error! Did not release lock\n", agent.err());
    }
    try (FakeAgent agent = new FakeAgent().reply(200, "true")) {
      assertEquals(0, agent.run(new KvPut(), "-release", "-session=s1", "k", "v"));
      assertEquals("/v1/kv/k?release=s1", agent.requests.get(0).uri());
      assertEquals("Success! Lock released on: k\n", agent.out());
    }
  }

  @Test
  void unknownSessionIsAnError() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(500, "invalid session \"s1\"")) {
      assertEquals(1, agent.run(new KvPut(), "-acquire", "-session=s1", "k"));
      assertTrue(agent.err().startsWith("Error! Failed writing data: "), agent.err());
      assertTrue(agent.err().contains("invalid session \"s1\""), agent.err());
    }
  }
}
