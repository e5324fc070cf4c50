package io.cairn.acl.internal;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.cairn.json.lang.ReplicatedJson;
import io.cairn.acl.api.AclPolicy;
import io.cairn.acl.api.AclRole;
import io.cairn.acl.api.AclToken;
import io.cairn.acl.api.ServiceIdentity;
import io.cairn.acl.rules.PolicyRules;
import io.cairn.acl.rules.RulesException;
import io.cairn.acl.rules.RulesSyntax;

/**
 * One replicated ACL command. Everything random or time-dependent (IDs, secrets, creation and expiration times) is
 * chosen by the submitting server, so the apply stays deterministic.
 *
 * @param op         one of the operation constants
 * @param token      the token to create or update, or to create at bootstrap; {@code null} otherwise
 * @param policy     the policy to create or update; {@code null} otherwise
 * @param role       the role to create or update; {@code null} otherwise
 * @param id         the ID of the token, policy or role to delete; {@code null} otherwise
 * @param tokens     for {@code init}: the built-in tokens to create if missing; for {@code reap}: the expired
 *                   tokens to delete (only their accessor IDs are read); for {@code replicate-tokens}: the global
 *                   tokens to store as the primary datacenter has them
 * @param resetIndex for {@code bootstrap}: the reset index the operator wrote into
 *                   {@code acl-bootstrap-reset}, 0 for none
 * @param policies   for {@code replicate-policies}: the policies to store as the primary has them; {@code null}
 *                   otherwise (and then not encoded, so the other commands keep their encoding)
 * @param roles      for {@code replicate-roles}: the roles to store as the primary has them; {@code null} otherwise
 * @param deletes    for the {@code replicate-*} operations: the IDs to delete first; {@code null} otherwise
 */
