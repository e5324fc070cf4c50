package io.cairn.snapshot.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

class SnapshotArchiveTest {

    private static final byte[] STATE = "cairn state image".getBytes(StandardCharsets.UTF_8);
    private static final SnapshotMeta META = SnapshotMeta.of(STATE.length, 42, 3, 1_700_000_000_000L);

    @Test
    void roundTripsInConsulsLayout() throws Exception {
        byte[] archive = SnapshotArchive.toBytes(META, STATE);
        SnapshotArchive.Snapshot read = SnapshotArchive.read(new ByteArrayInputStream(archive), 1024);
        assertEquals(META, read.meta());
        assertEquals("3-42-1700000000000", read.meta().id());
        assertArrayEquals(STATE, read.state());

        Map<String, byte[]> files = untar(archive);
        assertEquals(java.util.List.of("meta.json", "state.bin", "SHA256SUMS"), java.util.List.copyOf(files.keySet()));
        String meta = new String(files.get("meta.json"), StandardCharsets.UTF_8);
        assertEquals("{\"Version\":1,\"ID\":\"3-42-1700000000000\",\"Index\":42,\"Term\":3,\"Size\":17}", meta);
        String[] sums = new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8).split("\n");
        assertTrue(sums[0].matches("[0-9a-f]{64}  meta.json"), sums[0]);
        assertTrue(sums[1].matches("[0-9a-f]{64}  state.bin"), sums[1]);
    }

    @Test
    void refusesWhatIsNotGzipOrIsTruncated() throws Exception {
        byte[] archive = SnapshotArchive.toBytes(META, STATE);
        assertRefused("not a gzip", "hello".getBytes(StandardCharsets.UTF_8));
        assertRefused("truncated", Arrays.copyOf(archive, archive.length / 2));
        assertRefused("truncated", Arrays.copyOf(archive, archive.length - 4));
        assertRefused("truncated", new byte[0]);
        byte[] flipped = archive.clone();
        flipped[archive.length / 2] ^= 0x55;
        assertRefused("", flipped); // what the damage looks like depends on where it hits
    }

    @Test
    void refusesTamperedContent() throws Exception {
        Map<String, byte[]> files = untar(SnapshotArchive.toBytes(META, STATE));
        Map<String, byte[]> tampered = new LinkedHashMap<>(files);
        tampered.put("state.bin", "other state image".getBytes(StandardCharsets.UTF_8));
        assertRefused("Hash check failed for state.bin", tar(tampered));

        tampered = new LinkedHashMap<>(files);
        tampered.put("meta.json", new String(files.get("meta.json"), StandardCharsets.UTF_8)
                .replace("\"Index\":42", "\"Index\":43").getBytes(StandardCharsets.UTF_8));
        assertRefused("Hash check failed for meta.json", tar(tampered));
    }

    @Test
    void refusesAMissingExtraOrRepeatedFile() throws Exception {
        Map<String, byte[]> files = untar(SnapshotArchive.toBytes(META, STATE));
        for (String name : new String[] {"meta.json", "state.bin", "SHA256SUMS"}) {
            Map<String, byte[]> missing = new LinkedHashMap<>(files);
            missing.remove(name);
            assertRefused("missing " + name, tar(missing));
        }
        Map<String, byte[]> extra = new LinkedHashMap<>(files);
        extra.put("evil.sh", new byte[1]);
        assertRefused("Unexpected file in snapshot: evil.sh", tar(extra));

        ByteArrayOutputStream twice = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(twice))) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                put(tar, file.getKey(), file.getValue());
            }
            put(tar, "state.bin", files.get("state.bin"));
        }
        assertRefused("state.bin twice", twice.toByteArray());
    }

    @Test
    void refusesSumsThatListTooLittleOrTooMuch() throws Exception {
        Map<String, byte[]> files = untar(SnapshotArchive.toBytes(META, STATE));
        String sums = new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8);
        Map<String, byte[]> tampered = new LinkedHashMap<>(files);
        tampered.put("SHA256SUMS", sums.substring(0, sums.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8));
        assertRefused("SHA256SUMS is missing the hash of state.bin", tar(tampered));
        tampered.put("SHA256SUMS", (sums + "00  other\n").getBytes(StandardCharsets.UTF_8));
        assertRefused("SHA256SUMS lists an unexpected file: other", tar(tampered));
        tampered.put("SHA256SUMS", "garbage\n".getBytes(StandardCharsets.UTF_8));
        assertRefused("Malformed SHA256SUMS line", tar(tampered));
    }

    @Test
    void refusesAWrongSizeVersionOrMetadata() throws Exception {
        byte[] wrongSize = SnapshotArchive.toBytes(new SnapshotMeta("x", 3, 1, 1, 1), STATE);
        assertRefused("size of 3 bytes but state.bin has 17", wrongSize);
        byte[] wrongVersion = SnapshotArchive.toBytes(new SnapshotMeta("x", STATE.length, 1, 1, 2), STATE);
        assertRefused("Unsupported snapshot version 2", wrongVersion);

        Map<String, byte[]> files = untar(SnapshotArchive.toBytes(META, STATE));
        files.put("meta.json", "{not json".getBytes(StandardCharsets.UTF_8));
        files.put("SHA256SUMS", sums(files));
        assertRefused("Snapshot metadata is not valid", tar(files));
    }

    @Test
    void refusesAStateAboveTheLimit() throws Exception {
        byte[] archive = SnapshotArchive.toBytes(META, STATE);
        assertRefused("state.bin has 17 bytes, more than the 16 allowed", archive, 16);
    }

    private static void assertRefused(String reason, byte[] archive) {
        assertRefused(reason, archive, 1024);
    }

    private static void assertRefused(String reason, byte[] archive, int limit) {
        InvalidSnapshotException e = assertThrows(InvalidSnapshotException.class,
                () -> SnapshotArchive.read(new ByteArrayInputStream(archive), limit));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static Map<String, byte[]> untar(byte[] archive) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(
                new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                files.put(entry.getName(), tar.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                put(tar, file.getKey(), file.getValue());
            }
        }
        return out.toByteArray();
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static byte[] sums(Map<String, byte[]> files) throws Exception {
        StringBuilder sums = new StringBuilder();
        for (String name : new String[] {"meta.json", "state.bin"}) {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(files.get(name));
            sums.append(java.util.HexFormat.of().formatHex(digest)).append("  ").append(name).append('\n');
        }
        return sums.toString().getBytes(StandardCharsets.UTF_8);
    }
}
