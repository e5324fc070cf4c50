package io.cairn.acl.internal;

import static io.cairn.acl.internal.AclTestKit.byId;
import static io.cairn.acl.internal.AclTestKit.byName;
import static io.cairn.acl.internal.AclTestKit.join;
import static io.cairn.acl.internal.AclTestKit.policy;
import static io.cairn.acl.internal.AclTestKit.role;
import static io.cairn.acl.internal.AclTestKit.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.cairn.acl.api.AclPolicy;
import io.cairn.acl.api.AclRole;
import io.cairn.acl.api.AclToken;
import io.cairn.acl.rules.DefaultPolicy;
import io.cairn.raft.api.StateView;

import org.junit.jupiter.api.Test;

/**
 * Replication from a primary's tables to a secondary's, as {@link AclReplicator} does it without the HTTP: the
 * {@link ReplicationDiff} of each table and its commands applied in small batches.
 */
class AclReplicationTest {

    private static final int BATCH = 2;

    private final AclTestKit primary = new AclTestKit();
    private final AclTestKit secondary = new AclTestKit();

    @Test
    void theDiffStoresWhatIsMissingOrDifferentAndDeletesWhatIsGone() {
        ReplicationDiff diff = ReplicationDiff.of(Map.of("a", "h1", "b", "h2", "c", "h3"),
                Map.of("b", "h2", "c", "old", "d", "h4"));
        assertEquals(List.of("a", "c"), diff.upserts());
        assertEquals(List.of("d"), diff.deletes());
        assertTrue(ReplicationDiff.of(Map.of("a", "h"), Map.of("a", "h")).isEmpty());
        List<AclCommand> commands = new ReplicationDiff(List.of("x", "y", "z"), List.of("d1", "d2", "d3"))
                .commands(List.of(policy("x", "x", ""), policy("y", "y", ""), policy("z", "z", "")), BATCH,
                        AclCommand::replicatePolicies);
        assertEquals(4, commands.size());
        assertEquals(List.of("d1", "d2"), commands.get(0).deletes());
        assertEquals(List.of("d3"), commands.get(1).deletes());
        assertEquals(List.of("z"), commands.get(3).policies().stream().map(AclPolicy::id).toList());
        assertTrue(commands.get(3).deletes().isEmpty());
    }

    @Test
    void theOtherCommandsKeepTheirReplicatedEncoding() {
        assertEquals("{\"id\":\"p1\",\"op\":\"delete-policy\",\"policy\":null,\"resetIndex\":0,\"role\":null,"
                + "\"token\":null,\"tokens\":[]}",
                new String(AclCommand.delete(AclCommand.DELETE_POLICY, "p1").encode()));
    }

