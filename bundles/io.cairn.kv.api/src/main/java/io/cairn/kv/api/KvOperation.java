package io.cairn.kv.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One KV operation with Consul's transaction verbs, applied by the KV command handler. Other bundles apply it as
 * part of their own replicated command with {@code StateWriter.apply("kv", operation.encode())} (the
 * transaction handler does, one operation per {@code KV} element); the nested result is a
 * {@link KvOperationResult}.
 *
 * @param verb    what to do
 * @param key     the key; the prefix for {@link Verb#GET_TREE} and {@link Verb#DELETE_TREE}
 * @param value   the value to write ({@code SET}, {@code CAS}, {@code LOCK}, {@code UNLOCK}); empty otherwise
 * @param flags   the flags to write, unsigned 64-bit
 * @param index   the expected modify index ({@code CAS}: 0 means "must not exist"; {@code CHECK_INDEX},
 *                {@code DELETE_CAS})
 * @param session the session ({@code LOCK}, {@code UNLOCK}, {@code CHECK_SESSION}); {@code ""} otherwise
 */
public record KvOperation(Verb verb, String key, byte[] value, long flags, long index, String session) {

    /**
     * First byte of every payload encoded by this API. Format 1 was the KV bundle's own command, which it no longer
     * writes but still reads from old logs.
     */
    public static final byte FORMAT = 2;

    static final byte KIND_OPERATION = 1;
    static final byte KIND_SESSION_INVALIDATION = 2;

    /** Consul's KV transaction verbs, by their JSON names. */
    public enum Verb {
        SET("set"), CAS("cas"), LOCK("lock"), UNLOCK("unlock"), GET("get"), GET_OR_EMPTY("get-or-empty"),
        GET_TREE("get-tree"), CHECK_INDEX("check-index"), CHECK_SESSION("check-session"),
        CHECK_NOT_EXISTS("check-not-exists"), DELETE("delete"), DELETE_TREE("delete-tree"),
        DELETE_CAS("delete-cas");

        private final String text;

        Verb(String text) {
            this.text = text;
        }

        /** The verb as Consul's JSON spells it. */
        public String text() {
            return text;
        }

        /** Whether the verb may change the store (a transaction of only reads needs no Raft write). */
        public boolean writes() {
            return switch (this) {
                case GET, GET_OR_EMPTY, GET_TREE, CHECK_INDEX, CHECK_SESSION, CHECK_NOT_EXISTS -> false;
                default -> true;
            };
        }

        /** The verb Consul's JSON name {@code text} stands for, if any. */
        public static Optional<Verb> of(String text) {
            for (Verb verb : values()) {
                if (verb.text.equals(text)) {
                    return Optional.of(verb);
                }
            }
            return Optional.empty();
        }
    }

    /** {@link IllegalArgumentException} for a key UTF-8 cannot carry (an unpaired UTF-16 surrogate). */
    public KvOperation {
        key = key == null ? "" : requireUnicodeKey(key);
        value = value == null ? new byte[0] : value;
        session = session == null ? "" : session;
    }

    /**
     * Refuses a key UTF-8 cannot carry: an unpaired UTF-16 surrogate (which a JSON or URL escape can send) would be
     * encoded as {@code ?}, and the stored key would collide with another one. Every operation's key meets this
     * rule; the KV bundle also applies it to keys it only reads.
     *
     * @return {@code key}
     * @throws IllegalArgumentException naming the surrogate and its index
     */
    public static String requireUnicodeKey(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(String.format("Invalid key: unpaired UTF-16 surrogate \\u%04x at"
                        + " index %d; a key must be valid Unicode", (int) c, i));
            }
        }
        return key;
    }

    /** The nested-command payload of this operation. */
    public byte[] encode() {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        byte[] sessionBytes = session.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(3 + 4 + keyBytes.length + 4 + value.length + 16 + 4 + sessionBytes.length)
                .put(FORMAT).put(KIND_OPERATION).put((byte) verb.ordinal())
                .putInt(keyBytes.length).put(keyBytes)
                .putInt(value.length).put(value)
                .putLong(flags).putLong(index)
                .putInt(sessionBytes.length).put(sessionBytes)
                .array();
    }

    /** Whether {@code payload} was encoded by {@link #encode()}. */
    public static boolean isOperation(byte[] payload) {
        return payload.length > 1 && payload[0] == FORMAT && payload[1] == KIND_OPERATION;
    }

    /** Decodes {@link #encode()}'s output; {@link IllegalArgumentException} if it is not one. */
    public static KvOperation decode(byte[] payload) {
        if (!isOperation(payload)) {
            throw new IllegalArgumentException("Not a KV operation");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(payload, 2, payload.length - 2);
            int verb = in.get();
            if (verb < 0 || verb >= Verb.values().length) {
                throw new IllegalArgumentException("Unknown KV verb code " + verb);
            }
            String key = Codec.text(in);
            byte[] value = Codec.bytes(in);
            long flags = in.getLong();
            long index = in.getLong();
            String session = Codec.text(in);
            Codec.requireEnd(in);
            return new KvOperation(Verb.values()[verb], key, value, flags, index, session);
        } catch (RuntimeException e) {
            throw Codec.truncated(e);
        }
    }
}
