package io.cairn.acl.internal;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import io.cairn.acl.rules.DefaultPolicy;
import io.cairn.go.lang.GoDuration;

/**
 * The validated {@link AclConfig}.
 *
 * @param enabled             {@code enabled}
 * @param defaultPolicy       {@code default_policy}
 * @param downPolicy          {@code down_policy}, one of {@link #DOWN_POLICIES}
 * @param tokenTtl            {@code token_ttl}
 * @param persistTokens       {@code enable_token_persistence}
 * @param initialManagement   {@code tokens.initial_management}; {@code ""} for none
 * @param tokens              the agent's tokens as configured
 * @param primaryDatacenter   {@code primary_datacenter}; {@code ""} for the agent's own datacenter
 * @param tokenReplication    {@code enable_token_replication}
 * @param replicationToken    {@code tokens.replication}; {@code ""} for none
 */
public record AclSettings(boolean enabled, DefaultPolicy defaultPolicy, String downPolicy, Duration tokenTtl,
        boolean persistTokens, String initialManagement, AgentTokens.Values tokens, String primaryDatacenter,
        boolean tokenReplication, String replicationToken) {

    /** The configuration PID. */
    public static final String PID = "io.cairn.acl";

    /** Consul's {@code down_policy} values. */
    public static final Set<String> DOWN_POLICIES = Set.of("allow", "deny", "extend-cache", "async-cache");

    /** The settings of an agent without configuration: ACLs disabled. */
    public static final AclSettings DISABLED = new AclSettings(false, DefaultPolicy.ALLOW, "extend-cache",
            Duration.ofSeconds(30), false, "", AgentTokens.Values.NONE);

    /** Settings of an agent whose datacenter is its own primary: nothing to replicate. */
    public AclSettings(boolean enabled, DefaultPolicy defaultPolicy, String downPolicy, Duration tokenTtl,
            boolean persistTokens, String initialManagement, AgentTokens.Values tokens) {
        this(enabled, defaultPolicy, downPolicy, tokenTtl, persistTokens, initialManagement, tokens, "", false, "");
    }

    /** The primary datacenter of an agent of {@code datacenter}. */
    public String primaryFor(String datacenter) {
        return primaryDatacenter.isEmpty() ? datacenter : primaryDatacenter;
    }

    /** Whether an agent of {@code datacenter} is in a secondary datacenter, with ACLs on. */
    public boolean secondaryIn(String datacenter) {
        return enabled && !primaryFor(datacenter).equals(datacenter);
    }

    /**
     * Validates {@code config}, with the tokens from {@code secrets} ({@code acl.tokens.default}, ...; {@code ""}
     * for one not set); {@link IllegalArgumentException} naming the key of a bad value.
     */
    public static AclSettings of(AclConfig config, Function<String, String> secrets) {
        DefaultPolicy defaultPolicy;
        try {
            defaultPolicy = DefaultPolicy.of(config.default__policy());
        } catch (IllegalArgumentException e) {
            throw invalid("default_policy", config.default__policy(), "allow or deny");
        }
        if (!DOWN_POLICIES.contains(config.down__policy())) {
            throw invalid("down_policy", config.down__policy(), "allow, deny, extend-cache or async-cache");
        }
        Duration ttl;
        try {
            ttl = GoDuration.parse(config.token__ttl());
        } catch (RuntimeException e) {
            throw invalid("token_ttl", config.token__ttl(), "a duration such as 30s");
        }
        if (ttl.isNegative()) {
            throw invalid("token_ttl", config.token__ttl(), "a duration that is not negative");
        }
        return new AclSettings(config.enabled(), defaultPolicy, config.down__policy(), ttl,
                config.enable__token__persistence(), secrets.apply("acl.tokens.initial_management"),
                new AgentTokens.Values(secrets.apply("acl.tokens.default"), secrets.apply("acl.tokens.agent"),
                        secrets.apply("acl.tokens.agent_recovery"), ""),
                config.primary__datacenter().trim(), config.enable__token__replication(),
                secrets.apply("acl.tokens.replication"));
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(PID + ": invalid acl." + key + " \"" + value + "\": must be " + expected);
    }
}
