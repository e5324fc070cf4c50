package io.cairn.template.internal.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesNewFilesWith0644AndCreatesParentDirectories() throws Exception {
        Path out = dir.resolve("sub/nginx.cfg");
        assertTrue(AtomicWriter.write(out, bytes("upstream {}\n"), null, false));
        assertEquals("upstream {}\n", Files.readString(out));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void unchangedContentIsNotRewritten() throws Exception {
        Path out = dir.resolve("a.cfg");
        AtomicWriter.write(out, bytes("same"), null, false);
        FileTime old = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(out, old);
        assertFalse(AtomicWriter.write(out, bytes("same"), null, false));
        assertEquals(old, Files.getLastModifiedTime(out));
    }

    @Test
    void replacesByRenameKeepingTheOldPermissionsAndLeavesNoTemporaryFile() throws Exception {
        Path out = dir.resolve("a.cfg");
        Files.writeString(out, "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        Object inodeBefore = Files.getAttribute(out, "unix:ino");
        assertTrue(AtomicWriter.write(out, bytes("new"), null, false));
        assertEquals("new", Files.readString(out));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertFalse(inodeBefore.equals(Files.getAttribute(out, "unix:ino")), "a new file was renamed into place");
        assertEquals(List.of("a.cfg"), names());
    }

    @Test
    void explicitPermsWinAndApplyEvenWhenTheContentIsUnchanged() throws Exception {
        Path out = dir.resolve("secret");
        AtomicWriter.write(out, bytes("s"), 0600, false);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertFalse(AtomicWriter.write(out, bytes("s"), 0640, false));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void backupKeepsThePreviousContent() throws Exception {
        Path out = dir.resolve("a.cfg");
        AtomicWriter.write(out, bytes("one"), null, true);
        assertEquals(List.of("a.cfg"), names(), "nothing to back up yet");
        AtomicWriter.write(out, bytes("two"), null, true);
        assertEquals("two", Files.readString(out));
        assertEquals("one", Files.readString(dir.resolve("a.cfg.bak")));
    }

    @Test
    void permissionBitsConvertBothWays() {
        assertEquals(0754, AtomicWriter.toBits(AtomicWriter.toSet(0754)));
        assertEquals(PosixFilePermissions.fromString("rwxr-x---"), AtomicWriter.toSet(0750));
    }
}
