package io.cairn.acl.internal;

import static io.cairn.acl.internal.AclTestKit.byId;
import static io.cairn.acl.internal.AclTestKit.byName;
import static io.cairn.acl.internal.AclTestKit.join;
import static io.cairn.acl.internal.AclTestKit.policy;
import static io.cairn.acl.internal.AclTestKit.refusal;
import static io.cairn.acl.internal.AclTestKit.role;
import static io.cairn.acl.internal.AclTestKit.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import io.cairn.acl.api.AclLink;
import io.cairn.acl.api.AclPolicy;
import io.cairn.acl.api.AclRole;
import io.cairn.acl.api.AclToken;
import io.cairn.acl.rules.DefaultPolicy;

import org.junit.jupiter.api.Test;

class AclStoreTest {

    private final AclTestKit kit = new AclTestKit();

    @Test
    void bootstrapsOnceUntilTheResetIndexIsGiven() {
        join(kit.writes.bootstrap(token("a1", "s1", byId(AclPolicy.GLOBAL_MANAGEMENT_ID)), 0));
        long resetIndex = AclTables.bootstrapIndex(kit.raft.state()).orElseThrow();
        assertTrue(AclTables.policy(kit.raft.state(), AclPolicy.GLOBAL_MANAGEMENT_ID).isPresent());
        assertEquals("global-management", AclTables.tokenBySecret(kit.raft.state(), "s1").orElseThrow()
                .policies().get(0).name());
        assertEquals("ACL bootstrap no longer allowed (reset index: " + resetIndex + ")",
                refusal(kit.writes.bootstrap(token("a2", "s2"), 0)));
        assertEquals("ACL bootstrap no longer allowed (reset index: " + resetIndex + ")",
                refusal(kit.writes.bootstrap(token("a2", "s2"), resetIndex + 7)));
        join(kit.writes.bootstrap(token("a2", "s2", byId(AclPolicy.GLOBAL_MANAGEMENT_ID)), resetIndex));
        long next = AclTables.bootstrapIndex(kit.raft.state()).orElseThrow();
        assertTrue(next > resetIndex);
        assertTrue(refusal(kit.writes.bootstrap(token("a3", "s3"), resetIndex)).contains("reset index: " + next));
    }

    @Test
    void theLeaderCreatesTheBuiltinsOnceAndReapsExpiredTokens() {
        AclSettings settings = AclTestKit.enabled(DefaultPolicy.DENY, "root-secret");
        kit.leaderRound(settings);
        AclToken anonymous = AclTables.token(kit.raft.state(), AclToken.ANONYMOUS_ID).orElseThrow();
        assertEquals(AclToken.ANONYMOUS_SECRET, anonymous.secretId());
        assertTrue(anonymous.policies().isEmpty());
        AclToken root = AclTables.tokenBySecret(kit.raft.state(), "root-secret").orElseThrow();
        assertEquals(List.of(new AclLink(AclPolicy.GLOBAL_MANAGEMENT_ID, "global-management")), root.policies());
        AclPolicy management = AclTables.policy(kit.raft.state(), AclPolicy.GLOBAL_MANAGEMENT_ID).orElseThrow();
        assertFalse(management.hash().isEmpty());
        long index = kit.raft.state().appliedIndex();
        kit.leaderRound(settings);
        assertEquals(index, kit.raft.state().appliedIndex(), "nothing missing: nothing submitted");

        AclToken expiring = new AclToken("a-exp", "s-exp", "", null, null, null, null, false,
                kit.clock.instant().plus(Duration.ofMinutes(5)).toString(), kit.clock.instant().toString(), null, 0,
                0);
        join(kit.writes.createToken(expiring));
        kit.leaderRound(settings);
        assertTrue(AclTables.token(kit.raft.state(), "a-exp").isPresent());
        kit.clock.advance(Duration.ofMinutes(6));
        kit.leaderRound(settings);
        assertTrue(AclTables.token(kit.raft.state(), "a-exp").isEmpty());
        assertTrue(kit.raft.state().get(AclTables.SECRETS, "s-exp").isEmpty());
    }

    @Test
    void namesAreUniqueCaseInsensitively() {
        join(kit.writes.createPolicy(policy("p1", "web", "")));
        assertEquals("Invalid Policy: A Policy with Name \"WEB\" already exists",
                refusal(kit.writes.createPolicy(policy("p2", "WEB", ""))));
        assertEquals("Invalid Policy: invalid Name. Only alphanumeric characters, '-' and '_' are allowed",
                refusal(kit.writes.createPolicy(policy("p2", "a b", ""))));
        join(kit.writes.updatePolicy(policy("p1", "web2", "")));
        join(kit.writes.createPolicy(policy("p2", "web", "")));
        join(kit.writes.createRole(role("r1", "ops")));
        assertEquals("Invalid Role: A Role with Name \"Ops\" already exists",
                refusal(kit.writes.createRole(role("r2", "Ops"))));
        assertEquals("cannot find role nope", refusal(kit.writes.updateRole(role("nope", "x"))));
        assertEquals("cannot find policy nope", refusal(kit.writes.updatePolicy(policy("nope", "x", ""))));
    }

