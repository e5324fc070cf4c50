package io.cairn.acl.internal;

import static io.cairn.acl.internal.AclTestKit.byId;
import static io.cairn.acl.internal.AclTestKit.join;
import static io.cairn.acl.internal.AclTestKit.policy;
import static io.cairn.acl.internal.AclTestKit.refusal;
import static io.cairn.acl.internal.AclTestKit.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.cairn.acl.api.AclNotFoundException;
import io.cairn.acl.api.AclResolver;
import io.cairn.acl.api.AclToken;
import io.cairn.acl.api.Authorizer;
import io.cairn.acl.api.NodeIdentity;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.acl.api.ServiceIdentity;
import io.cairn.acl.rules.DefaultPolicy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AclAgentTest {

    private final AclTestKit kit = new AclTestKit();
    @TempDir
    Path dataDir;

    private AclAgent agent(AclSettings settings) {
        AclAgent agent = new AclAgent(settings, "node-1", "dc1", dataDir, kit.clock);
        agent.bindRaft(kit.raft);
        kit.leaderRound(settings);
        return agent;
    }

    private static Authorizer authorizer(AclResolver resolver, String secret) {
        return join(resolver.resolve(secret)).authorizer();
    }

    @Test
    void disabledAllowsAllButAclManagement() {
        AclAgent agent = new AclAgent(AclSettings.DISABLED, "node-1", "dc1", dataDir, kit.clock);
        ResolvedToken token = join(agent.resolve("whatever"));
        assertEquals("", token.accessorId());
        assertTrue(token.authorizer().keyWrite("a") && !token.authorizer().aclRead());
        assertEquals("allow", agent.defaultPolicy());
        assertFalse(agent.enabled());
    }

    @Test
    void theEmptySecretIsTheDefaultTokenElseTheAnonymousOne() {
        AclAgent agent = agent(AclTestKit.enabled(DefaultPolicy.DENY, "root"));
        assertEquals("deny", agent.defaultPolicy());
        ResolvedToken anonymous = join(agent.resolve(""));
        assertEquals(AclToken.ANONYMOUS_ID, anonymous.accessorId());
        assertTrue(anonymous.anonymous());
        assertFalse(anonymous.authorizer().keyRead("a"));
        ResolvedToken root = join(agent.resolve("root"));
        assertFalse(root.anonymous());
        assertTrue(root.authorizer().aclWrite());
        agent.tokens().set("default", "root");
        assertTrue(join(agent.resolve("")).authorizer().aclWrite());
    }

    @Test
    void unknownAndExpiredSecretsAreNotFound() {
        AclAgent agent = agent(AclTestKit.enabled(DefaultPolicy.ALLOW, ""));
        assertEquals(AclResolver.ACL_NOT_FOUND, refusal(agent.resolve("nope")));
        join(kit.writes.createToken(new AclToken("a1", "s1", "", null, null, null, null, false,
                kit.clock.instant().plus(Duration.ofMinutes(2)).toString(), null, null, 0, 0)));
        assertTrue(join(agent.resolve("s1")).authorizer().keyWrite("x"), "default allow");
        kit.clock.advance(Duration.ofMinutes(3));
        try {
            join(agent.resolve("s1"));
            throw new AssertionError("resolved an expired token");
        } catch (java.util.concurrent.CompletionException e) {
            assertTrue(e.getCause() instanceof AclNotFoundException);
        }
    }

    @Test
    void aPolicyChangeAppliesToTheNextResolution() {
        AclAgent agent = agent(AclTestKit.enabled(DefaultPolicy.DENY, ""));
        join(kit.writes.createPolicy(policy("p1", "kv", "key_prefix \"app/\" { policy = \"read\" }")));
        join(kit.writes.createToken(token("a1", "s1", byId("p1"))));
        ResolvedToken first = join(agent.resolve("s1"));
        assertTrue(first.authorizer().keyRead("app/x") && !first.authorizer().keyWrite("app/x"));
        assertSame(first, join(agent.resolve("s1")), "cached");
        join(kit.writes.updatePolicy(policy("p1", "kv", "key_prefix \"app/\" { policy = \"write\" }")));
        assertTrue(authorizer(agent, "s1").keyWrite("app/x"));
        join(kit.writes.deletePolicy("p1"));
        assertFalse(authorizer(agent, "s1").keyRead("app/x"));
    }

    @Test
    void identitiesAndRolesGrantInTheirDatacenters() {
        AclAgent agent = agent(AclTestKit.enabled(DefaultPolicy.DENY, ""));
        join(kit.writes.createPolicy(new io.cairn.acl.api.AclPolicy("p-dc2", "dc2-only", "",
                "operator = \"write\"", List.of("dc2"), null, 0, 0)));
        join(kit.writes.createRole(new io.cairn.acl.api.AclRole("r1", "db", "", List.of(byId("p-dc2")),
                List.of(new ServiceIdentity("db", null)), null, null, 0, 0)));
        join(kit.writes.createToken(new AclToken("a1", "s1", "", null, List.of(byId("r1")),
                List.of(new ServiceIdentity("web", List.of("dc1"))), List.of(new NodeIdentity("n7", "dc1"),
                        new NodeIdentity("n8", "dc2")), false, null, null, null, 0, 0)));
        Authorizer authz = authorizer(agent, "s1");
        assertTrue(authz.serviceWrite("web") && authz.serviceWrite("web-sidecar-proxy") && authz.serviceWrite("db"));
        assertTrue(authz.serviceRead("other") && authz.nodeRead("any"));
        assertFalse(authz.serviceWrite("other"));
        assertTrue(authz.nodeWrite("n7"));
        assertFalse(authz.nodeWrite("n8"), "node identity of another datacenter");
        assertFalse(authz.operatorWrite(), "policy restricted to another datacenter");
    }

    @Test
    void withoutRaftAnEnabledAgentCannotResolve() {
        AclAgent agent = new AclAgent(AclTestKit.enabled(DefaultPolicy.DENY, ""), "node-1", "dc1", dataDir,
                kit.clock);
        assertEquals(AclAgent.NO_SOURCE, refusal(agent.resolve("")));
        agent.bindRaft(kit.raft);
        agent.unbindRaft(kit.raft);
        assertEquals(AclAgent.NO_SOURCE, refusal(agent.resolve("")));
    }

    @Test
    void theAgentRecoveryTokenMayWriteThisAgentOnly() {
        AclSettings settings = new AclSettings(true, DefaultPolicy.DENY, "extend-cache", Duration.ofSeconds(30),
                false, "", new AgentTokens.Values("", "", "recover", ""));
        ResolvedToken recovery = join(new AclAgent(settings, "node-1", "dc1", dataDir, kit.clock).resolve("recover"));
        assertEquals(AclAgent.AGENT_RECOVERY_ACCESSOR, recovery.accessorId());
        assertTrue(recovery.authorizer().agentWrite("node-1") && recovery.authorizer().nodeRead("x"));
        assertFalse(recovery.authorizer().agentWrite("node-2") || recovery.authorizer().keyRead("a"));
    }
}
