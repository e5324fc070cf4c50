package io.cairn.cli.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvExportImportTest {

  @Test
  void exportPrintsTabIndentedArray() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[{\"Key\":\"a<b\",\"Flags\":18446744073709551615,"
        + "\"Value\":\"eA==\",\"CreateIndex\":1,\"ModifyIndex\":1,\"LockIndex\":0},"
        + "{\"Key\":\"c\",\"Flags\":0,\"Value\":null,\"CreateIndex\":2,\"ModifyIndex\":2,\"LockIndex\":0}]")) {
      assertEquals(0, agent.run(new KvExport(), "p"));
      assertEquals("/v1/kv/p?recurse=", agent.requests.get(0).uri());
      assertEquals("[\n\t{\n\t\t\"key\": \"a\\u003cb\",\n\t\t\"flags\": 18446744073709551615,\n"
          + "\t\t\"value\": \"eA==\"\n\t},\n\t{\n\t\t\"key\": \"c\",\n\t\t\"flags\": 0,\n\t\t\"value\": \"\"\n\t}\n]\n",
          agent.out());
    }
  }

  @Test
  void exportOfNothingIsEmptyArray() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(404, "")) {
      assertEquals(0, agent.run(new KvExport()));
      assertEquals("/v1/kv/?recurse=", agent.requests.get(0).uri());
      assertEquals("[]\n", agent.out());
    }
  }

  @Test
  void importPutsEachEntryWithFlags(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("kv.json"),
        "[{\"key\":\"a\",\"flags\":7,\"value\":\"aGk=\"},{\"key\":\"b\",\"flags\":0,\"value\":\"\"}]");
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(0, agent.run(new KvImport(), "@" + file));
      assertEquals(new FakeAgent.Recorded("PUT", "/v1/kv/a?flags=7", "hi", null), agent.requests.get(0));
      assertEquals(new FakeAgent.Recorded("PUT", "/v1/kv/b", "", null), agent.requests.get(1));
      assertEquals("Imported: a\nImported: b\n", agent.out());
    }
  }

  @Test
  void importFromStdinInlineAndWithPrefix() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(0, agent.runWithStdin(new KvImport(), "[{\"key\":\"s\",\"value\":\"\"}]", "-"));
      assertEquals(0, agent.run(new KvImport(), "-prefix=base", "[{\"key\":\"i\",\"flags\":0,\"value\":\"\"}]"));
      assertEquals("/v1/kv/s", agent.requests.get(0).uri());
      assertEquals("/v1/kv/base/i", agent.requests.get(1).uri());
    }
  }

  @Test
  void badDocumentsWriteNothing() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(1, agent.run(new KvImport(), "[{\"key\":\"a\",\"value\":\"aGk=\"},{\"key\":\"b\",\"value\":\"!!\"}]"));
      assertTrue(agent.err().contains("Error base 64 decoding value for key b"), agent.err());
      assertEquals(1, agent.run(new KvImport(), "[{\"key\":"));
      assertTrue(agent.err().contains("Cannot unmarshal data: line 1, column 9: unexpected end of input"), agent.err());
      assertEquals(1, agent.run(new KvImport()));
      assertTrue(agent.err().contains("Error! Missing DATA argument"));
      assertTrue(agent.requests.isEmpty());
    }
  }
}
