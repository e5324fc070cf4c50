package io.cairn.kv.api;

import java.nio.ByteBuffer;

/**
 * Tells the KV handler that a session is gone: every key it holds is released (or, with {@code deleteKeys},
 * deleted), and those keys refuse new acquisitions for {@code lockDelayNanos} on every server. The session
 * handler applies it as part of the command that destroys the session, with
 * {@code StateWriter.apply("kv", invalidation.encode())}; the nested result is a {@link KvOperationResult}.
 *
 * @param session        the session's ID
 * @param deleteKeys     whether the session's keys are deleted (Consul's {@code Behavior: delete}) rather than
 *                       released
 * @param lockDelayNanos how long the keys stay closed to new acquisitions, in nanoseconds (0 for none)
 */
public record KvSessionInvalidation(String session, boolean deleteKeys, long lockDelayNanos) {

    /** The nested-command payload. */
    public byte[] encode() {
        byte[] sessionBytes = session.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + 4 + sessionBytes.length + 1 + 8)
                .put(KvOperation.FORMAT).put(KvOperation.KIND_SESSION_INVALIDATION)
                .putInt(sessionBytes.length).put(sessionBytes)
                .put((byte) (deleteKeys ? 1 : 0)).putLong(lockDelayNanos)
                .array();
    }

    /** Whether {@code payload} was encoded by {@link #encode()}. */
    public static boolean isInvalidation(byte[] payload) {
        return payload.length > 1 && payload[0] == KvOperation.FORMAT
                && payload[1] == KvOperation.KIND_SESSION_INVALIDATION;
    }

    /** Decodes {@link #encode()}'s output; {@link IllegalArgumentException} if it is not one. */
    public static KvSessionInvalidation decode(byte[] payload) {
        if (!isInvalidation(payload)) {
            throw new IllegalArgumentException("Not a KV session invalidation");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(payload, 2, payload.length - 2);
            String session = Codec.text(in);
            boolean delete = in.get() == 1;
            long delay = in.getLong();
            Codec.requireEnd(in);
            return new KvSessionInvalidation(session, delete, delay);
        } catch (RuntimeException e) {
            throw Codec.truncated(e);
        }
    }
}
