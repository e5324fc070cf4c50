package io.cairn.kv.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.cairn.kv.api.KvOperation;
import io.cairn.kv.api.KvOperation.Verb;
import io.cairn.kv.api.KvOperationResult;

/**
 * Reads format 1, the command the KV bundle's own writes travelled as before every write became a
 * {@link KvOperation}. Nothing writes it any more, but logs still hold it: every server decodes such an entry into
 * the equivalent {@link KvOperation} and applies it as it applies any other.
 * <p>
 * Encoding (big-endian): format byte {@value #FORMAT}, op code byte, key (int length + UTF-8), then the op's
 * fields: {@code SET} (1) flags, value; {@code CAS} (2) flags, index, value; {@code DELETE} (3) nothing;
 * {@code DELETE_CAS} (4) index; {@code DELETE_TREE} (5) nothing. A value is an int length followed by its bytes.
 */
final class LegacyKvCommand {

    /** First byte of every format-1 entry. */
    static final byte FORMAT = 1;

    private LegacyKvCommand() {
    }

    /** Whether {@code payload} is a format-1 entry. */
    static boolean isLegacy(byte[] payload) {
        return payload.length > 0 && payload[0] == FORMAT;
    }

    /** The operation a format-1 entry stands for; {@link IllegalArgumentException} if it is not one. */
    static KvOperation decode(byte[] payload) {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            byte format = in.get();
            if (format != FORMAT) {
                throw new IllegalArgumentException("Unsupported KV command version " + format);
            }
            byte code = in.get();
            String key = new String(bytes(in), StandardCharsets.UTF_8);
            KvOperation operation = switch (code) {
                case 1 -> {
                    long flags = in.getLong();
                    yield new KvOperation(Verb.SET, key, bytes(in), flags, 0, "");
                }
                case 2 -> {
                    long flags = in.getLong();
                    long index = in.getLong();
                    yield new KvOperation(Verb.CAS, key, bytes(in), flags, index, "");
                }
                case 3 -> new KvOperation(Verb.DELETE, key, null, 0, 0, "");
                case 4 -> new KvOperation(Verb.DELETE_CAS, key, null, 0, in.getLong(), "");
                case 5 -> new KvOperation(Verb.DELETE_TREE, key, null, 0, 0, "");
                default -> throw new IllegalArgumentException("Unknown KV operation code " + code);
            };
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("Trailing bytes after KV command");
            }
            return operation;
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("Truncated KV command", e);
        }
    }

    /**
     * The answer format 1 gave its submitter, one byte: 1 if the operation took effect, 0 if its condition failed.
     * A server of the previous release may still submit such an entry to a newer leader and read this answer.
     */
    static byte[] result(KvOperationResult outcome) {
        return new byte[] {(byte) (outcome.done() ? 1 : 0)};
    }

    private static byte[] bytes(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return b;
    }
}