    @Test
    void aSecondaryEndsWithThePrimarysPoliciesRolesAndGlobalTokens() {
        primary.leaderRound(AclTestKit.enabled(DefaultPolicy.DENY, ""));
        join(primary.writes.createPolicy(policy("p1", "web", "key_prefix \"web/\" { policy = \"write\" }")));
        join(primary.writes.createPolicy(policy("p2", "db", "key_prefix \"db/\" { policy = \"read\" }")));
        join(primary.writes.createPolicy(policy("p3", "ops", "operator = \"read\"")));
        join(primary.writes.createRole(role("r1", "web-role", byName("web"))));
        join(primary.writes.createToken(token("t1", "s1", byName("web"), byName("db"))));
        join(primary.writes.createToken(token("t2", "s2", byName("ops"))));
        join(primary.writes.createToken(local(token("t3", "s3", byName("web")))));
        secondary.leaderRound(AclTestKit.enabled(DefaultPolicy.DENY, ""));
        join(secondary.writes.createPolicy(policy("p1", "web", "")));
        join(secondary.writes.createToken(local(token("t9", "s9", byId("p1")))));

        replicate();
        assertEquals(hashes(AclTables.policies(primary.raft.state()), AclPolicy::id, AclPolicy::hash),
                hashes(AclTables.policies(secondary.raft.state()), AclPolicy::id, AclPolicy::hash));
        assertEquals(hashes(AclTables.roles(primary.raft.state()), AclRole::id, AclRole::hash),
                hashes(AclTables.roles(secondary.raft.state()), AclRole::id, AclRole::hash));
        assertEquals(globalHashes(primary.raft.state()), globalHashes(secondary.raft.state()));
        assertEquals("key_prefix \"web/\" { policy = \"write\" }",
                AclTables.policyByName(secondary.raft.state(), "web").orElseThrow().rules());
        assertTrue(AclTables.tokenBySecret(secondary.raft.state(), "s1").isPresent());
        assertTrue(AclTables.token(secondary.raft.state(), "t3").isEmpty(), "a local token stays in its datacenter");
        assertTrue(AclTables.token(secondary.raft.state(), "t9").orElseThrow().local());
        long applied = secondary.raft.state().appliedIndex();
        replicate();
        assertEquals(applied, secondary.raft.state().appliedIndex(), "nothing differs: nothing submitted");

        join(primary.writes.updatePolicy(policy("p3", "tmp", "operator = \"write\"")));
        join(primary.writes.updatePolicy(policy("p2", "ops", "key_prefix \"db/\" { policy = \"write\" }")));
        join(primary.writes.updatePolicy(policy("p3", "db", "operator = \"write\"")));
        join(primary.writes.deletePolicy("p1"));
        join(primary.writes.deleteToken("t2"));
        replicate();
        StateView state = secondary.raft.state();
        assertEquals("p2", AclTables.policyByName(state, "ops").orElseThrow().id(), "renamed both ways");
        assertEquals("p3", AclTables.policyByName(state, "db").orElseThrow().id());
        assertTrue(AclTables.policy(state, "p1").isEmpty());
        assertTrue(AclTables.token(state, "t2").isEmpty());
        assertTrue(state.get(AclTables.SECRETS, "s2").isEmpty());
        assertEquals(List.of("p2"), AclTables.token(state, "t1").orElseThrow().policies().stream()
                .map(link -> link.id()).toList());
        AclToken localToken = AclTables.token(state, "t9").orElseThrow();
        assertTrue(localToken.local() && localToken.policies().isEmpty(), "kept, unlinked from the deleted policy");
        assertEquals(globalHashes(primary.raft.state()), globalHashes(state));
    }

    private static AclToken local(AclToken t) {
        return new AclToken(t.accessorId(), t.secretId(), t.description(), t.policies(), t.roles(),
                t.serviceIdentities(), t.nodeIdentities(), true, t.expirationTime(), t.createTime(), t.hash(), 0, 0);
    }

    /** One round of each table, as the secondary's leader runs them. */
    private void replicate() {
        List<AclPolicy> policies = AclTables.policies(primary.raft.state());
        ReplicationDiff policyDiff = ReplicationDiff.of(hashes(policies, AclPolicy::id, AclPolicy::hash),
                hashes(AclTables.policies(secondary.raft.state()), AclPolicy::id, AclPolicy::hash));
        apply(policyDiff.commands(policies.stream().filter(p -> policyDiff.upserts().contains(p.id())).toList(),
                BATCH, AclCommand::replicatePolicies));
        List<AclRole> roles = AclTables.roles(primary.raft.state());
        ReplicationDiff roleDiff = ReplicationDiff.of(hashes(roles, AclRole::id, AclRole::hash),
                hashes(AclTables.roles(secondary.raft.state()), AclRole::id, AclRole::hash));
        apply(roleDiff.commands(roles.stream().filter(r -> roleDiff.upserts().contains(r.id())).toList(), BATCH,
                AclCommand::replicateRoles));
        List<AclToken> tokens = AclTables.tokens(primary.raft.state()).stream().filter(t -> !t.local()).toList();
        ReplicationDiff tokenDiff = ReplicationDiff.of(globalHashes(primary.raft.state()),
                globalHashes(secondary.raft.state()));
        apply(tokenDiff.commands(tokens.stream().filter(t -> tokenDiff.upserts().contains(t.accessorId()))
                .toList(), BATCH, AclCommand::replicateTokens));
    }

    private void apply(List<AclCommand> commands) {
        commands.forEach(command -> join(secondary.raft.submit(AclCommandHandler.COMMAND_TYPE, command.encode())));
    }

    private static Map<String, String> globalHashes(StateView state) {
        return hashes(AclTables.tokens(state).stream().filter(t -> !t.local()).toList(), AclToken::accessorId,
                AclToken::hash);
    }

    private static <T> Map<String, String> hashes(List<T> records, Function<T, String> id,
            Function<T, String> hash) {
        return records.stream().collect(Collectors.toMap(id, hash));
    }
}
