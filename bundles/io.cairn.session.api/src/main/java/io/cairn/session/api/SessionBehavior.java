package io.cairn.session.api;

import java.util.Optional;

/** What happens to the keys a session holds when the session is invalidated. */
public enum SessionBehavior {
    /** The locks are released; the keys stay (Consul's default). */
    RELEASE("release"),
    /** The keys are deleted. */
    DELETE("delete");

    private final String text;

    SessionBehavior(String text) {
        this.text = text;
    }

    /** The name Consul's JSON uses. */
    public String text() {
        return text;
    }

    /** The behavior named {@code text} (exactly as Consul spells it), if any. */
    public static Optional<SessionBehavior> of(String text) {
        for (SessionBehavior b : values()) {
            if (b.text.equals(text)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
