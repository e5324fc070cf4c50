package io.cairn.acl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.cairn.acl.rules.DefaultPolicy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AclSettingsTest {

    @TempDir
    Path dataDir;

    private static AclConfig config(String defaultPolicy, String downPolicy, String ttl) {
        return new AclConfig() {
            public Class<? extends Annotation> annotationType() { return AclConfig.class; }
            public boolean enabled() { return true; }
            public String default__policy() { return defaultPolicy; }
            public String down__policy() { return downPolicy; }
            public String token__ttl() { return ttl; }
            public boolean enable__token__persistence() { return true; }
            public String primary__datacenter() { return "dc1"; }
            public boolean enable__token__replication() { return true; }
        };
    }

    /** The agent's secrets: the management and default tokens are set. */
    private static String secret(String name) {
        return Map.of("acl.tokens.initial_management", "root", "acl.tokens.default", "dflt",
                "acl.tokens.replication", "repl").getOrDefault(name, "");
    }

    @Test
    void readsConsulsValues() {
        AclSettings settings = AclSettings.of(config("DENY", "async-cache", "1m30s"), AclSettingsTest::secret);
        assertEquals(DefaultPolicy.DENY, settings.defaultPolicy());
        assertEquals(Duration.ofSeconds(90), settings.tokenTtl());
        assertEquals("root", settings.initialManagement());
        assertEquals("dflt", settings.tokens().defaultToken());
        assertEquals("repl", settings.replicationToken());
        assertTrue(settings.tokenReplication());
    }

    @Test
    void aDatacenterOtherThanThePrimaryIsASecondary() {
        AclSettings settings = AclSettings.of(config("deny", "allow", "1s"), AclSettingsTest::secret);
        assertEquals("dc1", settings.primaryFor("dc2"));
        assertTrue(settings.secondaryIn("dc2"));
        assertFalse(settings.secondaryIn("dc1"));
        assertEquals("dc2", AclSettings.DISABLED.primaryFor("dc2"));
        assertFalse(AclTestKit.enabled(DefaultPolicy.DENY, "").secondaryIn("dc2"));
    }

    @Test
    void aBadValueNamesItsKey() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AclSettings.of(config("maybe", "allow", "1s"), AclSettingsTest::secret))
                .getMessage().contains("acl.default_policy \"maybe\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AclSettings.of(config("allow", "up", "1s"), AclSettingsTest::secret))
                .getMessage().contains("acl.down_policy"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AclSettings.of(config("allow", "deny", "soon"), AclSettingsTest::secret))
                .getMessage().contains("acl.token_ttl"));
    }

    @Test
    void persistedAgentTokensWinOverConfiguredOnes() {
        AgentTokens.Values configured = new AgentTokens.Values("dflt", "agent-1", "", "");
        AgentTokens tokens = new AgentTokens(configured, Optional.of(dataDir));
        tokens.set("agent", "agent-2");
        AgentTokens restarted = new AgentTokens(configured, Optional.of(dataDir));
        assertEquals(new AgentTokens.Values("dflt", "agent-2", "", ""), restarted.values());
        AgentTokens notPersisted = new AgentTokens(configured, Optional.empty());
        assertEquals(configured, notPersisted.values());
        assertEquals(Optional.of("agent_recovery"), AgentTokens.canonicalType("acl_agent_master_token"));
    }
}
