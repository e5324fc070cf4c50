package io.cairn.go.lang;

import java.nio.charset.StandardCharsets;

/**
 * URL escaping as Go's {@code net/url} does it. The Consul API client puts a KV key or other name into
 * {@code URL.Path} and sends {@code URL.EscapedPath()}, so {@link #escapePath} is how a key travels on the wire;
 * query values go through {@link #queryEscape}, as {@code url.Values.Encode} does.
 */
public final class GoUrl {
    private static final String HEX = "0123456789ABCDEF";

    private GoUrl() {
    }

    /**
     * A whole path escaped as Go's {@code URL.EscapedPath} escapes a path it has no raw form of: the bytes of its
     * UTF-8 encoding are kept when unreserved ({@code A-Z a-z 0-9 - _ . ~}) or one of {@code / $ & + , : ; = @},
     * every other byte (space, {@code ?}, {@code %}, {@code #}, non-ASCII, ...) becomes {@code %XX} in upper-case
     * hex.
     */
    public static String escapePath(String path) {
        return escape(path, "-_.~/$&+,:;=@", false);
    }

    /**
     * A query name or value escaped as Go's {@code url.QueryEscape} escapes it: the bytes of its UTF-8 encoding
     * are kept when unreserved ({@code A-Z a-z 0-9 - _ . ~}), a space becomes {@code +}, every other byte becomes
     * {@code %XX} in upper-case hex.
     */
    public static String queryEscape(String text) {
        return escape(text, "-_.~", true);
    }

    private static String escape(String text, String keptPunctuation, boolean spaceAsPlus) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || keptPunctuation.indexOf(c) >= 0) {
                out.append((char) c);
            } else if (c == ' ' && spaceAsPlus) {
                out.append('+');
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return out.toString();
    }
}
