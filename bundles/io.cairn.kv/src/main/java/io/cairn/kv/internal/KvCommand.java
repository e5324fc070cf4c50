package io.cairn.kv.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One replicated KV write, as it travels through the Raft log.
 * <p>
 * Encoding (big-endian): version byte {@value #VERSION}, op code byte, key (int length + UTF-8), then the op's
 * fields: {@code SET} flags, value; {@code CAS} flags, index, value; {@code DELETE_CAS} index; {@code DELETE}
 * and {@code DELETE_TREE} nothing. A value is an int length followed by its bytes.
 *
 * @param op    what to do
 * @param key   the key, or the prefix for {@link Op#DELETE_TREE}
 * @param value the new value ({@code SET}/{@code CAS}); empty otherwise
 * @param flags the new flags ({@code SET}/{@code CAS}); 0 otherwise
 * @param index the expected modify index ({@code CAS}/{@code DELETE_CAS}; 0 = "must not exist" for CAS)
 */
public record KvCommand(Op op, String key, byte[] value, long flags, long index) {

    /** Version of the command encoding; bumped when the layout changes. */
    static final byte VERSION = 1;

    private static final byte[] NO_VALUE = new byte[0];

    /** The KV operations; the codes are part of the replicated log format and never change meaning. */
    public enum Op {
        SET(1), CAS(2), DELETE(3), DELETE_CAS(4), DELETE_TREE(5);

        private final byte code;

        Op(int code) {
            this.code = (byte) code;
        }

        static Op of(byte code) {
            for (Op op : values()) {
                if (op.code == code) {
                    return op;
                }
            }
            throw new IllegalArgumentException("Unknown KV operation code " + code);
        }
    }

    public static KvCommand set(String key, byte[] value, long flags) {
        return new KvCommand(Op.SET, key, value == null ? NO_VALUE : value, flags, 0);
    }

    public static KvCommand cas(String key, byte[] value, long flags, long index) {
        return new KvCommand(Op.CAS, key, value == null ? NO_VALUE : value, flags, index);
    }

    public static KvCommand delete(String key) {
        return new KvCommand(Op.DELETE, key, NO_VALUE, 0, 0);
    }

    public static KvCommand deleteCas(String key, long index) {
        return new KvCommand(Op.DELETE_CAS, key, NO_VALUE, 0, index);
    }

    public static KvCommand deleteTree(String prefix) {
        return new KvCommand(Op.DELETE_TREE, prefix, NO_VALUE, 0, 0);
    }

    public byte[] encode() {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(2 + 4 + keyBytes.length + 8 + 8 + 4 + value.length);
        out.put(VERSION).put(op.code).putInt(keyBytes.length).put(keyBytes);
        switch (op) {
            case SET -> out.putLong(flags).putInt(value.length).put(value);
            case CAS -> out.putLong(flags).putLong(index).putInt(value.length).put(value);
            case DELETE_CAS -> out.putLong(index);
            case DELETE, DELETE_TREE -> {
                // the key is all these need
            }
        }
        byte[] encoded = new byte[out.position()];
        out.flip().get(encoded);
        return encoded;
    }

    /** Decodes {@link #encode()}'s output; {@link IllegalArgumentException} if it is not a KV command. */
    public static KvCommand decode(byte[] payload) {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("Unsupported KV command version " + version);
            }
            Op op = Op.of(in.get());
            String key = new String(bytes(in), StandardCharsets.UTF_8);
            KvCommand command = switch (op) {
                case SET -> {
                    long flags = in.getLong();
                    yield set(key, bytes(in), flags);
                }
                case CAS -> {
                    long flags = in.getLong();
                    long index = in.getLong();
                    yield cas(key, bytes(in), flags, index);
                }
                case DELETE -> delete(key);
                case DELETE_CAS -> deleteCas(key, in.getLong());
                case DELETE_TREE -> deleteTree(key);
            };
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("Trailing bytes after KV command");
            }
            return command;
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("Truncated KV command", e);
        }
    }

    private static byte[] bytes(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return b;
    }
}
