package io.cairn.acl.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.cairn.acl.api.AclNotFoundException;
import io.cairn.acl.rules.PolicyRules;

/**
 * Where {@link AclAgent} finds the token of a secret and the rules it is granted: on a server the replicated
 * tables ({@link ReplicatedTokenSource}); on a client agent a server, asked over the network. The resolver
 * compiles and caches what a source answers.
 */
public interface TokenSource {

    /**
     * A value that changes whenever the grant of any secret may have changed; the resolver drops what it cached
     * when it moves. Called on every request: must be cheap.
     */
    long version();

    /**
     * The token of {@code secretId} and its rules; fails with {@link AclNotFoundException} when the secret names
     * no token or an expired one.
     */
    CompletionStage<Grant> grant(String secretId);

    /**
     * What a token is granted in this datacenter.
     *
     * @param accessorId the token's accessor ID
     * @param expiresAt  when the token expires; {@code null} for never
     * @param rules      the rules of its policies, its roles' policies and its identities that apply here
     */
    record Grant(String accessorId, Instant expiresAt, List<PolicyRules> rules) {

        public Grant {
            rules = List.copyOf(rules);
        }
    }
}
