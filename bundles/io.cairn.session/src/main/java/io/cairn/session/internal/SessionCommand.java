package io.cairn.session.internal;

import io.cairn.json.lang.ReplicatedJson;
import io.cairn.session.api.SessionBehavior;

/**
 * One replicated session command: {@code create} carries the whole session (its ID chosen by the submitter, so
 * the apply stays deterministic); {@code destroy} and {@code renew} carry an ID. Renewal changes no record: it
 * goes through the log so that every server restarts the session's TTL timer, the leader's among them.
 *
 * @param op      {@code create}, {@code destroy} or {@code renew}
 * @param session the session to create; {@code null} otherwise
 * @param id      the session to destroy or renew; {@code null} for create
 */
public record SessionCommand(String op, StoredSession session, String id) {

    static final String CREATE = "create";
    static final String DESTROY = "destroy";
    static final String RENEW = "renew";

    static SessionCommand create(StoredSession session) {
        return new SessionCommand(CREATE, session, null);
    }

    static SessionCommand destroy(String id) {
        return new SessionCommand(DESTROY, null, id);
    }

    static SessionCommand renew(String id) {
        return new SessionCommand(RENEW, null, id);
    }

    /** Checks what the apply relies on; {@link IllegalArgumentException} for a command no server should apply. */
    void validate() {
        switch (op == null ? "" : op) {
            case CREATE -> {
                if (session == null || session.id() == null || session.id().isEmpty()) {
                    throw new IllegalArgumentException("Missing session ID");
                }
                if (session.node() == null || session.node().isEmpty()) {
                    throw new IllegalArgumentException("Must provide Node");
                }
                if (SessionBehavior.of(session.behavior()).isEmpty()) {
                    throw new IllegalArgumentException("Invalid Behavior setting '" + session.behavior() + "'");
                }
            }
            case DESTROY, RENEW -> {
                if (id == null || id.isEmpty()) {
                    throw new IllegalArgumentException("Missing session");
                }
            }
            default -> throw new IllegalArgumentException("Invalid session operation \"" + op + "\"");
        }
    }

    byte[] encode() {
        return ReplicatedJson.encode(this);
    }

    /** Decodes {@link #encode()}'s output; {@link IllegalArgumentException} if it is not a session command. */
    static SessionCommand decode(byte[] payload) {
        return ReplicatedJson.decode(payload, SessionCommand.class);
    }
}
