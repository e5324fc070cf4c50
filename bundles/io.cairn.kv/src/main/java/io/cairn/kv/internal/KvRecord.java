package io.cairn.kv.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.cairn.kv.api.KvEntry;
import io.cairn.raft.api.Entry;

/**
 * What the {@code kv} table stores per key; the indexes live in the Raft core's {@link Entry}.
 * <p>
 * Encoding (big-endian): version byte {@value #VERSION}, flags (8), lock index (8), session (int length +
 * UTF-8), then the value bytes up to the end.
 *
 * @param flags     opaque unsigned 64-bit client flags
 * @param lockIndex how many times a session has newly acquired the key
 * @param session   the lock holder, {@code ""} when unlocked
 * @param value     the value bytes
 */
public record KvRecord(long flags, long lockIndex, String session, byte[] value) {

    /** Version of the record encoding; bumped when the layout changes. */
    static final byte VERSION = 1;

    public byte[] encode() {
        byte[] sessionBytes = session.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 8 + 8 + 4 + sessionBytes.length + value.length)
                .put(VERSION).putLong(flags).putLong(lockIndex)
                .putInt(sessionBytes.length).put(sessionBytes)
                .put(value)
                .array();
    }

    public static KvRecord decode(byte[] stored) {
        try {
            ByteBuffer in = ByteBuffer.wrap(stored);
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalStateException("Unsupported KV record version " + version);
            }
            long flags = in.getLong();
            long lockIndex = in.getLong();
            byte[] session = new byte[in.getInt()];
            in.get(session);
            byte[] value = new byte[in.remaining()];
            in.get(value);
            return new KvRecord(flags, lockIndex, new String(session, StandardCharsets.UTF_8), value);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalStateException("Corrupt KV record", e);
        }
    }

    /** The API view of a stored {@code kv} table entry. */
    public static KvEntry toEntry(Entry entry) {
        KvRecord r = decode(entry.value());
        return new KvEntry(entry.key(), r.value(), r.flags(), r.lockIndex(), r.session(), entry.createIndex(),
                entry.modifyIndex());
    }
}
