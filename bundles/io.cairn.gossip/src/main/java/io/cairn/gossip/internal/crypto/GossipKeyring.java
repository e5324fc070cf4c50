package io.cairn.gossip.internal.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One agent's gossip keys for one pool: 32-byte AES keys, the primary first. The primary seals every message;
 * every installed key opens. Keys are rotated as in Consul: {@link #install} a new one everywhere, {@link #use}
 * it everywhere, {@link #remove} the old one. A keyring loaded from or created in a file ({@code
 * <data_dir>/serf/local.keyring} for the LAN pool, {@code remote.keyring} for the WAN pool) writes every change
 * back before the change takes effect; a change that cannot be written is not made.
 *
 * <p>Thread-safe: changes are serialized, and {@link #secretKeys()} is a consistent snapshot without a lock.
 */
public final class GossipKeyring {

    /** AES-256. */
    public static final int KEY_BYTES = 32;
    /** The most keys a keyring holds: each one not the primary costs a failed attempt per message it cannot open. */
    public static final int MAX_KEYS = 16;
    /** The LAN pool's keyring file in {@code <data_dir>/serf}. */
    public static final String LAN_FILE = "local.keyring";
    /** The WAN pool's keyring file in {@code <data_dir>/serf}. */
    public static final String WAN_FILE = "remote.keyring";

    /** The keys and their cipher form, primary first; replaced whole on each change. */
    private record Keys(List<byte[]> raw, List<SecretKey> secret) {
        static Keys of(List<byte[]> raw) {
            List<byte[]> copies = new ArrayList<>(raw.size());
            List<SecretKey> secret = new ArrayList<>(raw.size());
            for (byte[] key : raw) {
                copies.add(key.clone());
                secret.add(new SecretKeySpec(key, "AES"));
            }
            return new Keys(List.copyOf(copies), List.copyOf(secret));
        }

        int indexOf(byte[] key) {
            for (int i = 0; i < raw.size(); i++) {
                if (Arrays.equals(raw.get(i), key)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private final Optional<Path> file;
    private volatile Keys keys;

    private GossipKeyring(List<byte[]> keys, Optional<Path> file) {
        this.file = file;
        this.keys = Keys.of(distinct(keys));
    }

    /**
     * A keyring that lives in memory only.
     *
     * @param keys primary first; duplicates are dropped
     * @throws IllegalArgumentException if there is no key, a key is not 32 bytes, or there are more than
     *                                  {@link #MAX_KEYS}
     */
    public static GossipKeyring inMemory(List<byte[]> keys) {
        return new GossipKeyring(keys, Optional.empty());
    }

    /**
     * A keyring with {@code keys}, written to {@code file} now (its directory is created if missing), and on
     * every change.
     */
    public static GossipKeyring create(Path file, List<byte[]> keys) throws IOException {
        GossipKeyring keyring = new GossipKeyring(keys, Optional.of(file));
        KeyringFile.write(file, keyring.keys.raw());
        return keyring;
    }

    /**
     * The keyring in {@code file}, written back there on every change.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static GossipKeyring load(Path file) throws IOException {
        List<byte[]> keys = KeyringFile.read(file);
        try {
            return new GossipKeyring(keys, Optional.of(file));
        } catch (IllegalArgumentException e) {
            throw new IOException("The keyring file " + file + " cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * A key given as text: standard base64 of 32 bytes.
     *
     * @throws IllegalArgumentException {@code illegal base64 data at input byte N} (Go's text, which Consul shows
     *                                  after {@code encrypt has invalid key: }), or {@code key size must be 32
     *                                  bytes, not N}
     */
    public static byte[] decodeKey(String base64) {
        return KeyText.decode(Objects.requireNonNull(base64, "key"));
    }

    /** The installed keys in base64, the primary first. */
    public List<String> keys() {
        List<String> texts = new ArrayList<>();
        for (byte[] key : keys.raw()) {
            texts.add(KeyText.encode(key));
        }
        return texts;
    }

    /** The primary key in base64. */
    public String primaryKey() {
        return KeyText.encode(keys.raw().get(0));
    }

    /**
     * Installs a key, which opens messages at once and seals them once {@linkplain #use used}; a key installed
     * already is left as it is.
     *
     * @throws IllegalArgumentException if the key is not valid, or the keyring holds {@link #MAX_KEYS} already
     * @throws IOException              if the keyring file cannot be written (the key is not installed)
     */
    public synchronized void install(String key) throws IOException {
        byte[] raw = decodeKey(key);
        Keys current = keys;
        if (current.indexOf(raw) >= 0) {
            return;
        }
        List<byte[]> changed = new ArrayList<>(current.raw());
        changed.add(raw);
        change(changed);
    }

    /**
     * Makes an installed key the primary.
     *
     * @throws IllegalArgumentException {@code requested key is not in the keyring} (memberlist's text), or for a
     *                                  key that is not valid
     * @throws IOException              if the keyring file cannot be written (the primary stays as it was)
     */
    public synchronized void use(String key) throws IOException {
        byte[] raw = decodeKey(key);
        Keys current = keys;
        int index = current.indexOf(raw);
        if (index < 0) {
            throw new IllegalArgumentException("requested key is not in the keyring");
        }
        if (index == 0) {
            return;
        }
        List<byte[]> changed = new ArrayList<>(current.raw());
        changed.add(0, changed.remove(index));
        change(changed);
    }

    /**
     * Removes a key that is not the primary; a key not installed is left alone.
     *
     * @throws IllegalArgumentException {@code removing the primary key is not allowed} (memberlist's text), or for
     *                                  a key that is not valid
     * @throws IOException              if the keyring file cannot be written (the key stays)
     */
    public synchronized void remove(String key) throws IOException {
        byte[] raw = decodeKey(key);
        Keys current = keys;
        int index = current.indexOf(raw);
        if (index == 0) {
            throw new IllegalArgumentException("removing the primary key is not allowed");
        }
        if (index < 0) {
            return;
        }
        List<byte[]> changed = new ArrayList<>(current.raw());
        changed.remove(index);
        change(changed);
    }

    /** The keys as ciphers take them, the primary first; a snapshot that later changes leave alone. */
    List<SecretKey> secretKeys() {
        return keys.secret();
    }

    private void change(List<byte[]> changed) throws IOException {
        Keys next = Keys.of(validate(changed));
        if (file.isPresent()) {
            KeyringFile.write(file.get(), next.raw());
        }
        keys = next;
    }

    private static List<byte[]> distinct(List<byte[]> keys) {
        List<byte[]> distinct = new ArrayList<>();
        for (byte[] key : keys) {
            if (distinct.stream().noneMatch(k -> Arrays.equals(k, key))) {
                distinct.add(key);
            }
        }
        return validate(distinct);
    }

    private static List<byte[]> validate(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("A keyring needs at least one key");
        }
        if (keys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("A keyring holds at most " + MAX_KEYS + " keys; remove one first");
        }
        for (byte[] key : keys) {
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("key size must be " + KEY_BYTES + " bytes, not " + key.length);
            }
        }
        return keys;
    }
}
