package io.cairn.acl.rules;

import io.cairn.acl.api.Authorizer;
import java.util.Locale;

/**
 * The cluster's {@code acl.default_policy}: what a token's rules leave open. Under {@code allow} everything but
 * ACL management and snapshots is allowed, as Consul's allow-all authorizer does.
 */
public enum DefaultPolicy {
    ALLOW(new StaticAuthorizer(false, true)),
    DENY(new StaticAuthorizer(false, false));

    private final Authorizer authorizer;

    DefaultPolicy(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** The policy named by the configuration value {@code allow} or {@code deny}. */
    public static DefaultPolicy of(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "allow" -> ALLOW;
            case "deny" -> DENY;
            default -> throw new IllegalArgumentException("invalid default_policy " + value);
        };
    }

    /** The authorizer of a token without rules under this policy. */
    public Authorizer authorizer() {
        return authorizer;
    }
}
