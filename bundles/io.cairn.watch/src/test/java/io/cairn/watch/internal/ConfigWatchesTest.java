package io.cairn.watch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWatchesTest {
    @TempDir
    Path dir;

    @Test
    void reloadReplacesTheRunningWatches() throws Exception {
        Path file = dir.resolve("w.json");
        Files.writeString(file, "{\"watches\":[{\"type\":\"nodes\",\"args\":[\"true\"]},"
                + "{\"type\":\"services\",\"args\":[\"true\"]}]}");
        ConfigWatches watches = new ConfigWatches(java.net.URI.create("http://127.0.0.1:1"), Optional.empty(),
                List.of(dir), List.of(), line -> { });
        try {
            assertEquals(List.of(), watches.reload());
            assertEquals(2, watches.size());
            Files.writeString(file, "{\"watches\":[{\"type\":\"nodes\",\"args\":[\"true\"]}]}");
            watches.reload();
            assertEquals(1, watches.size());
            assertEquals("nodes", watches.definitions().get(0).spec().type());
        } finally {
            watches.stop();
        }
    }
}
