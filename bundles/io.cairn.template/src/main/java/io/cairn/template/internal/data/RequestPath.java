package io.cairn.template.internal.data;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds the percent-encoded path and query of an API request the way Go's {@code net/url} encodes them. */
final class RequestPath {

    private static final String HEX = "0123456789ABCDEF";

    private final StringBuilder url;
    private boolean hasQuery;

    private RequestPath(String path) {
        this.url = new StringBuilder(escape(path, true));
    }

    /** Starts from an unencoded path, e.g. {@code "/v1/kv/" + key}. */
    static RequestPath of(String path) {
        return new RequestPath(path);
    }

    /** Adds {@code name=value} unless {@code value} is empty. */
    RequestPath param(String name, String value) {
        return value.isEmpty() ? this : flag(name, value);
    }

    /** Adds {@code name=value}, even if {@code value} is empty (presence flags such as {@code recurse=}). */
    RequestPath flag(String name, String value) {
        url.append(hasQuery ? '&' : '?').append(escape(name, false)).append('=').append(escape(value, false));
        hasQuery = true;
        return this;
    }

    /** Adds the {@code ?<query>} options of a data-source argument (namespace, partition, peer, ...). */
    RequestPath options(Map<String, String> options) {
        options.forEach(this::param);
        return this;
    }

    @Override
    public String toString() {
        return url.toString();
    }

    private static String escape(String s, boolean path) {
        StringBuilder b = new StringBuilder();
        for (byte raw : s.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_.~".indexOf(c) >= 0
                    || path && "$&+,/:;=@".indexOf(c) >= 0) {
                b.append((char) c);
            } else if (c == ' ' && !path) {
                b.append('+');
            } else {
                b.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            }
        }
        return b.toString();
    }
}
