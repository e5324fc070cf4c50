package io.cairn.query.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.acl.api.AclNotFoundException;
import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.http.testing.FakeRequest;

/** An ACL resolver of an agent with ACLs enabled that knows the secrets it is given, each with its rules. */
public final class FakeAclResolver implements AclResolver {

    private final Map<String, ResolvedToken> tokens = new HashMap<>();

    /** Makes {@code secret} a token with the Consul ACL rules {@code rules}, under {@code default_policy = "deny"}. */
    public FakeAclResolver token(String secret, String rules) {
        tokens.put(secret, new FakeRequest().rules(rules).token());
        return this;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String defaultPolicy() {
        return "deny";
    }

    @Override
    public CompletionStage<ResolvedToken> resolve(String secretId) {
        ResolvedToken token = tokens.get(secretId);
        return token == null ? CompletableFuture.failedFuture(new AclNotFoundException())
                : CompletableFuture.completedFuture(token);
    }

    @Override
    public String agentSecret() {
        return "";
    }
}
