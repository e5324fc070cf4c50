package io.cairn.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A response ready for the wire: status, headers, content type ({@code null} for none) and body bytes.
 */
record Reply(int status, Map<String, String> headers, String contentType, byte[] body) {
    static final String TEXT = "text/plain; charset=utf-8";

    /** A plain-text reply, the form of every Consul error. */
    static Reply text(int status, String message, Map<String, String> headers) {
        return new Reply(status, headers, TEXT, message.getBytes(StandardCharsets.UTF_8));
    }
}
