package io.cairn.acl.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.cairn.json.lang.ReplicatedJson;
import io.cairn.acl.api.AclLink;
import io.cairn.acl.api.AclPolicy;
import io.cairn.acl.api.AclRole;
import io.cairn.acl.api.AclToken;
import io.cairn.go.lang.GoQuote;
import io.cairn.raft.api.StateView;
import io.cairn.raft.api.StateWriter;

/**
 * The deterministic apply of {@link AclCommand}s to the {@link AclTables} with Consul's state-store rules: unique
 * names, links that name existing policies and roles (a link given by name is stored by ID), the built-in
 * global-management policy and anonymous token protected, and links to a deleted policy or role removed from every
 * token and role. What a secondary datacenter replicates from the primary is stored as the primary has it, links by
 * ID whether or not they name anything yet (a later batch may bring it), and never over a local token. Refusals are {@link IllegalArgumentException}s with Consul's texts; hashes are computed here.
 */
final class AclStore {

    static final String BOOTSTRAP_REFUSED = "ACL bootstrap no longer allowed";
    private static final byte[] NONE = new byte[0];

    private AclStore() {
    }

    /** Applies one command; throws {@link IllegalArgumentException} (writing nothing) for a refused one. */
    static byte[] apply(AclCommand command, StateWriter state) {
        switch (command.op()) {
            case AclCommand.BOOTSTRAP -> bootstrap(command, state);
            case AclCommand.CREATE_TOKEN -> createToken(command.token(), state);
            case AclCommand.UPDATE_TOKEN -> updateToken(command.token(), state);
            case AclCommand.DELETE_TOKEN -> deleteToken(command.id(), state);
            case AclCommand.CREATE_POLICY -> createPolicy(command.policy(), state);
            case AclCommand.UPDATE_POLICY -> updatePolicy(command.policy(), state);
            case AclCommand.DELETE_POLICY -> deletePolicy(command.id(), state);
            case AclCommand.CREATE_ROLE -> setRole(command.role(), true, state);
            case AclCommand.UPDATE_ROLE -> setRole(command.role(), false, state);
            case AclCommand.DELETE_ROLE -> deleteRole(command.id(), state);
            case AclCommand.INIT -> init(command.tokens(), state);
            case AclCommand.REAP -> command.tokens().forEach(t -> removeToken(t.accessorId(), state));
            case AclCommand.REPLICATE_POLICIES -> replicatePolicies(command, state);
            case AclCommand.REPLICATE_ROLES -> replicateRoles(command, state);
            case AclCommand.REPLICATE_TOKENS -> replicateTokens(command, state);
            default -> throw new IllegalArgumentException("Unknown ACL operation: " + command.op());
        }
        return NONE;
    }

    private static void bootstrap(AclCommand command, StateWriter state) {
        Optional<Long> done = AclTables.bootstrapIndex(state);
        if (done.isPresent() && done.get() != command.resetIndex()) {
            throw new IllegalArgumentException(BOOTSTRAP_REFUSED + " (reset index: " + done.get() + ")");
        }
        ensureGlobalManagement(state);
        state.put(AclTables.BOOTSTRAP, AclTables.BOOTSTRAPPED, NONE);
        createToken(command.token(), state);
    }

    /** Creates what is missing of the built-ins: the global-management policy, then each of {@code tokens}. */
    private static void init(List<AclToken> tokens, StateWriter state) {
        ensureGlobalManagement(state);
        for (AclToken token : tokens) {
            if (state.get(AclTables.TOKENS, token.accessorId()).isEmpty()
                    && state.get(AclTables.SECRETS, token.secretId()).isEmpty()) {
                createToken(token, state);
            }
        }
    }

    private static void ensureGlobalManagement(StateWriter state) {
        if (state.get(AclTables.POLICIES, AclPolicy.GLOBAL_MANAGEMENT_ID).isEmpty()) {
            putPolicy(AclPolicy.GLOBAL_MANAGEMENT, state);
        }
    }

    private static void createToken(AclToken token, StateWriter state) {
        if (state.get(AclTables.TOKENS, token.accessorId()).isPresent()) {
            throw new IllegalArgumentException("Invalid Token: AccessorID is already in use");
        }
        if (token.secretId().isEmpty()) {
            throw new IllegalArgumentException("Invalid Token: SecretID is missing");
        }
        if (state.get(AclTables.SECRETS, token.secretId()).isPresent()) {
            throw new IllegalArgumentException("Invalid Token: SecretID is already in use");
        }
        putToken(token, state);
    }

