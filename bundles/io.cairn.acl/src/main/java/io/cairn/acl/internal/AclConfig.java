package io.cairn.acl.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@value AclSettings#PID}: Consul's {@code acl {}} block. Keys follow Consul's names:
 * {@code default_policy}, {@code tokens.initial_management}, ... ({@code __} in a method name is {@code _} in the
 * key, {@code _} is {@code .}).
 */
@ObjectClassDefinition(name = "Cairn ACLs", description = "Consul's ACL system: enabling it, its policies and the agent's tokens")
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

    @AttributeDefinition(description = "Secret of the management token the leader creates; empty for none")
    String tokens_initial__management() default "";

    @AttributeDefinition(description = "Token of requests that present none; empty for the anonymous token")
    String tokens_default() default "";

    @AttributeDefinition(description = "Token of the agent's own requests; empty for the default token")
    String tokens_agent() default "";

    @AttributeDefinition(description = "Token allowed agent:write on this agent when no server answers")
    String tokens_agent__recovery() default "";
}
