package io.cairn.kv.api;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Length-prefixed fields shared by the payload encodings of this package. */
final class Codec {

    private Codec() {
    }

    static byte[] bytes(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return b;
    }

    static String text(ByteBuffer in) {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    static void requireEnd(ByteBuffer in) {
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("Trailing bytes after KV payload");
        }
    }

    static IllegalArgumentException truncated(RuntimeException e) {
        if (e instanceof IllegalArgumentException iae) {
            return iae;
        }
        if (e instanceof BufferUnderflowException || e instanceof NegativeArraySizeException) {
            return new IllegalArgumentException("Truncated KV payload", e);
        }
        throw e;
    }
}
