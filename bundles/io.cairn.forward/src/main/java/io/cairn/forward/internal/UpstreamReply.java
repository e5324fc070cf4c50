package io.cairn.forward.internal;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A server's answer.
 *
 * @param server  the server that answered
 * @param status  the HTTP status
 * @param headers the response headers
 * @param body    the body, complete
 */
record UpstreamReply(Server server, int status, HttpHeaders headers, byte[] body) {

    /** The body as text, e.g. an error message. */
    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** {@code X-Consul-Index}, if present and a number. */
    Optional<Long> index() {
        return headers.firstValue("X-Consul-Index").flatMap(value -> {
            try {
                return Optional.of(Long.parseUnsignedLong(value.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
