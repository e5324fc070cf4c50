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

    /**
     * Refuses a key UTF-8 cannot carry: an unpaired UTF-16 surrogate (which a JSON escape can send) would be encoded
     * as {@code ?}, and the stored key would collide with another one.
     */
    static String requireUnicodeKey(String key) {
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
