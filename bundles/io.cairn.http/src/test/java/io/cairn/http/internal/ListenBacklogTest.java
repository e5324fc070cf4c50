package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accept backlog is the system's maximum, read the way /proc can be read. */
class ListenBacklogTest {

    @Test
    void readsTheSystemMaximum() throws Exception {
        Path somaxconn = Path.of("/proc/sys/net/core/somaxconn");
        if (!Files.isReadable(somaxconn)) {
            assertEquals(ListenBacklog.FALLBACK, ListenBacklog.systemMaximum());
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(somaxconn)) {
            // Files.readString gave "4" for "4096": /proc reports a size of 0
            assertEquals(Integer.parseInt(reader.readLine().trim()), ListenBacklog.systemMaximum());
        }
    }

    @Test
    void fallsBackToAValueTheKernelClamps(@TempDir Path dir) throws Exception {
        assertEquals(ListenBacklog.FALLBACK, ListenBacklog.read(dir.resolve("missing")));
        Files.writeString(dir.resolve("garbage"), "many\n");
        assertEquals(ListenBacklog.FALLBACK, ListenBacklog.read(dir.resolve("garbage")));
        Files.writeString(dir.resolve("set"), "1024\n");
        assertEquals(1024, ListenBacklog.read(dir.resolve("set")));
    }
}
