package io.cairn.acl.api;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns the token a request presents into the decisions its rules allow: the service every entry point (HTTP
 * API, DNS, console) asks before it serves anything. One is registered on every agent; with ACLs disabled it
 * allows everything (except ACL management, which answers {@value #ACL_DISABLED}).
 * <p>
 * A server resolves a token from its replicated ACL tables; a client agent asks a server and caches the answer
 * for {@code acl.token_ttl}, as Consul's agents do.
 */
@ProviderType
public interface AclResolver {

    /** The 401 text of every ACL endpoint while ACLs are disabled: {@value}, Consul's. */
    String ACL_DISABLED = "ACL support disabled";

    /** The 403 text for a secret that names no live token: {@value}, Consul's. */
    String ACL_NOT_FOUND = "ACL not found";

    /** Whether ACLs are enabled on this agent ({@code acl.enabled}). */
    boolean enabled();

    /**
     * The {@code acl.default_policy}, {@code allow} or {@code deny}, which every answer carries in
     * {@code X-Consul-Default-ACL-Policy}; {@code allow} while ACLs are disabled.
     */
    String defaultPolicy();

    /**
     * Resolves a request's secret. An empty secret means the request presented none: the agent's default token
     * ({@code acl.tokens.default}) is used, and without one the anonymous token.
     *
     * @return the token's identity and authorizer; fails with {@link AclNotFoundException} when the secret names
     *         no token, or one that has expired
     */
    CompletionStage<ResolvedToken> resolve(String secretId);

    /**
     * The secret this agent's own requests present (its coordinate updates, remote exec, and on a client agent its
     * catalog sync and reads at the servers): {@code acl.tokens.agent}, else {@code acl.tokens.default}, as Consul's
     * agent token falls back; {@code ""} for none (the anonymous token). Follows {@code PUT /v1/agent/token}.
     */
    String agentSecret();
}
