package io.cairn.gossip.internal.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.json.lang.GoJson;
import io.cairn.json.lang.GoJsonException;

/**
 * A keyring on disk, as Serf keeps it: a JSON list of base64 keys, primary first. Written atomically (a
 * temporary file beside it, then a move), readable by the owner only; its directory is made owner-only too when
 * it has to be created.
 */
final class KeyringFile {

    /** Far more than {@link GossipKeyring#MAX_KEYS} keys take; a larger file is not a keyring. */
    private static final int MAX_FILE_BYTES = 64 * 1024;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final ObjectMapper JSON = GoJson.newMapper();

    private KeyringFile() {
    }

    /**
     * The keys in the file, primary first.
     *
     * @throws IOException naming the file and what is wrong with it, if it cannot be read or is not a keyring
     */
    static List<byte[]> read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IOException("The keyring file " + file + " is " + size + " bytes; a keyring is at most "
                    + MAX_FILE_BYTES);
        }
        String[] texts;
        try {
            texts = GoJson.decode(JSON, Files.readAllBytes(file), String[].class);
        } catch (GoJsonException e) {
            throw new IOException("The keyring file " + file + " is not a JSON list of base64 keys: " + e.getMessage(),
                    e);
        }
        if (texts == null || texts.length == 0) {
            throw new IOException("The keyring file " + file + " holds no key");
        }
        List<byte[]> keys = new ArrayList<>(texts.length);
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] == null) {
                throw new IOException("The keyring file " + file + " has null for key " + (i + 1));
            }
            try {
                keys.add(KeyText.decode(texts[i]));
            } catch (IllegalArgumentException e) {
                throw new IOException("The keyring file " + file + " has an invalid key " + (i + 1) + ": "
                        + e.getMessage(), e);
            }
        }
        return keys;
    }

    /** Replaces the file with {@code keys}, primary first; the file is never seen half-written. */
    static void write(Path file, List<byte[]> keys) throws IOException {
        List<String> texts = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            texts.add(KeyText.encode(key));
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(texts);
        } catch (JsonProcessingException e) {
            throw new IOException("Cannot encode the keyring: " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = Files.getFileStore(existingAncestor(dir)).supportsFileAttributeView("posix");
        if (!Files.isDirectory(dir)) {
            createDirectories(dir, posix);
        }
        Path temp = posix
                ? Files.createTempFile(dir, file.getFileName() + ".", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(json);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void createDirectories(Path dir, boolean posix) throws IOException {
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR)}
                : new FileAttribute<?>[0];
        try {
            Files.createDirectories(dir, attributes);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Cannot write the keyring in " + dir + ": it is not a directory", e);
        }
    }

    private static Path existingAncestor(Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? dir.getRoot() : existing;
    }
}
