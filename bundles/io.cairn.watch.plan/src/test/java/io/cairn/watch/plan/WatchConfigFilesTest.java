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
}
