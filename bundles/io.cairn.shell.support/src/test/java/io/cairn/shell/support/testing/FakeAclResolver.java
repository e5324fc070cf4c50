package io.cairn.shell.support.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.acl.api.AclNotFoundException;
import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.AclToken;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.acl.rules.Authorizers;
import io.cairn.acl.rules.DefaultPolicy;
import io.cairn.acl.rules.PolicyRules;
import io.cairn.acl.rules.RulesException;
import io.cairn.acl.rules.RulesSyntax;

/**
 * An {@link AclResolver} for the shell bundles' tests: ACLs disabled (everything allowed), or enabled under
 * {@code default_policy = "deny"} with the secrets it is given, each a token with real Consul rules; no secret
 * ({@code ""}) is the anonymous token, allowed nothing, and an unknown secret fails with
 * {@link AclNotFoundException}.
 */
public final class FakeAclResolver implements AclResolver {

    private final boolean enabled;
    private final Map<String, ResolvedToken> tokens = new HashMap<>();

    private FakeAclResolver(boolean enabled) {
        this.enabled = enabled;
    }

    /** An agent with ACLs disabled. */
    public static FakeAclResolver disabled() {
        return new FakeAclResolver(false);
    }

    /** An agent with ACLs enabled, {@code default_policy = "deny"} and no default token. */
    public static FakeAclResolver denyByDefault() {
        FakeAclResolver resolver = new FakeAclResolver(true);
        resolver.tokens.put("", new ResolvedToken(AclToken.ANONYMOUS_ID, true, DefaultPolicy.DENY.authorizer()));
        return resolver;
    }

    /** Makes {@code secret} the token {@code accessorId} with the Consul rules {@code rules} (HCL or JSON). */
    public FakeAclResolver token(String secret, String accessorId, String rules) {
        try {
            tokens.put(secret, new ResolvedToken(accessorId, false, Authorizers.forRules(
                    List.of(PolicyRules.parse(rules, RulesSyntax.CONSUL)), DefaultPolicy.DENY)));
        } catch (RulesException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return this;
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
        if (!enabled) {
            return CompletableFuture.completedFuture(new ResolvedToken("", true, DefaultPolicy.ALLOW.authorizer()));
        }
        ResolvedToken token = tokens.get(secretId);
        return token == null ? CompletableFuture.failedFuture(new AclNotFoundException())
                : CompletableFuture.completedFuture(token);
    }

    @Override
    public String agentSecret() {
        return "";
    }
}
