package io.cairn.forward.internal;

import java.nio.charset.StandardCharsets;

/**
 * Makes a path or query string as a client sent it acceptable to {@link java.net.URI} without changing what the
 * server decodes from it: characters a URI may not hold as they are (a space, brackets, non-ASCII, a {@code %}
 * that starts no escape) are percent-encoded as UTF-8, everything else, escapes included, stays as sent. The HTTP
 * server accepts such characters from lenient clients; the request is passed on as the server would read it.
 */
final class RawUri {
    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@/";
    private static final String QUERY_SAFE = PATH_SAFE + "?";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RawUri() {
    }

    /** A raw path made acceptable to {@link java.net.URI}. */
    static String path(String raw) {
        return escape(raw, PATH_SAFE);
    }

    /** A raw query string (without {@code ?}) made acceptable to {@link java.net.URI}. */
    static String query(String raw) {
        return escape(raw, QUERY_SAFE);
    }

    private static String escape(String raw, String safe) {
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean keep = c < 0x80 && (Character.isLetterOrDigit(c) || safe.indexOf(c) >= 0)
                    || c == '%' && isEscape(raw, i);
            if (keep) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(raw.length() + 16).append(raw, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
            for (byte b : raw.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            i = end - 1;
        }
        return out == null ? raw : out.toString();
    }

    private static boolean isEscape(String raw, int percent) {
        return percent + 2 < raw.length() && hex(raw.charAt(percent + 1)) && hex(raw.charAt(percent + 2));
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
