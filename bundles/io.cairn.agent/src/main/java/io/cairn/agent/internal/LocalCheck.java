package io.cairn.agent.internal;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckStatus;

/**
 * A check of this agent with its current state.
 *
 * @param definition the check as defined (IDs and names already derived)
 * @param type       the check type as the engine names it ({@code http}, {@code ttl}, {@code maintenance}...),
 *                   {@code ""} if not known
 * @param status     the current status
 * @param output     what the last run or TTL update said
 * @param origin     where the check came from
 */
record LocalCheck(CheckDefinition definition, String type, CheckStatus status, String output, Origin origin) {

    LocalCheck {
        type = type == null ? "" : type;
        output = output == null ? "" : output;
    }

    String id() {
        return definition.id();
    }

    String serviceId() {
        return definition.serviceId();
    }

    LocalCheck withState(String newType, CheckStatus newStatus, String newOutput) {
        return new LocalCheck(definition, newType, newStatus, newOutput, origin);
    }

    /** A check registered without the engine: its given status, else critical as in Consul. */
    static LocalCheck initial(CheckDefinition definition, Origin origin) {
        CheckStatus status = definition.status() == null ? CheckStatus.CRITICAL : definition.status();
        return new LocalCheck(definition, definition.isTtl() ? "ttl" : "", status, "", origin);
    }
}
