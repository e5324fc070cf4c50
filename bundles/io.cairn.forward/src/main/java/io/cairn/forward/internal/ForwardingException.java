package io.cairn.forward.internal;

import io.cairn.http.api.HttpException;

/**
 * A request that could not be forwarded, or whose answer could not be taken: an {@link HttpException} with the
 * status and text the client agent answers with, and the {@link Reason} for callers that map it otherwise.
 */
final class ForwardingException extends HttpException {
    private static final long serialVersionUID = 1L;

    /** Consul's text, word for word, when a client agent knows no server (clients and scripts match it). */
    static final String NO_KNOWN_SERVERS = "No known Consul servers";

    /** Why forwarding failed. */
    enum Reason {
        /** No alive server of this datacenter is in the LAN pool (500, Consul's text). */
        NO_SERVERS(500),
        /** The server did not answer: refused, reset, timed out (500). */
        UNREACHABLE(500),
        /** Too many requests are being forwarded at once (429). */
        BUSY(429),
        /** The server's answer is larger than this agent takes (500). */
        ANSWER_TOO_LARGE(500);

        private final int status;

        Reason(int status) {
            this.status = status;
        }
    }

    private final Reason reason;

    ForwardingException(Reason reason, String message, Throwable cause) {
        super(reason.status, message);
        this.reason = reason;
        if (cause != null) {
            initCause(cause);
        }
    }

    static ForwardingException noServers() {
        return new ForwardingException(Reason.NO_SERVERS, NO_KNOWN_SERVERS, null);
    }

    Reason reason() {
        return reason;
    }
}