public record AclCommand(String op, AclToken token, AclPolicy policy, AclRole role, String id, List<AclToken> tokens,
        long resetIndex, @JsonInclude(JsonInclude.Include.NON_NULL) List<AclPolicy> policies,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AclRole> roles,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> deletes) {

    static final String BOOTSTRAP = "bootstrap";
    static final String CREATE_TOKEN = "create-token";
    static final String UPDATE_TOKEN = "update-token";
    static final String DELETE_TOKEN = "delete-token";
    static final String CREATE_POLICY = "create-policy";
    static final String UPDATE_POLICY = "update-policy";
    static final String DELETE_POLICY = "delete-policy";
    static final String CREATE_ROLE = "create-role";
    static final String UPDATE_ROLE = "update-role";
    static final String DELETE_ROLE = "delete-role";
    static final String INIT = "init";
    static final String REAP = "reap";
    static final String REPLICATE_POLICIES = "replicate-policies";
    static final String REPLICATE_ROLES = "replicate-roles";
    static final String REPLICATE_TOKENS = "replicate-tokens";

    private static final Pattern POLICY_NAME = Pattern.compile("^[A-Za-z0-9\\-_]{1,128}$");
    private static final Pattern ROLE_NAME = Pattern.compile("^[A-Za-z0-9\\-_]{1,256}$");
    private static final Pattern SERVICE_NAME = Pattern.compile("^[a-z0-9]([a-z0-9\\-_]*[a-z0-9])?$");

    public AclCommand {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        policies = policies == null ? null : List.copyOf(policies);
        roles = roles == null ? null : List.copyOf(roles);
        deletes = deletes == null ? null : List.copyOf(deletes);
    }

    AclCommand(String op, AclToken token, AclPolicy policy, AclRole role, String id, List<AclToken> tokens,
            long resetIndex) {
        this(op, token, policy, role, id, tokens, resetIndex, null, null, null);
    }

    static AclCommand bootstrap(AclToken token, long resetIndex) {
        return new AclCommand(BOOTSTRAP, token, null, null, null, null, resetIndex);
    }

    static AclCommand token(String op, AclToken token) {
        return new AclCommand(op, token, null, null, null, null, 0);
    }

    static AclCommand policy(String op, AclPolicy policy) {
        return new AclCommand(op, null, policy, null, null, null, 0);
    }

    static AclCommand role(String op, AclRole role) {
        return new AclCommand(op, null, null, role, null, null, 0);
    }

    static AclCommand delete(String op, String id) {
        return new AclCommand(op, null, null, null, id, null, 0);
    }

    static AclCommand init(List<AclToken> builtins) {
        return new AclCommand(INIT, null, null, null, null, builtins, 0);
    }

    static AclCommand reap(List<AclToken> expired) {
        return new AclCommand(REAP, null, null, null, null, expired, 0);
    }

    /** Stores {@code upserts} as the primary datacenter has them, after deleting the policies of {@code deletes}. */
    static AclCommand replicatePolicies(List<AclPolicy> upserts, List<String> deletes) {
        return new AclCommand(REPLICATE_POLICIES, null, null, null, null, null, 0, upserts, null, deletes);
    }

    /** Stores {@code upserts} as the primary datacenter has them, after deleting the roles of {@code deletes}. */
    static AclCommand replicateRoles(List<AclRole> upserts, List<String> deletes) {
        return new AclCommand(REPLICATE_ROLES, null, null, null, null, null, 0, null, upserts, deletes);
    }

    /**
     * Stores the global tokens {@code upserts} as the primary datacenter has them, after deleting the global tokens
     * of {@code deletes}; local tokens are never touched.
     */
    static AclCommand replicateTokens(List<AclToken> upserts, List<String> deletes) {
        return new AclCommand(REPLICATE_TOKENS, null, null, null, null, upserts, 0, null, null, deletes);
    }

    /**
     * Checks what does not depend on the state, with Consul's texts: {@link IllegalArgumentException} for a
     * command no server should apply.
     */
    void validate() {
        switch (op == null ? "" : op) {
            case BOOTSTRAP, CREATE_TOKEN, UPDATE_TOKEN -> validate(token);
            case CREATE_POLICY, UPDATE_POLICY -> validate(policy);
            case CREATE_ROLE, UPDATE_ROLE -> validate(role);
            case DELETE_TOKEN, DELETE_POLICY, DELETE_ROLE -> require(id != null && !id.isEmpty(), "Missing ID");
            case INIT, REAP -> tokens.forEach(t -> require(!t.accessorId().isEmpty(), "Missing token AccessorID"));
            case REPLICATE_POLICIES -> {
                require(policies != null && deletes != null, "Missing replicated policies");
                policies.forEach(p -> require(!p.id().isEmpty() && !p.name().isEmpty(), "Missing policy ID"));
            }
            case REPLICATE_ROLES -> {
                require(roles != null && deletes != null, "Missing replicated roles");
                roles.forEach(r -> require(!r.id().isEmpty() && !r.name().isEmpty(), "Missing role ID"));
            }
            case REPLICATE_TOKENS -> {
                require(deletes != null, "Missing replicated tokens");
                tokens.forEach(t -> require(!t.accessorId().isEmpty() && !t.secretId().isEmpty() && !t.local(),
                        "Missing token AccessorID"));
            }
            default -> throw new IllegalArgumentException("Unknown ACL operation: " + op);
        }
    }

    private static void validate(AclToken token) {
        require(token != null && !token.accessorId().isEmpty(), "Missing token AccessorID");
        validateServiceIdentities(token.serviceIdentities());
        token.nodeIdentities().forEach(identity -> {
            require(!identity.nodeName().isEmpty(), "Node identity is missing the node name field on this token");
            require(!identity.datacenter().isEmpty(), "Node identity is missing the datacenter field on this token");
        });
    }

    private static void validate(AclPolicy policy) {
        require(policy != null && !policy.id().isEmpty(), "Missing policy ID");
        require(!policy.name().isEmpty(), "Invalid Policy: no Name is set");
        require(POLICY_NAME.matcher(policy.name()).matches(),
                "Invalid Policy: invalid Name. Only alphanumeric characters, '-' and '_' are allowed");
        validateRules(policy.rules());
    }

    private static void validate(AclRole role) {
        require(role != null && !role.id().isEmpty(), "Missing role ID");
        require(!role.name().isEmpty(), "Invalid Role: no Name is set");
        require(ROLE_NAME.matcher(role.name()).matches(),
                "Invalid Role: invalid Name. Only alphanumeric characters, '-' and '_' are allowed");
        validateServiceIdentities(role.serviceIdentities());
    }

    private static void validateServiceIdentities(List<ServiceIdentity> identities) {
        identities.forEach(identity -> require(SERVICE_NAME.matcher(identity.serviceName()).matches(),
                "Service identity \"" + identity.serviceName() + "\" has an invalid name. Only lowercase "
                        + "alphanumeric characters, '-' and '_' are allowed"));
    }

    /** Parses {@code rules} as Consul does when a policy is written; the refusal's text is Consul's. */
    static PolicyRules validateRules(String rules) {
        try {
            return PolicyRules.parse(rules, RulesSyntax.CONSUL);
        } catch (RulesException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    byte[] encode() {
        return ReplicatedJson.encode(this);
    }

    static AclCommand decode(byte[] payload) {
        return ReplicatedJson.decode(payload, AclCommand.class);
    }
}
