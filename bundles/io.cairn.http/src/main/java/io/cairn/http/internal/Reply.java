package io.cairn.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.cairn.http.api.BodyStream;

/**
 * A response ready for the wire: status, headers, content type ({@code null} for none) and body bytes, or the
 * producer of a streamed body ({@code null} for a body of bytes).
 */
record Reply(int status, Map<String, String> headers, String contentType, byte[] body, BodyStream stream) {
    static final String TEXT = "text/plain; charset=utf-8";

    /** A reply whose body is all in {@code body}. */
    Reply(int status, Map<String, String> headers, String contentType, byte[] body) {
        this(status, headers, contentType, body, null);
    }

    /** A plain-text reply, the form of every Consul error. */
    static Reply text(int status, String message, Map<String, String> headers) {
        return new Reply(status, headers, TEXT, message.getBytes(StandardCharsets.UTF_8));
    }
}
