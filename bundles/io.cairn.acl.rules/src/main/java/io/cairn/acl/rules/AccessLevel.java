package io.cairn.acl.rules;

import java.util.Locale;

/** What one rule grants: {@code write} covers list and read, {@code list} covers read. */
enum AccessLevel {
    DENY, READ, LIST, WRITE;

    /** The level named by a rule's policy value, case-insensitively as Consul reads it; null for none. */
    static AccessLevel parse(String policy) {
        return switch (policy.toLowerCase(Locale.ROOT)) {
            case "deny" -> DENY;
            case "read" -> READ;
            case "list" -> LIST;
            case "write" -> WRITE;
            default -> null;
        };
    }

    /** The decision of this rule for an action that needs {@code required} (read, list or write). */
    Decision enforce(AccessLevel required) {
        return switch (this) {
            case WRITE -> Decision.ALLOW;
            case LIST -> required == READ || required == LIST ? Decision.ALLOW : Decision.DENY;
            case READ -> required == READ ? Decision.ALLOW : Decision.DENY;
            case DENY -> Decision.DENY;
        };
    }
}
