package io.cairn.acl.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import io.cairn.json.lang.ReplicatedJson;
import io.cairn.acl.api.AclLink;
import io.cairn.acl.api.AclPolicy;
import io.cairn.acl.api.AclRole;
import io.cairn.acl.api.AclToken;
import io.cairn.raft.api.Entry;
import io.cairn.raft.api.StateView;

/**
 * The replicated ACL tables and their reads. Tokens are keyed by accessor ID, with an index from secret to
 * accessor; policies and roles by ID, with an index from lower-cased name to ID (names compare
 * case-insensitively, as Consul's name indexes do); the bootstrap record's modify index is the bootstrap reset
 * index. Records store their links by ID only: a read fills in the linked policy's or role's current name.
 */
public final class AclTables {

    /** Tokens by accessor ID. */
    public static final String TOKENS = "acl-tokens";
    /** Accessor IDs (UTF-8) by secret ID. */
    public static final String SECRETS = "acl-token-secrets";
    /** Policies by ID. */
    public static final String POLICIES = "acl-policies";
    /** Policy IDs (UTF-8) by lower-cased name. */
    public static final String POLICY_NAMES = "acl-policy-names";
    /** Roles by ID. */
    public static final String ROLES = "acl-roles";
    /** Role IDs (UTF-8) by lower-cased name. */
    public static final String ROLE_NAMES = "acl-role-names";
    /** The bootstrap record, under {@value #BOOTSTRAPPED}. */
    public static final String BOOTSTRAP = "acl-bootstrap";
    static final String BOOTSTRAPPED = "bootstrapped";

    private AclTables() {
    }

    /** Moves whenever a token, policy or role changes: what a cache of resolved tokens is valid for. */
    public static long version(StateView state) {
        return Math.max(state.index(TOKENS, ""), Math.max(state.index(POLICIES, ""), state.index(ROLES, "")));
    }

    /** The index a read of {@code table} reports: never 0, so a watcher of an empty table has one to block on. */
    public static long index(StateView state, String table) {
        return Math.max(1, state.index(table, ""));
    }

    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static String text(Entry entry) {
        return new String(entry.value(), StandardCharsets.UTF_8);
    }

    /** The reset index of a completed bootstrap; empty while bootstrap is allowed. */
    public static Optional<Long> bootstrapIndex(StateView state) {
        return state.get(BOOTSTRAP, BOOTSTRAPPED).map(Entry::modifyIndex);
    }

    /** The token with {@code accessorId}, links named, expired or not. */
    public static Optional<AclToken> token(StateView state, String accessorId) {
        return state.get(TOKENS, accessorId).map(entry -> named(state, storedToken(entry)));
    }

    /** The token whose secret is {@code secretId}, links named, expired or not. */
    public static Optional<AclToken> tokenBySecret(StateView state, String secretId) {
        return state.get(SECRETS, secretId).flatMap(entry -> token(state, text(entry)));
    }

    /** Every token, links named, in accessor order. */
    public static List<AclToken> tokens(StateView state) {
        return storedTokens(state).map(token -> named(state, token)).toList();
    }

    static Stream<AclToken> storedTokens(StateView state) {
        return state.scan(TOKENS, "").stream().map(AclTables::storedToken);
    }

    static AclToken storedToken(Entry entry) {
        AclToken t = ReplicatedJson.decode(entry.value(), AclToken.class);
        return new AclToken(t.accessorId(), t.secretId(), t.description(), t.policies(), t.roles(),
                t.serviceIdentities(), t.nodeIdentities(), t.local(), t.expirationTime(), t.createTime(), t.hash(),
                entry.createIndex(), entry.modifyIndex());
    }

    private static AclToken named(StateView state, AclToken t) {
        return new AclToken(t.accessorId(), t.secretId(), t.description(), named(t.policies(), id -> policy(state, id)
                .map(AclPolicy::name)), named(t.roles(), id -> role(state, id).map(AclRole::name)),
                t.serviceIdentities(), t.nodeIdentities(), t.local(), t.expirationTime(), t.createTime(), t.hash(),
                t.createIndex(), t.modifyIndex());
    }

    private static List<AclLink> named(List<AclLink> links, Function<String, Optional<String>> nameOf) {
        return links.stream().map(link -> new AclLink(link.id(), nameOf.apply(link.id()).orElse(""))).toList();
    }

    /** The policy with {@code id}. */
    public static Optional<AclPolicy> policy(StateView state, String id) {
        return state.get(POLICIES, id).map(AclTables::policy);
    }

    /** The policy named {@code name} (case-insensitively). */
    public static Optional<AclPolicy> policyByName(StateView state, String name) {
        return state.get(POLICY_NAMES, nameKey(name)).flatMap(entry -> policy(state, text(entry)));
    }

    /** Every policy, in ID order. */
    public static List<AclPolicy> policies(StateView state) {
        return state.scan(POLICIES, "").stream().map(AclTables::policy).toList();
    }

    private static AclPolicy policy(Entry entry) {
        AclPolicy p = ReplicatedJson.decode(entry.value(), AclPolicy.class);
        return new AclPolicy(p.id(), p.name(), p.description(), p.rules(), p.datacenters(), p.hash(),
                entry.createIndex(), entry.modifyIndex());
    }

    /** The role with {@code id}, links named. */
    public static Optional<AclRole> role(StateView state, String id) {
        return state.get(ROLES, id).map(entry -> named(state, storedRole(entry)));
    }

    /** The role named {@code name} (case-insensitively), links named. */
    public static Optional<AclRole> roleByName(StateView state, String name) {
        return state.get(ROLE_NAMES, nameKey(name)).flatMap(entry -> role(state, text(entry)));
    }

    /** Every role, links named, in ID order. */
    public static List<AclRole> roles(StateView state) {
        return storedRoles(state).map(role -> named(state, role)).toList();
    }

    static Stream<AclRole> storedRoles(StateView state) {
        return state.scan(ROLES, "").stream().map(AclTables::storedRole);
    }

    private static AclRole storedRole(Entry entry) {
        AclRole r = ReplicatedJson.decode(entry.value(), AclRole.class);
        return new AclRole(r.id(), r.name(), r.description(), r.policies(), r.serviceIdentities(),
                r.nodeIdentities(), r.hash(), entry.createIndex(), entry.modifyIndex());
    }

    private static AclRole named(StateView state, AclRole r) {
        return new AclRole(r.id(), r.name(), r.description(), named(r.policies(), id -> policy(state, id)
                .map(AclPolicy::name)), r.serviceIdentities(), r.nodeIdentities(), r.hash(), r.createIndex(),
                r.modifyIndex());
    }
}
