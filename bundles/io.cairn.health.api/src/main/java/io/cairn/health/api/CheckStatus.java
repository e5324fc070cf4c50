package io.cairn.health.api;

import java.util.Optional;

/** The state of a health check; {@link #text()} is the exact string Consul's clients expect. */
public enum CheckStatus {
    PASSING("passing"), WARNING("warning"), CRITICAL("critical");

    private final String text;

    CheckStatus(String text) {
        this.text = text;
    }

    /** {@code passing}, {@code warning} or {@code critical}. */
    public String text() {
        return text;
    }

    /** The status named exactly {@code text} (lower case, as on the wire), if any. */
    public static Optional<CheckStatus> parse(String text) {
        for (CheckStatus status : values()) {
            if (status.text.equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
