package io.cairn.acl.rules;

import io.cairn.acl.api.Authorizer;
import java.util.List;

/** Builds the {@link Authorizer} of a token from the rules of its policies, roles and identities. */
public final class Authorizers {
    private static final Authorizer MANAGE_ALL = new StaticAuthorizer(true, true);

    private Authorizers() {
    }

    /**
     * The authorizer of a token whose policies (linked directly, through roles, or synthesized from identities)
     * have {@code rules}: the rules merged as Consul merges them, chained to {@code defaultPolicy}.
     */
    public static Authorizer forRules(List<PolicyRules> rules, DefaultPolicy defaultPolicy) {
        return new PolicyAuthorizer(rules, defaultPolicy.authorizer());
    }

    /** Allows everything, ACL management included (Consul's manage-all authorizer). */
    public static Authorizer manageAll() {
        return MANAGE_ALL;
    }
}
