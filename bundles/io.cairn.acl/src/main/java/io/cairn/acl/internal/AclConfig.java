package io.cairn.acl.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@value AclSettings#PID}: Consul's {@code acl {}} block but its tokens, which are secrets and
 * come from the agent's secrets file ({@code acl.tokens.initial_management}, ..., see
 * {@link io.cairn.agent.api.AgentInfo#secret}). Keys follow Consul's names: {@code default_policy}, ...
 * ({@code __} in a method name is {@code _} in the key).
 */
@ObjectClassDefinition(name = "Cairn ACLs", description = "Consul's ACL system: enabling it and its policies")
public @interface AclConfig {

    @AttributeDefinition(description = "Whether ACLs are enforced")
    boolean enabled() default false;

    @AttributeDefinition(description = "What a token's rules leave open: allow or deny")
    String default__policy() default "allow";

    @AttributeDefinition(description = "What a client agent does when no server answers: allow, deny, extend-cache, async-cache")
    String down__policy() default "extend-cache";

    @AttributeDefinition(description = "How long a client agent caches a resolved token, a Go duration such as 30s")
    String token__ttl() default "30s";

    @AttributeDefinition(description = "Whether tokens set through /v1/agent/token are kept in the data directory")
    boolean enable__token__persistence() default false;

    @AttributeDefinition(description = "Consul's top-level primary_datacenter: where policies, roles and global "
            + "tokens are written; empty for this agent's own datacenter")
    String primary__datacenter() default "";

    @AttributeDefinition(description = "Whether a secondary datacenter's leader also replicates global tokens "
            + "(policies and roles always are)")
    boolean enable__token__replication() default false;
}
