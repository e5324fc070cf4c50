package io.cairn.acl.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cairn.acl.api.AclNotFoundException;
import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.AclToken;
import io.cairn.acl.api.Authorizer;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.acl.rules.Authorizers;
import io.cairn.acl.rules.DefaultPolicy;
import io.cairn.acl.rules.PolicyRules;
import io.cairn.acl.rules.RulesException;
import io.cairn.acl.rules.RulesSyntax;

/**
 * An {@link AclResolver} for unit tests of everything that asks one (HTTP endpoints, DNS, console commands): an
 * agent with ACLs disabled, or with ACLs enabled under {@code default_policy = "deny"} that knows the secrets it is
 * given, each a token with real Consul rules. With ACLs enabled the empty secret (a request without a token) is the
 * anonymous token, allowed nothing, unless a default token is given as the secret {@code ""}; an unknown secret
 * fails with {@link AclNotFoundException}. It records the secrets it is asked to resolve.
 */
public final class FakeAclResolver implements AclResolver {

    /** The token every request runs as while ACLs are disabled: everything but ACL management is allowed. */
    public static final ResolvedToken ACLS_DISABLED = new ResolvedToken("", true, DefaultPolicy.ALLOW.authorizer());

    /** The anonymous token under {@code default_policy = "deny"}, without rules: allowed nothing. */
    public static final ResolvedToken ANONYMOUS_DENIED = new ResolvedToken(AclToken.ANONYMOUS_ID, true,
            DefaultPolicy.DENY.authorizer());

    private final boolean enabled;
    private final Map<String, ResolvedToken> tokens = new HashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private boolean resolvingLater;

    private FakeAclResolver(boolean enabled) {
        this.enabled = enabled;
    }

    /** An agent with ACLs disabled: every secret resolves to {@link #ACLS_DISABLED}. */
    public static FakeAclResolver disabled() {
        return new FakeAclResolver(false);
    }

    /**
     * An agent with ACLs enabled, {@code default_policy = "deny"} and no default token: the empty secret is
     * {@link #ANONYMOUS_DENIED}, and no other secret is known yet.
     */
    public static FakeAclResolver denyByDefault() {
        return new FakeAclResolver(true).known("", ANONYMOUS_DENIED);
    }

    /**
     * Makes {@code secret} the token {@code accessorId} whose only policy has the Consul rules {@code rules} (HCL or
     * JSON), under {@code default_policy = "deny"}. The secret {@code ""} makes it the agent's default token
     * ({@code acl.tokens.default}), which requests without a token run as instead of the anonymous one.
     *
     * @throws IllegalArgumentException when {@code rules} do not parse
     */
    public FakeAclResolver token(String secret, String accessorId, String rules) {
        return known(secret, new ResolvedToken(accessorId, false, authorizer(rules)));
    }

    /**
     * Deletes the token of {@code secret}: resolving it fails with {@link AclNotFoundException} from now on. Deleting
     * {@code ""} leaves the agent a default token that no longer exists.
     */
    public FakeAclResolver deleteToken(String secret) {
        tokens.remove(secret);
        return this;
    }

    /**
     * Resolves the secrets it knows on another thread, as a client agent's lookup at a server completes later;
     * unknown secrets still fail at once.
     */
    public FakeAclResolver resolvingLater() {
        resolvingLater = true;
        return this;
    }

    /** The secrets asked so far, in the order asked, repeats included. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    /**
     * What a token whose only policy has the Consul rules {@code rules} (HCL or JSON) may do, under
     * {@code default_policy = "deny"}.
     *
     * @throws IllegalArgumentException when {@code rules} do not parse
     */
    public static Authorizer authorizer(String rules) {
        try {
            return Authorizers.forRules(List.of(PolicyRules.parse(rules, RulesSyntax.CONSUL)), DefaultPolicy.DENY);
        } catch (RulesException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private FakeAclResolver known(String secret, ResolvedToken token) {
        tokens.put(secret, token);
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
        asked.add(secretId);
        ResolvedToken token = enabled ? tokens.get(secretId) : ACLS_DISABLED;
        if (token == null) {
            return CompletableFuture.failedFuture(new AclNotFoundException());
        }
        return resolvingLater ? CompletableFuture.supplyAsync(() -> token) : CompletableFuture.completedFuture(token);
    }

    /** {@code ""}: the agent's own requests present no token. */
    @Override
    public String agentSecret() {
        return "";
    }
}
