package io.cairn.snapshot.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes and reads snapshot archives (see the package documentation). Reading checks everything before it
 * returns: the gzip and tar framing, that the archive holds exactly the three files with sizes in bounds, the
 * SHA-256 sums of {@code meta.json} and {@code state.bin}, and that the metadata's Size and Version match.
 */
public final class SnapshotArchive {

    static final String META = "meta.json";
    static final String STATE = "state.bin";
    static final String SUMS = "SHA256SUMS";
    /** Bounds of the two small files: far above what they hold, far below what could hurt. */
    private static final int MAX_META_BYTES = 64 * 1024;
    private static final int MAX_SUMS_BYTES = 4 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A verified archive's content. */
    public record Snapshot(SnapshotMeta meta, byte[] state) {
    }

    private SnapshotArchive() {
    }

    /** Writes the archive of {@code state} with {@code meta} to {@code out}; does not close {@code out}. */
    public static void write(OutputStream out, SnapshotMeta meta, byte[] state) throws IOException {
        byte[] metaJson = JSON.writeValueAsBytes(meta);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(META, metaJson);
        files.put(STATE, state);
        StringBuilder sums = new StringBuilder();
        files.forEach((name, content) -> sums.append(hex(sha256(content))).append("  ").append(name).append('\n'));
        files.put(SUMS, sums.toString().getBytes(StandardCharsets.UTF_8));
        GZIPOutputStream gzip = new GZIPOutputStream(new NonClosing(out));
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            long now = System.currentTimeMillis();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                entry.setMode(0600);
                entry.setModTime(now);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        }
    }

    /**
     * Reads and verifies an archive.
     *
     * @param maxStateBytes the largest {@code state.bin} accepted
     * @throws InvalidSnapshotException if it is not an intact archive (corrupt, truncated, tampered with, too large)
     */
    public static Snapshot read(InputStream in, int maxStateBytes) throws InvalidSnapshotException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                int limit = switch (name) {
                    case META -> MAX_META_BYTES;
                    case STATE -> maxStateBytes;
                    case SUMS -> MAX_SUMS_BYTES;
                    default -> throw new InvalidSnapshotException("Unexpected file in snapshot: " + name);
                };
                if (!entry.isFile()) {
                    throw new InvalidSnapshotException("Snapshot entry " + name + " is not a regular file");
                }
                if (files.containsKey(name)) {
                    throw new InvalidSnapshotException("Snapshot holds " + name + " twice");
                }
                if (entry.getSize() < 0 || entry.getSize() > limit) {
                    throw new InvalidSnapshotException("Snapshot file " + name + " has " + entry.getSize()
                            + " bytes, more than the " + limit + " allowed");
                }
                files.put(name, readFully(tar, (int) entry.getSize(), name));
            }
        } catch (InvalidSnapshotException e) {
            throw e;
        } catch (ZipException e) {
            throw new InvalidSnapshotException("Snapshot is not a gzip-compressed archive: " + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSnapshotException("Snapshot archive is corrupt or truncated: " + e.getMessage(), e);
        }
        for (String name : new String[] {META, STATE, SUMS}) {
            if (!files.containsKey(name)) {
                throw new InvalidSnapshotException("Snapshot is missing " + name);
            }
        }
        verifySums(new String(files.get(SUMS), StandardCharsets.UTF_8), files);
        SnapshotMeta meta = meta(files.get(META));
        byte[] state = files.get(STATE);
        if (meta.size() != state.length) {
            throw new InvalidSnapshotException("Snapshot metadata gives a size of " + meta.size() + " bytes but "
                    + STATE + " has " + state.length);
        }
        if (meta.version() != SnapshotMeta.VERSION) {
            throw new InvalidSnapshotException("Unsupported snapshot version " + meta.version());
        }
        return new Snapshot(meta, state);
    }

    private static byte[] readFully(InputStream in, int size, String name) throws IOException {
        byte[] content = in.readNBytes(size);
        if (content.length != size) {
            throw new InvalidSnapshotException("Snapshot archive is truncated in " + name);
        }
        return content;
    }

    /** Each line {@code <hex sha256>  <name>}; every hashed file listed exactly once, and nothing else. */
    private static void verifySums(String sums, Map<String, byte[]> files) throws InvalidSnapshotException {
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : sums.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int gap = line.indexOf("  ");
            if (gap <= 0) {
                throw new InvalidSnapshotException("Malformed " + SUMS + " line: " + line);
            }
            String name = line.substring(gap + 2);
            if (!name.equals(META) && !name.equals(STATE) || listed.put(name, line.substring(0, gap)) != null) {
                throw new InvalidSnapshotException(SUMS + " lists an unexpected file: " + name);
            }
        }
        for (String name : new String[] {META, STATE}) {
            String expected = listed.get(name);
            if (expected == null) {
                throw new InvalidSnapshotException(SUMS + " is missing the hash of " + name);
            }
            if (!expected.equalsIgnoreCase(hex(sha256(files.get(name))))) {
                throw new InvalidSnapshotException("Hash check failed for " + name);
            }
        }
    }

    private static SnapshotMeta meta(byte[] json) throws InvalidSnapshotException {
        try {
            SnapshotMeta meta = JSON.readValue(json, SnapshotMeta.class);
            if (meta == null) {
                throw new InvalidSnapshotException("Snapshot metadata is empty");
            }
            return meta;
        } catch (JsonProcessingException e) {
            throw new InvalidSnapshotException("Snapshot metadata is not valid: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidSnapshotException("Snapshot metadata is not valid: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Lets the gzip and tar streams finish without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** The archive's bytes, for callers that hold a snapshot in memory. */
    public static byte[] toBytes(SnapshotMeta meta, byte[] state) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(state.length / 2 + 1024);
        write(out, meta, state);
        return out.toByteArray();
    }
}