    private static void updateToken(AclToken update, StateWriter state) {
        AclToken existing = AclTables.token(state, update.accessorId()).orElseThrow(() ->
                new IllegalArgumentException("Cannot find token " + GoQuote.quote(update.accessorId())));
        if (!update.secretId().isEmpty() && !update.secretId().equals(existing.secretId())) {
            throw new IllegalArgumentException("Changing a tokens SecretID is not permitted");
        }
        if (update.local() != existing.local()) {
            throw new IllegalArgumentException("Cannot toggle local mode of " + existing.accessorId());
        }
        if (!update.expirationTime().isEmpty() && !update.expirationTime().equals(existing.expirationTime())) {
            throw new IllegalArgumentException("Cannot change expiration time of " + existing.accessorId());
        }
        putToken(new AclToken(existing.accessorId(), existing.secretId(), update.description(), update.policies(),
                update.roles(), update.serviceIdentities(), update.nodeIdentities(), existing.local(),
                existing.expirationTime(), existing.createTime(), "", 0, 0), state);
    }

    /** Stores {@code token} with its links resolved to IDs and its hash. */
    private static void putToken(AclToken t, StateWriter state) {
        AclToken stored = new AclToken(t.accessorId(), t.secretId(), t.description(),
                links(t.policies(), "policy", id -> AclTables.policy(state, id).map(AclPolicy::id),
                        name -> AclTables.policyByName(state, name).map(AclPolicy::id)),
                links(t.roles(), "role", id -> AclTables.role(state, id).map(AclRole::id),
                        name -> AclTables.roleByName(state, name).map(AclRole::id)),
                t.serviceIdentities(), t.nodeIdentities(), t.local(), t.expirationTime(), t.createTime(), "", 0, 0);
        state.put(AclTables.TOKENS, t.accessorId(), ReplicatedJson.encode(withHash(stored)));
        state.put(AclTables.SECRETS, t.secretId(), t.accessorId().getBytes(StandardCharsets.UTF_8));
    }

    private static AclToken withHash(AclToken t) {
        return new AclToken(t.accessorId(), t.secretId(), t.description(), t.policies(), t.roles(),
                t.serviceIdentities(), t.nodeIdentities(), t.local(), t.expirationTime(), t.createTime(),
                AclHash.of(t), 0, 0);
    }

    /**
     * {@code links} as stored: each by the ID of what it names (by ID if given, else by name), once each, in order;
     * refused with Consul's text when one names nothing.
     */
    private static List<AclLink> links(List<AclLink> links, String kind, Function<String, Optional<String>> byId,
            Function<String, Optional<String>> byName) {
        Map<String, AclLink> resolved = new LinkedHashMap<>();
        for (AclLink link : links) {
            String id = link.id().isEmpty()
                    ? byName.apply(link.name()).orElseThrow(() -> new IllegalArgumentException(
                            "No such ACL " + kind + " with name " + GoQuote.quote(link.name())))
                    : byId.apply(link.id()).orElseThrow(() -> new IllegalArgumentException(
                            "No such ACL " + kind + " with ID " + GoQuote.quote(link.id())));
            resolved.putIfAbsent(id, new AclLink(id, ""));
        }
        return List.copyOf(resolved.values());
    }

    private static void deleteToken(String accessorId, StateWriter state) {
        if (AclToken.ANONYMOUS_ID.equals(accessorId)) {
            throw new IllegalArgumentException("Delete operation not permitted on the anonymous token");
        }
        removeToken(accessorId, state);
    }

    private static void removeToken(String accessorId, StateWriter state) {
        state.get(AclTables.TOKENS, accessorId).map(AclTables::storedToken).ifPresent(token -> {
            state.delete(AclTables.TOKENS, accessorId);
            state.delete(AclTables.SECRETS, token.secretId());
        });
    }

    private static void createPolicy(AclPolicy policy, StateWriter state) {
        if (state.get(AclTables.POLICIES, policy.id()).isPresent()) {
            throw new IllegalArgumentException("Invalid Policy: A Policy with ID " + GoQuote.quote(policy.id())
                    + " already exists");
        }
        requireFreeName(AclTables.POLICY_NAMES, "Policy", policy.name(), policy.id(), state);
        putPolicy(policy, state);
    }