    @Test
    void linksGivenByNameAreStoredByIdAndReadWithTheCurrentName() {
        join(kit.writes.createPolicy(policy("p1", "web", "service \"web\" { policy = \"write\" }")));
        join(kit.writes.createRole(role("r1", "ops", byName("web"))));
        AclToken created = new AclToken("a1", "s1", "", List.of(byName("web")), List.of(byName("ops")), null, null,
                false, null, null, null, 0, 0);
        join(kit.writes.createToken(created));
        join(kit.writes.updatePolicy(policy("p1", "web-renamed", "service \"web\" { policy = \"write\" }")));
        AclToken read = AclTables.token(kit.raft.state(), "a1").orElseThrow();
        assertEquals(List.of(new AclLink("p1", "web-renamed")), read.policies());
        assertEquals(List.of(new AclLink("r1", "ops")), read.roles());
        assertEquals(List.of(new AclLink("p1", "web-renamed")),
                AclTables.role(kit.raft.state(), "r1").orElseThrow().policies());
        assertEquals("No such ACL policy with name \"nope\"",
                refusal(kit.writes.createToken(token("a2", "s2", byName("nope")))));
        assertEquals("No such ACL policy with ID \"p9\"",
                refusal(kit.writes.createToken(token("a2", "s2", byId("p9")))));
        assertEquals("Invalid Token: SecretID is already in use",
                refusal(kit.writes.createToken(token("a2", "s1"))));
        assertEquals("Changing a tokens SecretID is not permitted",
                refusal(kit.writes.updateToken(token("a1", "other"))));
    }

    @Test
    void protectsTheBuiltins() {
        kit.leaderRound(AclTestKit.enabled(DefaultPolicy.ALLOW, ""));
        assertEquals("Delete operation not permitted on the builtin global-management policy",
                refusal(kit.writes.deletePolicy(AclPolicy.GLOBAL_MANAGEMENT_ID)));
        assertEquals("Changing the Rules for the builtin global-management policy is not permitted",
                refusal(kit.writes.updatePolicy(policy(AclPolicy.GLOBAL_MANAGEMENT_ID, "gm", "acl = \"read\""))));
        AclPolicy gm = AclPolicy.GLOBAL_MANAGEMENT;
        join(kit.writes.updatePolicy(new AclPolicy(gm.id(), "renamed-gm", gm.description(), gm.rules(), null, null,
                0, 0)));
        assertEquals("renamed-gm", AclTables.policy(kit.raft.state(), gm.id()).orElseThrow().name());
        assertEquals("Delete operation not permitted on the anonymous token",
                refusal(kit.writes.deleteToken(AclToken.ANONYMOUS_ID)));
        assertEquals("Failed to parse ACL rules: ", refusal(kit.writes.createPolicy(policy("p", "bad",
                "key \"a\" {"))).substring(0, 27));
    }

    @Test
    void deletingAPolicyOrRoleRemovesTheLinksToIt() {
        join(kit.writes.createPolicy(policy("p1", "one", "")));
        join(kit.writes.createPolicy(policy("p2", "two", "")));
        join(kit.writes.createRole(role("r1", "ops", byId("p1"), byId("p2"))));
        join(kit.writes.createToken(new AclToken("a1", "s1", "", List.of(byId("p1"), byId("p2")),
                List.of(byId("r1")), null, null, false, null, null, null, 0, 0)));
        String hash = AclTables.token(kit.raft.state(), "a1").orElseThrow().hash();
        join(kit.writes.deletePolicy("p1"));
        AclToken token = AclTables.token(kit.raft.state(), "a1").orElseThrow();
        assertEquals(List.of(new AclLink("p2", "two")), token.policies());
        assertNotEquals(hash, token.hash());
        AclRole role = AclTables.role(kit.raft.state(), "r1").orElseThrow();
        assertEquals(List.of(new AclLink("p2", "two")), role.policies());
        assertTrue(AclTables.policyByName(kit.raft.state(), "one").isEmpty());
        join(kit.writes.deleteRole("r1"));
        assertTrue(AclTables.token(kit.raft.state(), "a1").orElseThrow().roles().isEmpty());
        join(kit.writes.createPolicy(policy("p3", "one", "")));
    }
}
