package io.cairn.kv.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the KV handler answers to a {@link KvOperation} or {@link KvSessionInvalidation}.
 *
 * @param outcome what happened
 * @param message for {@link Outcome#FAILED} and {@link Outcome#INVALID}: Consul's error text
 *                ({@code failed to lock key "k", lock is already held}, {@code invalid session "s"}); else {@code ""}
 * @param entries the entries a transaction reports for the operation: the entry read, or the entry written with
 *                its value left out (Consul blanks it); none for deletions and failures
 */
public record KvOperationResult(Outcome outcome, String message, List<KvEntry> entries) {

    /** How an operation ended. */
    public enum Outcome {
        /** It took effect (or its check held). */
        DONE,
        /** Its condition did not hold (stale index, lock held by another, ...): {@code false} over HTTP. */
        FAILED,
        /** The request itself is wrong against the state (an unknown session): an error over HTTP. */
        INVALID
    }

    public KvOperationResult {
        message = message == null ? "" : message;
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static KvOperationResult done(List<KvEntry> entries) {
        return new KvOperationResult(Outcome.DONE, "", entries);
    }

    public static KvOperationResult failed(String message) {
        return new KvOperationResult(Outcome.FAILED, message, List.of());
    }

    public static KvOperationResult invalid(String message) {
        return new KvOperationResult(Outcome.INVALID, message, List.of());
    }

    public boolean done() {
        return outcome == Outcome.DONE;
    }

    public byte[] encode() {
        List<byte[]> parts = new ArrayList<>();
        int size = 1 + 4 + 4;
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        size += text.length;
        for (KvEntry e : entries) {
            byte[] key = e.key().getBytes(StandardCharsets.UTF_8);
            byte[] session = e.session().getBytes(StandardCharsets.UTF_8);
            parts.add(key);
            parts.add(session);
            size += 4 + key.length + 4 + e.value().length + 8 + 8 + 4 + session.length + 8 + 8;
        }
        ByteBuffer out = ByteBuffer.allocate(size).put((byte) outcome.ordinal())
                .putInt(text.length).put(text).putInt(entries.size());
        int i = 0;
        for (KvEntry e : entries) {
            byte[] key = parts.get(i++);
            byte[] session = parts.get(i++);
            out.putInt(key.length).put(key).putInt(e.value().length).put(e.value())
                    .putLong(e.flags()).putLong(e.lockIndex())
                    .putInt(session.length).put(session)
                    .putLong(e.createIndex()).putLong(e.modifyIndex());
        }
        return out.array();
    }

    /** Decodes {@link #encode()}'s output; {@link IllegalArgumentException} if it is not one. */
    public static KvOperationResult decode(byte[] result) {
        try {
            ByteBuffer in = ByteBuffer.wrap(result);
            int outcome = in.get();
            if (outcome < 0 || outcome >= Outcome.values().length) {
                throw new IllegalArgumentException("Unknown KV outcome " + outcome);
            }
            String message = Codec.text(in);
            int count = in.getInt();
            List<KvEntry> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = Codec.text(in);
                byte[] value = Codec.bytes(in);
                long flags = in.getLong();
                long lockIndex = in.getLong();
                String session = Codec.text(in);
                entries.add(new KvEntry(key, value, flags, lockIndex, session, in.getLong(), in.getLong()));
            }
            Codec.requireEnd(in);
            return new KvOperationResult(Outcome.values()[outcome], message, entries);
        } catch (RuntimeException e) {
            throw Codec.truncated(e);
        }
    }
}
