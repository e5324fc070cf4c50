package io.cairn.txn.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction as it travels through the Raft log: its operations in order, each a command of another type
 * (today {@code kv}) that the transaction handler applies nested, through that type's handler.
 * <p>
 * Encoding (big-endian): version byte {@value #VERSION}, operation count, then per operation its type (int length
 * + UTF-8) and payload (int length + bytes).
 *
 * @param ops the operations, in the order the client gave them
 */
public record TxnCommand(List<Op> ops) {

    /** Version of the encoding; bumped when the layout changes. */
    static final byte VERSION = 1;

    /** One operation: a nested command of {@code type}. */
    public record Op(String type, byte[] payload) {
    }

    public TxnCommand {
        ops = List.copyOf(ops);
    }

    public byte[] encode() {
        List<byte[]> types = new ArrayList<>();
        int size = 1 + 4;
        for (Op op : ops) {
            byte[] type = op.type().getBytes(StandardCharsets.UTF_8);
            types.add(type);
            size += 4 + type.length + 4 + op.payload().length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).put(VERSION).putInt(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            out.putInt(types.get(i).length).put(types.get(i)).putInt(ops.get(i).payload().length)
                    .put(ops.get(i).payload());
        }
        return out.array();
    }

    /** Decodes {@link #encode()}'s output; {@link IllegalArgumentException} if it is not a transaction. */
    public static TxnCommand decode(byte[] payload) {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("Unsupported transaction version " + version);
            }
            int count = in.getInt();
            if (count < 0) {
                throw new IllegalArgumentException("Corrupt transaction: " + count + " operations");
            }
            List<Op> ops = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String type = new String(bytes(in), StandardCharsets.UTF_8);
                ops.add(new Op(type, bytes(in)));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("Trailing bytes after transaction");
            }
            return new TxnCommand(ops);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("Truncated transaction", e);
        }
    }

    private static byte[] bytes(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return b;
    }
}
