package io.cairn.dns.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.acl.api.AclNotFoundException;
import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.acl.rules.Authorizers;
import io.cairn.acl.rules.DefaultPolicy;
import io.cairn.acl.rules.PolicyRules;
import io.cairn.acl.rules.RulesException;
import io.cairn.acl.rules.RulesSyntax;

/**
 * An {@link AclResolver} for tests whose default token (the one DNS asks for) has fixed Consul rules under
 * {@code default_policy = "deny"}, is the token of an agent with ACLs disabled, or names no token.
 */
final class FakeAclResolver implements AclResolver {

    private final boolean enabled;
    private final CompletableFuture<ResolvedToken> token;

    private FakeAclResolver(boolean enabled, CompletableFuture<ResolvedToken> token) {
        this.enabled = enabled;
        this.token = token;
    }

    /** An agent with ACLs disabled: everything may be read. */
    static FakeAclResolver disabled() {
        return new FakeAclResolver(false,
                CompletableFuture.completedFuture(new ResolvedToken("", true, DefaultPolicy.ALLOW.authorizer())));
    }

    /** A default token with the Consul rules {@code rules}. */
    static FakeAclResolver rules(String rules) {
        try {
            return new FakeAclResolver(true, CompletableFuture.completedFuture(new ResolvedToken("default-token",
                    false, Authorizers.forRules(List.of(PolicyRules.parse(rules, RulesSyntax.CONSUL)),
                            DefaultPolicy.DENY))));
        } catch (RulesException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A default token that no longer exists. */
    static FakeAclResolver notFound() {
        return new FakeAclResolver(true, CompletableFuture.failedFuture(new AclNotFoundException()));
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public String defaultPolicy() {
        return enabled ? "deny" : "allow";
    }

    @Override
    public CompletionStage<ResolvedToken> resolve(String secretId) {
        if (!secretId.isEmpty()) {
            throw new AssertionError("DNS answers as the default token, not " + secretId);
        }
        return token;
    }

    @Override
    public String agentSecret() {
        return "";
    }
}