    private static void updatePolicy(AclPolicy policy, StateWriter state) {
        AclPolicy existing = AclTables.policy(state, policy.id()).orElseThrow(() ->
                new IllegalArgumentException("cannot find policy " + policy.id()));
        if (AclPolicy.GLOBAL_MANAGEMENT_ID.equals(policy.id())) {
            if (!policy.rules().equals(existing.rules())) {
                throw new IllegalArgumentException(
                        "Changing the Rules for the builtin global-management policy is not permitted");
            }
            if (!policy.datacenters().equals(existing.datacenters())) {
                throw new IllegalArgumentException(
                        "Changing the Datacenters of the builtin global-management policy is not permitted");
            }
        }
        requireFreeName(AclTables.POLICY_NAMES, "Policy", policy.name(), policy.id(), state);
        state.delete(AclTables.POLICY_NAMES, AclTables.nameKey(existing.name()));
        putPolicy(policy, state);
    }

    private static void putPolicy(AclPolicy p, StateWriter state) {
        AclPolicy stored = new AclPolicy(p.id(), p.name(), p.description(), p.rules(), p.datacenters(), "", 0, 0);
        state.put(AclTables.POLICIES, p.id(), ReplicatedJson.encode(new AclPolicy(p.id(), p.name(), p.description(),
                p.rules(), p.datacenters(), AclHash.of(stored), 0, 0)));
        state.put(AclTables.POLICY_NAMES, AclTables.nameKey(p.name()), p.id().getBytes(StandardCharsets.UTF_8));
    }

    private static void deletePolicy(String id, StateWriter state) {
        if (AclPolicy.GLOBAL_MANAGEMENT_ID.equals(id)) {
            throw new IllegalArgumentException(
                    "Delete operation not permitted on the builtin global-management policy");
        }
        AclTables.policy(state, id).ifPresent(policy -> {
            state.delete(AclTables.POLICIES, id);
            state.delete(AclTables.POLICY_NAMES, AclTables.nameKey(policy.name()));
            AclTables.storedTokens(state).filter(t -> links(t.policies(), id)).toList().forEach(t ->
                    putToken(new AclToken(t.accessorId(), t.secretId(), t.description(), without(t.policies(), id),
                            t.roles(), t.serviceIdentities(), t.nodeIdentities(), t.local(), t.expirationTime(),
                            t.createTime(), "", 0, 0), state));
            AclTables.storedRoles(state).filter(r -> links(r.policies(), id)).toList().forEach(r ->
                    putRole(new AclRole(r.id(), r.name(), r.description(), without(r.policies(), id),
                            r.serviceIdentities(), r.nodeIdentities(), "", 0, 0), state));
        });
    }

    private static void setRole(AclRole role, boolean create, StateWriter state) {
        Optional<AclRole> existing = AclTables.role(state, role.id());
        if (create && existing.isPresent()) {
            throw new IllegalArgumentException("Invalid Role: A Role with ID " + GoQuote.quote(role.id())
                    + " already exists");
        }
        if (!create && existing.isEmpty()) {
            throw new IllegalArgumentException("cannot find role " + role.id());
        }
        requireFreeName(AclTables.ROLE_NAMES, "Role", role.name(), role.id(), state);
        existing.ifPresent(r -> state.delete(AclTables.ROLE_NAMES, AclTables.nameKey(r.name())));
        putRole(role, state);
    }

    private static void putRole(AclRole r, StateWriter state) {
        AclRole stored = new AclRole(r.id(), r.name(), r.description(),
                links(r.policies(), "policy", id -> AclTables.policy(state, id).map(AclPolicy::id),
                        name -> AclTables.policyByName(state, name).map(AclPolicy::id)),
                r.serviceIdentities(), r.nodeIdentities(), "", 0, 0);
        state.put(AclTables.ROLES, r.id(), ReplicatedJson.encode(new AclRole(stored.id(), stored.name(),
                stored.description(), stored.policies(), stored.serviceIdentities(), stored.nodeIdentities(),
                AclHash.of(stored), 0, 0)));
        state.put(AclTables.ROLE_NAMES, AclTables.nameKey(r.name()), r.id().getBytes(StandardCharsets.UTF_8));
    }

