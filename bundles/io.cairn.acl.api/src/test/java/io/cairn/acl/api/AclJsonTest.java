package io.cairn.acl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records read and write Consul's JSON field names and omit what Consul omits. */
class AclJsonTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void tokenUsesConsulsNames() throws Exception {
        String json = """
                {"AccessorID":"a","SecretID":"s","Description":"d",
                 "Policies":[{"ID":"p1","Name":"one"}],"Roles":[{"ID":"r1","Name":"ops"}],
                 "ServiceIdentities":[{"ServiceName":"web","Datacenters":["dc1"]}],
                 "NodeIdentities":[{"NodeName":"n1","Datacenter":"dc1"}],
                 "Local":true,"ExpirationTime":"2030-01-01T00:00:00Z","CreateTime":"2026-01-01T00:00:00Z",
                 "Hash":"aGFzaA==","CreateIndex":5,"ModifyIndex":7}
                """;
        AclToken token = mapper.readValue(json, AclToken.class);
        assertEquals(new AclToken("a", "s", "d", List.of(new AclLink("p1", "one")), List.of(new AclLink("r1", "ops")),
                List.of(new ServiceIdentity("web", List.of("dc1"))), List.of(new NodeIdentity("n1", "dc1")), true,
                "2030-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "aGFzaA==", 5, 7), token);
        assertEquals(mapper.readTree(json), mapper.readTree(mapper.writeValueAsString(token)));
    }

    @Test
    void emptyListsAndNoExpirationAreOmitted() throws Exception {
        AclToken token = new AclToken("a", "s", "", null, null, null, null, false, null, "2026-01-01T00:00:00Z",
                "", 1, 1);
        String json = mapper.writeValueAsString(token);
        for (String omitted : List.of("Policies", "Roles", "ServiceIdentities", "NodeIdentities", "ExpirationTime")) {
            assertFalse(json.contains(omitted), json);
        }
        assertTrue(json.contains("\"Local\":false"), json);
        String policy = mapper.writeValueAsString(AclPolicy.GLOBAL_MANAGEMENT);
        assertFalse(policy.contains("Datacenters"), policy);
    }

    @Test
    void expirationAndDatacenters() {
        AclToken token = new AclToken("a", "s", "", null, null, null, null, false, "2030-01-01T00:00:00Z", "", "",
                0, 0);
        assertFalse(token.isExpired(Instant.parse("2029-12-31T23:59:59Z")));
        assertTrue(token.isExpired(Instant.parse("2030-01-01T00:00:01Z")));
        assertTrue(new ServiceIdentity("web", List.of()).appliesIn("dc9"));
        assertFalse(new ServiceIdentity("web", List.of("dc1")).appliesIn("dc9"));
        assertFalse(new NodeIdentity("n1", "dc1").appliesIn("dc2"));
        assertTrue(AclPolicy.GLOBAL_MANAGEMENT.appliesIn("dc2"));
    }
}
