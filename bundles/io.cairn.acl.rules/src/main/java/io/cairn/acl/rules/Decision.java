package io.cairn.acl.rules;

import java.util.function.BooleanSupplier;

/** A token's rules' answer to one question; {@link #DEFAULT} leaves it to the next authorizer in the chain. */
enum Decision {
    ALLOW, DENY, DEFAULT;

    /** The final answer: this decision, or the fallback's when this one is {@link #DEFAULT}. */
    boolean orElse(BooleanSupplier fallback) {
        return switch (this) {
            case ALLOW -> true;
            case DENY -> false;
            case DEFAULT -> fallback.getAsBoolean();
        };
    }
}