    private static void deleteRole(String id, StateWriter state) {
        AclTables.role(state, id).ifPresent(role -> {
            state.delete(AclTables.ROLES, id);
            state.delete(AclTables.ROLE_NAMES, AclTables.nameKey(role.name()));
            AclTables.storedTokens(state).filter(t -> links(t.roles(), id)).toList().forEach(t ->
                    putToken(new AclToken(t.accessorId(), t.secretId(), t.description(), t.policies(),
                            without(t.roles(), id), t.serviceIdentities(), t.nodeIdentities(), t.local(),
                            t.expirationTime(), t.createTime(), "", 0, 0), state));
        });
    }

    private static void replicatePolicies(AclCommand command, StateWriter state) {
        command.deletes().forEach(id -> deletePolicy(id, state));
        for (AclPolicy policy : command.policies()) {
            AclTables.policy(state, policy.id()).ifPresent(old -> dropName(AclTables.POLICY_NAMES, old.name(),
                    old.id(), state));
            putPolicy(policy, state);
        }
    }

    private static void replicateRoles(AclCommand command, StateWriter state) {
        command.deletes().forEach(id -> deleteRole(id, state));
        for (AclRole r : command.roles()) {
            AclTables.role(state, r.id()).ifPresent(old -> dropName(AclTables.ROLE_NAMES, old.name(), old.id(),
                    state));
            AclRole stored = new AclRole(r.id(), r.name(), r.description(), byId(r.policies()),
                    r.serviceIdentities(), r.nodeIdentities(), "", 0, 0);
            state.put(AclTables.ROLES, r.id(), ReplicatedJson.encode(new AclRole(stored.id(), stored.name(),
                    stored.description(), stored.policies(), stored.serviceIdentities(), stored.nodeIdentities(),
                    AclHash.of(stored), 0, 0)));
            state.put(AclTables.ROLE_NAMES, AclTables.nameKey(r.name()), r.id().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void replicateTokens(AclCommand command, StateWriter state) {
        command.deletes().forEach(id -> AclTables.token(state, id).filter(t -> !t.local())
                .ifPresent(t -> removeToken(id, state)));
        for (AclToken t : command.tokens()) {
            Optional<AclToken> existing = AclTables.token(state, t.accessorId());
            if (existing.map(AclToken::local).orElse(false) || state.get(AclTables.SECRETS, t.secretId())
                    .map(AclTables::text).filter(owner -> !owner.equals(t.accessorId())).isPresent()) {
                continue;
            }
            existing.ifPresent(old -> removeToken(old.accessorId(), state));
            AclToken stored = new AclToken(t.accessorId(), t.secretId(), t.description(), byId(t.policies()),
                    byId(t.roles()), t.serviceIdentities(), t.nodeIdentities(), false, t.expirationTime(),
                    t.createTime(), "", 0, 0);
            state.put(AclTables.TOKENS, t.accessorId(), ReplicatedJson.encode(withHash(stored)));
            state.put(AclTables.SECRETS, t.secretId(), t.accessorId().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Links as stored, by ID only. */
    private static List<AclLink> byId(List<AclLink> links) {
        return links.stream().map(link -> new AclLink(link.id(), "")).toList();
    }

    /** Removes the name index entry of {@code name} if it still names {@code id}. */
    private static void dropName(String namesTable, String name, String id, StateWriter state) {
        state.get(namesTable, AclTables.nameKey(name)).map(AclTables::text).filter(id::equals)
                .ifPresent(owner -> state.delete(namesTable, AclTables.nameKey(name)));
    }

    /** Refuses {@code name} when a {@code kind} other than {@code id} has it: Consul's text. */
    private static void requireFreeName(String namesTable, String kind, String name, String id, StateView state) {
        state.get(namesTable, AclTables.nameKey(name)).map(AclTables::text).filter(owner -> !owner.equals(id))
                .ifPresent(owner -> {
                    throw new IllegalArgumentException("Invalid " + kind + ": A " + kind + " with Name "
                            + GoQuote.quote(name) + " already exists");
                });
    }

    private static boolean links(List<AclLink> links, String id) {
        return links.stream().anyMatch(link -> link.id().equals(id));
    }

    private static List<AclLink> without(List<AclLink> links, String id) {
        List<AclLink> kept = new ArrayList<>(links);
        kept.removeIf(link -> link.id().equals(id));
        return kept;
    }
}
