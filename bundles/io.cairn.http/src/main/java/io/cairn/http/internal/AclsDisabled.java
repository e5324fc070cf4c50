package io.cairn.http.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.acl.rules.DefaultPolicy;

/** The resolver of an agent without ACLs, for servers built without the agent's own (tests, tools). */
final class AclsDisabled implements AclResolver {
    static final AclResolver RESOLVER = new AclsDisabled();
    private static final CompletionStage<ResolvedToken> ALLOW_ALL = CompletableFuture.completedFuture(
            new ResolvedToken("", true, DefaultPolicy.ALLOW.authorizer()));

    private AclsDisabled() {
    }

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public String defaultPolicy() {
        return "allow";
    }

    @Override
    public CompletionStage<ResolvedToken> resolve(String secretId) {
        return ALLOW_ALL;
    }

    @Override
    public String agentSecret() {
        return "";
    }
}
