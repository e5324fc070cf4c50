package io.cairn.watch.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchConfigFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsWatchesFromDirsInNameOrderAndReportsBadEntries() throws Exception {
        Files.writeString(dir.resolve("b.json"), "{\"watches\":[{\"type\":\"key\",\"key\":\"b\",\"args\":[\"true\"]},"
                + "{\"type\":\"key\",\"args\":[\"true\"]}]}");
        Files.writeString(dir.resolve("a.json"), "{\"node_name\":\"x\",\"watches\":[{\"type\":\"nodes\","
                + "\"handler_type\":\"http\",\"http_handler_config\":{\"path\":\"http://127.0.0.1:1/w\"}}]}");
        Files.writeString(dir.resolve("c.json"), "{\"service\":{\"name\":\"web\"}}");
        Files.writeString(dir.resolve("notes.txt"), "{\"watches\": 1}");
        Path extra = Files.writeString(dir.resolve("extra.conf"), "{\"watches\": {}}");
        WatchConfigFiles.Loaded loaded = WatchConfigFiles.read(List.of(dir), List.of(extra));
        assertEquals(List.of("nodes", "key"), loaded.watches().stream().map(w -> w.spec().type()).toList());
        assertEquals(2, loaded.problems().size());
        assertTrue(loaded.problems().get(0).contains("b.json, watches[1]: Must specify a single key to watch"),
                loaded.problems().get(0));
        assertTrue(loaded.problems().get(1).contains("\"watches\" must be a list"), loaded.problems().get(1));
    }

    @Test
    void readsEachWatchesBlockOfAnHclFileAsOneWatch() throws Exception {
        Path conf = Files.createDirectory(dir.resolve("conf"));
        Files.writeString(conf.resolve("a.json"), "{\"watches\":[{\"type\":\"nodes\",\"args\":[\"true\"]}]}");
        Files.writeString(conf.resolve("b.hcl"), """
                node_name = "x"
                watches {
                  type = "key"
                  key = "app/config"
                  args = ["/bin/echo", "changed"]
                }
                watches {
                  type = "service"
                  service = "web"
                  handler_type = "http"
                  http_handler_config {
                    path = "http://127.0.0.1:1/w"
                    method = "POST"
                  }
                }
                """);
        Files.writeString(conf.resolve("c.hcl"), "watches { type = ");
        Path extra = Files.writeString(dir.resolve("extra.hcl"),
                "watches {\n type = \"checks\"\n args = [\"true\"]\n}\n");
        WatchConfigFiles.Loaded loaded = WatchConfigFiles.read(List.of(conf), List.of(extra));
        assertEquals(List.of("nodes", "key", "service", "checks"),
                loaded.watches().stream().map(w -> w.spec().type()).toList());
        assertEquals(List.of("/bin/echo", "changed"), loaded.watches().get(1).command());
        assertEquals("http://127.0.0.1:1/w", loaded.watches().get(2).target().toString());
        assertEquals("POST", loaded.watches().get(2).method());
        assertEquals(1, loaded.problems().size(), loaded.problems().toString());
        assertTrue(loaded.problems().get(0).startsWith("config file " + conf.resolve("c.hcl") + ": invalid HCL: At "),
                loaded.problems().get(0));
    }
}
