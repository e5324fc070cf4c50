package io.cairn.acl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.acl.api.NodeIdentity;
import io.cairn.acl.api.ServiceIdentity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing entry points and the built-in rules, beyond the decisions of {@code corpus.txt}. */
class PolicyRulesTest {

    @Test
    void blankRulesGrantNothing() throws RulesException {
        assertEquals(PolicyRules.EMPTY, PolicyRules.parse("", RulesSyntax.JSON));
        assertEquals(PolicyRules.EMPTY, PolicyRules.parse(" \n\t", RulesSyntax.JSON));
        assertEquals(PolicyRules.EMPTY, PolicyRules.parse("{}", RulesSyntax.JSON));
        assertEquals(PolicyRules.EMPTY, PolicyRules.fromTree(null));
    }

    @Test
    void undecodableRulesFailWithConsulsPrefix() {
        RulesException e = assertThrows(RulesException.class,
                () -> PolicyRules.parse("{\"acl\": ", RulesSyntax.JSON));
        assertTrue(e.getMessage().startsWith("Failed to parse ACL rules: "), e.getMessage());
        RulesException trailing = assertThrows(RulesException.class,
                () -> PolicyRules.parse("{} {}", RulesSyntax.JSON));
        assertTrue(trailing.getMessage().startsWith("Failed to parse ACL rules: "), trailing.getMessage());
    }

    @Test
    void anyDecoderOfTheTreePlugsIn() throws RulesException {
        RulesSyntax failing = text -> {
            throw new IllegalStateException("At 1:5: expected '='");
        };
        RulesException e = assertThrows(RulesException.class, () -> PolicyRules.parse("acl x", failing));
        assertEquals("Failed to parse ACL rules: At 1:5: expected '='", e.getMessage());
        RulesSyntax fixed = text -> List.of(Map.of("operator", "read"));
        assertEquals(PolicyRules.parse("{\"operator\":\"read\"}", RulesSyntax.JSON), PolicyRules.parse("x", fixed));
    }

    /** The JSON form of Consul's global-management rules text (the HCL of {@code AclPolicy.GLOBAL_MANAGEMENT}). */
    @Test
    void globalManagementIsConsulsBuiltinPolicy() throws RulesException {
        String json = """
                {"acl": "write",
                 "agent_prefix": {"": {"policy": "write"}},
                 "event_prefix": {"": {"policy": "write"}},
                 "key_prefix": {"": {"policy": "write"}},
                 "keyring": "write",
                 "node_prefix": {"": {"policy": "write"}},
                 "operator": "write",
                 "mesh": "write",
                 "peering": "write",
                 "query_prefix": {"": {"policy": "write"}},
                 "service_prefix": {"": {"policy": "write", "intentions": "write"}},
                 "session_prefix": {"": {"policy": "write"}}}
                """;
        assertEquals(PolicyRules.parse(json, RulesSyntax.JSON), BuiltinRules.globalManagement());
    }

    @Test
    void identitiesExpandToConsulsTemplates() throws RulesException {
        String service = """
                {"service": {"web": {"policy": "write"}, "web-sidecar-proxy": {"policy": "write"}},
                 "service_prefix": {"": {"policy": "read"}},
                 "node_prefix": {"": {"policy": "read"}}}
                """;
        assertEquals(PolicyRules.parse(service, RulesSyntax.JSON),
                BuiltinRules.serviceIdentity(new ServiceIdentity("web", List.of("dc2"))));
        String node = """
                {"node": {"n1": {"policy": "write"}}, "service_prefix": {"": {"policy": "read"}}}
                """;
        assertEquals(PolicyRules.parse(node, RulesSyntax.JSON),
                BuiltinRules.nodeIdentity(new NodeIdentity("n1", "dc1")));
    }

    @Test
    void consulRulesAreHclOrJson() throws RulesException {
        String hcl = """
                key_prefix "web/" { policy = "write" }
                service "web" { policy = "write" }
                service "db" { policy = "read" }
                operator = "read"
                """;
        String json = """
                {"key_prefix": {"web/": {"policy": "write"}},
                 "service": {"web": {"policy": "write"}, "db": {"policy": "read"}},
                 "operator": "read"}
                """;
        assertEquals(PolicyRules.parse(json, RulesSyntax.JSON), PolicyRules.parse(hcl, RulesSyntax.CONSUL));
        assertEquals(PolicyRules.parse(json, RulesSyntax.JSON), PolicyRules.parse(json, RulesSyntax.CONSUL));
        RulesException bad = assertThrows(RulesException.class,
                () -> PolicyRules.parse("key_prefix \"a\" { policy = }", RulesSyntax.CONSUL));
        assertTrue(bad.getMessage().startsWith("Failed to parse ACL rules: At 1:"), bad.getMessage());
    }

    @Test
    void defaultPolicyIsReadFromConfiguration() {
        assertEquals(DefaultPolicy.ALLOW, DefaultPolicy.of("allow"));
        assertEquals(DefaultPolicy.DENY, DefaultPolicy.of("deny"));
        assertThrows(IllegalArgumentException.class, () -> DefaultPolicy.of("extend-cache"));
    }

    @Test
    void manageAllAllowsAclManagement() {
        assertTrue(Authorizers.manageAll().aclWrite());
        assertTrue(Authorizers.manageAll().snapshot());
        assertTrue(Authorizers.manageAll().keyWritePrefix(""));
    }
}
