package io.cairn.gossip.internal.crypto;

import java.util.Base64;

/**
 * Gossip keys as text: standard base64 with padding, read as Go's {@code base64.StdEncoding} reads it (line
 * breaks ignored), and refused with Go's and memberlist's texts, which Consul shows as they are.
 */
final class KeyText {

    private KeyText() {
    }

    /**
     * The key's bytes.
     *
     * @throws IllegalArgumentException {@code illegal base64 data at input byte N} for text that is not base64,
     *                                  {@code key size must be 32 bytes, not N} for a key of another length
     */
    static byte[] decode(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        int padding = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                continue;
            }
            boolean alphabet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
                    || c == '/';
            if (c == '=' && padding < 2) {
                if (padding == 0 && clean.length() % 4 < 2) {
                    throw illegal(i); // padding may only end a group of four, after two or three characters
                }
                padding++;
            } else if (!alphabet || padding > 0) {
                throw illegal(i);
            }
            clean.append(c);
        }
        if (clean.length() % 4 != 0) {
            throw illegal(text.length());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(clean.toString());
        } catch (IllegalArgumentException e) {
            throw illegal(text.length());
        }
        if (key.length != GossipKeyring.KEY_BYTES) {
            throw new IllegalArgumentException("key size must be " + GossipKeyring.KEY_BYTES + " bytes, not "
                    + key.length);
        }
        return key;
    }

    static String encode(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }

    private static IllegalArgumentException illegal(int offset) {
        return new IllegalArgumentException("illegal base64 data at input byte " + offset);
    }
}
