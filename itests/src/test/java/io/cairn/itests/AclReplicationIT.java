package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * ACLs across two datacenters of one server each, joined over the WAN on loopback, as Consul's ACL replication:
 * dc1 is the primary (default deny, bootstrapped), dc2 a secondary with {@code primary_datacenter = dc1}, token
 * replication on and a replication token with Consul's recommended policy made in dc1. Policies and global tokens
 * made, changed and deleted in dc1 take effect in dc2 within seconds; a local token made in dc2 stays there; a
 * policy written through dc2 lands in dc1; {@code /v1/acl/replication} reports the replication; a read-only token
 * cannot write a policy through dc2.
 */
public class AclReplicationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** How long a change in dc1 may take to show in dc2 ("within a few seconds"). */
    private static final Duration CONVERGED = Duration.ofSeconds(5);
    private static final String REPLICATION_RULES = "acl = \"write\"\noperator = \"write\"\n"
            + "service_prefix \"\" {\n  policy = \"read\"\n  intentions = \"read\"\n}\n";

    private static Path dir;
    private static AgentProcess dc1;
    private static AgentProcess dc2;
    private static String management;

    @BeforeClass
    public static void start() throws Exception {
        dir = Files.createTempDirectory("cairn-acl-replication-it");
        int dc1Wan = AgentProcess.freePort();
        Path dc1Config = Files.writeString(dir.resolve("dc1.json"), """
                {"primary_datacenter": "dc1", "acl": {"enabled": true, "default_policy": "deny"}}""");
        dc1 = new AgentProcess("dc1-server", dir.resolve("dc1"), "-server", "-bootstrap-expect", "1", "-bind",
                "127.0.0.1", "-datacenter", "dc1", "-serf-wan-port", Integer.toString(dc1Wan), "-config-file",
                dc1Config.toString()).start();
        dc1.awaitLeader(Duration.ofSeconds(120));
        await(Duration.ofSeconds(30), "bootstrap in dc1", () -> {
            HttpResponse<String> r = send(dc1, "PUT", "/v1/acl/bootstrap", "", "");
            if (r.statusCode() == 200) {
                management = JSON.readTree(r.body()).path("SecretID").asText();
            }
            return management != null;
        });
        ok(send(dc1, "PUT", "/v1/acl/policy", management, JSON.writeValueAsString(JSON.createObjectNode()
                .put("Name", "replication").put("Rules", REPLICATION_RULES))));
        String replication = UUID.randomUUID().toString();
        ok(send(dc1, "PUT", "/v1/acl/token", management, "{\"SecretID\": \"" + replication + "\", "
                + "\"Description\": \"replication\", \"Policies\": [{\"Name\": \"replication\"}]}"));

        Path dc2Config = Files.writeString(dir.resolve("dc2.json"), """
                {"primary_datacenter": "dc1", "acl": {"enabled": true, "default_policy": "deny",
                 "enable_token_replication": true, "tokens": {"replication": "%s"}}}""".formatted(replication));
        dc2 = new AgentProcess("dc2-server", dir.resolve("dc2"), "-server", "-bootstrap-expect", "1", "-bind",
                "127.0.0.1", "-datacenter", "dc2", "-retry-join-wan", "127.0.0.1:" + dc1Wan, "-config-file",
                dc2Config.toString()).start();
        dc2.awaitLeader(Duration.ofSeconds(120));
        await(Duration.ofSeconds(60), "dc2 replicating from dc1", () -> status(dc2).path("ReplicatedTokenIndex")
                .asLong() > 0 && send(dc2, "GET", "/v1/acl/policy/name/replication", management, "")
                .statusCode() == 200);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (dc2 != null) {
            dc2.close();
        }
        if (dc1 != null) {
            dc1.close();
        }
    }

    @Test
    public void policiesAndGlobalTokensMadeChangedAndDeletedInThePrimaryTakeEffectInTheSecondary()
            throws Exception {
        String policyId = JSON.readTree(ok(send(dc1, "PUT", "/v1/acl/policy", management,
                "{\"Name\": \"web-rw\", \"Rules\": \"key_prefix \\\"web/\\\" { policy = \\\"write\\\" }\"}")))
                .path("ID").asText();
        String web = UUID.randomUUID().toString();
        String accessor = JSON.readTree(ok(send(dc1, "PUT", "/v1/acl/token", management, "{\"SecretID\": \""
                + web + "\", \"Policies\": [{\"Name\": \"web-rw\"}]}"))).path("AccessorID").asText();

        await(CONVERGED, "the global token allowed to write web/ in dc2",
                () -> send(dc2, "PUT", "/v1/kv/web/x", web, "1").statusCode() == 200);
        await(CONVERGED, "the token replicated to dc2",
                () -> send(dc2, "GET", "/v1/acl/token/" + accessor, management, "").statusCode() == 200);
        HttpResponse<String> denied = send(dc2, "PUT", "/v1/kv/db/x", web, "1");
        assertEquals(denied.body(), 403, denied.statusCode());
        assertTrue(denied.body(), denied.body().contains("Permission denied"));

        ok(send(dc1, "PUT", "/v1/acl/policy/" + policyId, management,
                "{\"Name\": \"web-rw\", \"Rules\": \"key_prefix \\\"db/\\\" { policy = \\\"write\\\" }\"}"));
        await(CONVERGED, "the updated policy in dc2", () -> send(dc2, "PUT", "/v1/kv/db/x", web, "1")
                .statusCode() == 200 && send(dc2, "PUT", "/v1/kv/web/y", web, "1").statusCode() == 403);

        ok(send(dc1, "DELETE", "/v1/acl/token/" + accessor, management, ""));
        await(CONVERGED, "the deleted token refused in dc2", () -> {
            HttpResponse<String> r = send(dc2, "PUT", "/v1/kv/db/x", web, "1");
            return r.statusCode() == 403 && r.body().contains("ACL not found");
        });
        assertEquals(403, send(dc2, "GET", "/v1/acl/token/" + accessor, management, "").statusCode());
    }

    @Test
    public void aLocalTokenStaysInTheSecondaryAndPolicyWritesThroughItLandInThePrimary() throws Exception {
        ok(send(dc1, "PUT", "/v1/acl/policy", management,
                "{\"Name\": \"local-kv\", \"Rules\": \"key_prefix \\\"local/\\\" { policy = \\\"write\\\" }\"}"));
        await(CONVERGED, "the policy in dc2",
                () -> send(dc2, "GET", "/v1/acl/policy/name/local-kv", management, "").statusCode() == 200);
        String local = UUID.randomUUID().toString();
        JsonNode created = JSON.readTree(ok(send(dc2, "PUT", "/v1/acl/token", management, "{\"SecretID\": \""
                + local + "\", \"Local\": true, \"Policies\": [{\"Name\": \"local-kv\"}]}")));
        assertTrue(created.toString(), created.path("Local").asBoolean());
        String accessor = created.path("AccessorID").asText();
        ok(send(dc2, "PUT", "/v1/kv/local/x", local, "1"));

        JsonNode fromDc2 = JSON.readTree(ok(send(dc2, "PUT", "/v1/acl/policy", management,
                "{\"Name\": \"from-dc2\", \"Rules\": \"key_prefix \\\"dc2/\\\" { policy = \\\"read\\\" }\"}")));
        ok(send(dc1, "GET", "/v1/acl/policy/" + fromDc2.path("ID").asText(), management, ""));
        await(CONVERGED, "the policy written through dc2 replicated back",
                () -> send(dc2, "GET", "/v1/acl/policy/name/from-dc2", management, "").statusCode() == 200);

        assertEquals(403, send(dc1, "GET", "/v1/acl/token/" + accessor, management, "").statusCode());
        assertFalse(ok(send(dc1, "GET", "/v1/acl/tokens", management, "")).contains(accessor));
        assertEquals(403, send(dc1, "PUT", "/v1/kv/local/x", local, "1").statusCode());
        assertTrue(ok(send(dc2, "GET", "/v1/acl/tokens", management, "")).contains(accessor));
    }

    @Test
    public void aReadOnlyTokenCannotWriteAPolicyThroughTheSecondary() throws Exception {
        ok(send(dc1, "PUT", "/v1/acl/policy", management, "{\"Name\": \"acl-read\", \"Rules\": \"acl = \\\"read\\\"\"}"));
        String reader = UUID.randomUUID().toString();
        ok(send(dc1, "PUT", "/v1/acl/token", management, "{\"SecretID\": \"" + reader + "\", "
                + "\"Policies\": [{\"Name\": \"acl-read\"}]}"));
        await(CONVERGED, "the reader may list policies in dc2",
                () -> send(dc2, "GET", "/v1/acl/policies", reader, "").statusCode() == 200);
        HttpResponse<String> refused = send(dc2, "PUT", "/v1/acl/policy", reader,
                "{\"Name\": \"sneaky\", \"Rules\": \"acl = \\\"write\\\"\"}");
        assertEquals(refused.body(), 403, refused.statusCode());
        assertEquals(403, send(dc2, "PUT", "/v1/acl/token", reader, "{\"Policies\": [{\"Name\": \"global-management\"}]}")
                .statusCode());
        assertEquals(403, send(dc2, "PUT", "/v1/acl/token", "", "{\"Policies\": [{\"Name\": \"global-management\"}]}")
                .statusCode());
        assertEquals(403, send(dc1, "GET", "/v1/acl/policy/name/sneaky", management, "").statusCode());
        assertEquals(403, send(dc2, "PUT", "/v1/acl/bootstrap", "", "").statusCode());
    }

    @Test
    public void theSecondaryReportsItsReplicationAndThePrimaryNone() throws Exception {
        JsonNode status = status(dc2);
        assertTrue(status.toString(), status.path("Enabled").asBoolean() && status.path("Running").asBoolean());
        assertEquals("dc1", status.path("SourceDatacenter").asText());
        assertEquals("tokens", status.path("ReplicationType").asText());
        assertTrue(status.toString(), status.path("ReplicatedIndex").asLong() > 0
                && status.path("ReplicatedRoleIndex").asLong() > 0 && status.path("ReplicatedTokenIndex").asLong() > 0);
        assertFalse(status.toString(), status.path("LastSuccess").asText().startsWith("0001"));
        assertFalse(status(dc1).path("Enabled").asBoolean());
    }

    private static JsonNode status(AgentProcess agent) throws Exception {
        return JSON.readTree(ok(send(agent, "GET", "/v1/acl/replication", management, "")));
    }

    private static HttpResponse<String> send(AgentProcess agent, String method, String pathAndQuery, String token,
            String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + agent.httpAddr() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null && !token.isEmpty()) {
            request.header("X-Consul-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String ok(HttpResponse<String> response) {
        assertEquals(response.request().method() + " " + response.uri() + ": " + response.body(), 200,
                response.statusCode());
        return response.body();
    }

    private interface Check {
        boolean test() throws Exception;
    }

    private static void await(Duration timeout, String what, Check done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (done.test()) {
                    return;
                }
            } catch (Exception | AssertionError notYet) {
                // not yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within " + timeout + ": " + what + "\n--- dc2 replication ---\n"
                        + (dc2 == null ? "" : send(dc2, "GET", "/v1/acl/replication", management, "").body()));
            }
            Thread.sleep(50);
        }
    }
}
