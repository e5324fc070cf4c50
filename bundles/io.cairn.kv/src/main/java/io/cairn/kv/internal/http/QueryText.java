package io.cairn.kv.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

import io.cairn.http.api.Request;

/** Renders request values the way Consul's Go code prints them in error texts clients may show or match. */
public final class QueryText {

    private QueryText() {
    }

    /** Go's {@code url.Values.Encode} over the given parameters: sorted by name, query-escaped. */
    static String encode(Request request, List<String> names) {
        StringBuilder out = new StringBuilder();
        for (String name : new TreeSet<>(names)) {
            for (String value : request.params(name)) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(escape(name)).append('=').append(escape(value));
            }
        }
        return out.toString();
    }

    /** Go's {@code url.QueryEscape}: unreserved characters stay, space becomes {@code +}, the rest %XX. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** A Go {@code %#v} string: double-quoted, with backslash escapes for quotes and control characters. */
    public static String goQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
