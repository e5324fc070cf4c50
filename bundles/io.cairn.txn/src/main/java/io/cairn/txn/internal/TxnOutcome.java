package io.cairn.txn.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a transaction answers: on success each operation's nested result, in order; on failure the errors, each
 * naming the operation (Consul's {@code OpIndex}) and what went wrong, and no results.
 *
 * @param results the nested results, one per operation; empty when {@code errors} is not
 * @param errors  the failed operations; empty on success
 */
public record TxnOutcome(List<byte[]> results, List<Error> errors) {

    /** One failed operation. */
    public record Error(int opIndex, String what) {
    }

    public TxnOutcome {
        results = List.copyOf(results);
        errors = List.copyOf(errors);
    }

    public boolean failed() {
        return !errors.isEmpty();
    }

    public byte[] encode() {
        int size = 8;
        for (byte[] r : results) {
            size += 4 + r.length;
        }
        List<byte[]> texts = new ArrayList<>();
        for (Error e : errors) {
            byte[] what = e.what().getBytes(StandardCharsets.UTF_8);
            texts.add(what);
            size += 8 + what.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(results.size());
        results.forEach(r -> out.putInt(r.length).put(r));
        out.putInt(errors.size());
        for (int i = 0; i < errors.size(); i++) {
            out.putInt(errors.get(i).opIndex()).putInt(texts.get(i).length).put(texts.get(i));
        }
        return out.array();
    }

    public static TxnOutcome decode(byte[] encoded) {
        try {
            ByteBuffer in = ByteBuffer.wrap(encoded);
            List<byte[]> results = new ArrayList<>();
            int count = in.getInt();
            for (int i = 0; i < count; i++) {
                byte[] r = new byte[in.getInt()];
                in.get(r);
                results.add(r);
            }
            List<Error> errors = new ArrayList<>();
            count = in.getInt();
            for (int i = 0; i < count; i++) {
                int index = in.getInt();
                byte[] what = new byte[in.getInt()];
                in.get(what);
                errors.add(new Error(index, new String(what, StandardCharsets.UTF_8)));
            }
            return new TxnOutcome(results, errors);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("Truncated transaction result", e);
        }
    }
}
