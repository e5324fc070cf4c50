package io.cairn.health.api;

import java.util.Objects;

/**
 * What the engine currently knows about one check.
 *
 * @param definition the check as registered
 * @param type       the check type that runs it ({@code http}, {@code ttl}, ...), see {@link CheckType#TYPE}
 * @param status     the current status, after thresholds were applied
 * @param output     the output of the run (or TTL update) that set the status, truncated to the definition's
 *                   {@link CheckDefinition#outputMaxSize() output limit}
 */
public record CheckState(CheckDefinition definition, String type, CheckStatus status, String output) {

    public CheckState {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        output = output == null ? "" : output;
    }

    /** The check's ID. */
    public String checkId() {
        return definition.id();
    }

    /** The service instance the check watches, {@code ""} for a node-level check. */
    public String serviceId() {
        return definition.serviceId();
    }
}
