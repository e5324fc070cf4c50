package io.cairn.acl.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.cairn.acl.api.AclLink;
import io.cairn.acl.api.AclPolicy;
import io.cairn.acl.api.AclRole;
import io.cairn.acl.api.AclToken;
import io.cairn.acl.api.ResolvedToken;
import io.cairn.acl.internal.AclTestKit;
import io.cairn.acl.rules.Authorizers;
import io.cairn.acl.rules.DefaultPolicy;
import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AclEndpointsTest {

    private static final String MANAGE = "acl = \"write\"";

    private final AclTestKit kit = new AclTestKit();
    private final FakeRoutes routes = new FakeRoutes();
    @TempDir
    Path dataDir;

    @BeforeEach
    void setUp() {
        kit.leaderRound(AclTestKit.enabled(DefaultPolicy.DENY, ""));
        new AclEndpoints(kit.raft, true, "dc1", dataDir, kit.clock).routes(routes);
    }

    private Response put(String route, String argument, String body) {
        FakeRequest request = FakeRequest.of("PUT", argument).rules(MANAGE);
        return routes.call("PUT", route, body == null ? request : request.body(body));
    }

    private Answer read(String route, FakeRequest request) {
        return routes.read(route, request, kit.raft.state());
    }

    private Object get(String route, String argument, String... terms) {
        return read(route, FakeRequest.of("GET", argument, terms).rules(MANAGE)).response().jsonBody();
    }

    private static HttpException httpFailure(Runnable call) {
        try {
            call.run();
        } catch (HttpException e) {
            return e;
        } catch (CompletionException e) {
            if (e.getCause() instanceof HttpException http) {
                return http;
            }
            throw e;
        }
        throw new AssertionError("no HTTP failure");
    }

    @Test
    void everyEndpointAnswers401WhileAclsAreDisabled() {
        FakeRoutes disabled = new FakeRoutes();
        new AclEndpoints(kit.raft, false, "dc1", dataDir, kit.clock).routes(disabled);
        HttpException bootstrap = httpFailure(() -> disabled.call("PUT", "/v1/acl/bootstrap",
                FakeRequest.of("PUT", "")));
        assertEquals(401, bootstrap.status());
        assertEquals("ACL support disabled", bootstrap.getMessage());
        assertEquals(401, httpFailure(() -> disabled.read("/v1/acl/tokens", FakeRequest.of("GET", ""),
                kit.raft.state())).status());
        assertEquals(401, httpFailure(() -> disabled.read("/v1/acl/token/", FakeRequest.of("GET", "self"),
                kit.raft.state())).status());
        for (String route : List.of("/v1/acl/token", "/v1/acl/policy", "/v1/acl/role")) {
            assertEquals(401, httpFailure(() -> disabled.call("PUT", route, FakeRequest.of("PUT", "")
                    .body("{}"))).status());
            assertTrue(disabled.datacenterScoped("PUT", route));
        }
    }

    @Test
    void writesNeedAclWriteAndReadsAclRead() {
        HttpException denied = httpFailure(() -> routes.call("PUT", "/v1/acl/policy", FakeRequest.of("PUT", "")
                .rules("acl = \"read\"").body("{\"Name\":\"x\"}")));
        assertEquals(403, denied.status());
        assertEquals("Permission denied: token with AccessorID '" + FakeRequest.TEST_ACCESSOR
                + "' lacks permission 'acl:write'", denied.getMessage());
        HttpException anonymous = httpFailure(() -> read("/v1/acl/policies",
                FakeRequest.of("GET", "").anonymousDenied()));
        assertEquals(403, anonymous.status());
        assertTrue(anonymous.getMessage().startsWith("Permission denied: anonymous token lacks permission 'acl:read'"));
        assertFalse(((List<?>) read("/v1/acl/policies", FakeRequest.of("GET", "").rules("acl = \"read\""))
                .response().jsonBody()).isEmpty());
    }

    @Test
    void bootstrapsOnceThenAgainAfterAReset() throws Exception {
        Response first = routes.call("PUT", "/v1/acl/bootstrap", FakeRequest.of("PUT", "").anonymousDenied());
        Map<?, ?> token = (Map<?, ?>) first.jsonBody();
        assertEquals(token.get("SecretID"), token.get("ID"));
        assertEquals("Bootstrap Token (Global Management)", token.get("Description"));
        assertEquals("global-management", ((Map<?, ?>) ((List<?>) token.get("Policies")).get(0)).get("Name"));
        HttpException again = httpFailure(() -> routes.call("PUT", "/v1/acl/bootstrap", FakeRequest.of("PUT", "")));
        assertEquals(403, again.status());
        long resetIndex = ((Number) token.get("CreateIndex")).longValue();
        assertEquals("ACL bootstrap no longer allowed (reset index: " + resetIndex + ")", again.getMessage());
        Path reset = dataDir.resolve(AclEndpoints.BOOTSTRAP_RESET_FILE);
        Files.writeString(reset, resetIndex + "\n");
        routes.call("PUT", "/v1/acl/bootstrap", FakeRequest.of("PUT", ""));
        assertFalse(Files.exists(reset));
        assertEquals(403, httpFailure(() -> routes.call("PUT", "/v1/acl/bootstrap", FakeRequest.of("PUT", "")))
                .status());
    }

    @Test
    void policyRoundTripAndConsulsRefusals() {
        AclPolicy created = (AclPolicy) put("/v1/acl/policy", "",
                "{\"Name\":\"kv\",\"Rules\":\"key_prefix \\\"\\\" { policy = \\\"read\\\" }\"}").jsonBody();
        assertFalse(created.hash().isEmpty());
        assertEquals(created, get("/v1/acl/policy/", created.id()));
        assertEquals(created, get("/v1/acl/policy/", "name/kv"));
        AclPolicy updated = (AclPolicy) put("/v1/acl/policy/", created.id(), "{\"Name\":\"kv2\",\"Rules\":\"\"}")
                .jsonBody();
        assertEquals("kv2", updated.name());
        assertTrue(updated.modifyIndex() > created.modifyIndex());
        List<?> stubs = (List<?>) get("/v1/acl/policies", "");
        assertTrue(stubs.contains(PolicyStub.of(updated)));
        HttpException badRules = httpFailure(() -> put("/v1/acl/policy", "", "{\"Name\":\"bad\",\"Rules\":\"acl = \\\"list\\\"\"}"));
        assertEquals(500, badRules.status());
        assertEquals("Invalid acl policy: \"list\"", badRules.getMessage());
        assertEquals("Policy ID in URL and payload do not match", httpFailure(() -> put("/v1/acl/policy/",
                created.id(), "{\"ID\":\"other\",\"Name\":\"x\"}")).getMessage());
        CompletionException clash = assertThrows(CompletionException.class, () -> put("/v1/acl/policy", "",
                "{\"Name\":\"KV2\"}"));
        assertEquals("Invalid Policy: A Policy with Name \"KV2\" already exists", clash.getCause().getMessage());
        assertEquals(true, routes.call("DELETE", "/v1/acl/policy/", FakeRequest.of("DELETE", created.id())
                .rules(MANAGE)).jsonBody());
        HttpException gone = httpFailure(() -> get("/v1/acl/policy/", created.id()));
        assertEquals(403, gone.status());
        assertEquals("ACL not found", gone.getMessage());
    }

    @Test
    void roleRoundTrip() {
        put("/v1/acl/policy", "", "{\"Name\":\"kv\"}");
        AclRole role = (AclRole) put("/v1/acl/role", "", "{\"Name\":\"ops\",\"Policies\":[{\"Name\":\"kv\"}]}")
                .jsonBody();
        assertEquals("kv", role.policies().get(0).name());
        assertEquals(role, get("/v1/acl/role/", "name/ops"));
        assertEquals(List.of(role), get("/v1/acl/roles", ""));
        routes.call("DELETE", "/v1/acl/role/", FakeRequest.of("DELETE", role.id()).rules(MANAGE));
        assertEquals(404, read("/v1/acl/role/", FakeRequest.of("GET", role.id()).rules(MANAGE))
                .response().status());
    }

    @Test
    void tokenRoundTripSelfCloneAndListFilters() {
        AclPolicy kv = (AclPolicy) put("/v1/acl/policy", "", "{\"Name\":\"kv\"}").jsonBody();
        AclRole ops = (AclRole) put("/v1/acl/role", "", "{\"Name\":\"ops\"}").jsonBody();
        AclToken created = (AclToken) put("/v1/acl/token", "", "{\"Description\":\"app\",\"Policies\":[{\"Name\":"
                + "\"kv\"}],\"ExpirationTTL\":\"1h\"}").jsonBody();
        assertEquals(List.of(new AclLink(kv.id(), "kv")), created.policies());
        assertEquals(kit.clock.instant().plusSeconds(3600).toString(), created.expirationTime());
        assertEquals(created, get("/v1/acl/token/", created.accessorId()));
        AclToken hidden = (AclToken) read("/v1/acl/token/",
                FakeRequest.of("GET", created.accessorId()).rules("acl = \"read\"")).response().jsonBody();
        assertEquals("<hidden>", hidden.secretId());

        AclToken updated = (AclToken) put("/v1/acl/token/", created.accessorId(), "{\"Description\":\"app2\","
                + "\"Roles\":[{\"ID\":\"" + ops.id() + "\"}]}").jsonBody();
        assertEquals("app2", updated.description());
        assertEquals(created.secretId(), updated.secretId());
        assertEquals(created.expirationTime(), updated.expirationTime());
        assertTrue(updated.policies().isEmpty());
        AclToken clone = (AclToken) put("/v1/acl/token/", created.accessorId() + "/clone", null).jsonBody();
        assertEquals("app2", clone.description());
        assertEquals(updated.roles(), clone.roles());
        assertFalse(clone.secretId().equals(created.secretId()));

        List<?> withRole = (List<?>) get("/v1/acl/tokens", "", "role=" + ops.id());
        assertEquals(2, withRole.size());
        assertTrue(((List<?>) get("/v1/acl/tokens", "", "policy=" + kv.id())).isEmpty());
        assertEquals(3, ((List<?>) get("/v1/acl/tokens", "")).size(), "anonymous, created and its clone");

        ResolvedToken self = new ResolvedToken(clone.accessorId(), false, DefaultPolicy.DENY.authorizer());
        AclToken own = (AclToken) read("/v1/acl/token/", FakeRequest.of("GET", "self").token(self))
                .response().jsonBody();
        assertEquals(clone.secretId(), own.secretId());
        AclToken anonymous = (AclToken) read("/v1/acl/token/", FakeRequest.of("GET", "self")
                .anonymousDenied()).response().jsonBody();
        assertEquals(AclToken.ANONYMOUS_ID, anonymous.accessorId());

        kit.clock.advance(java.time.Duration.ofHours(2));
        assertEquals(403, httpFailure(() -> get("/v1/acl/token/", created.accessorId())).status());
        routes.call("DELETE", "/v1/acl/token/", FakeRequest.of("DELETE", clone.accessorId()).rules(MANAGE));
        assertEquals(1, ((List<?>) get("/v1/acl/tokens", "")).size());
        CompletionException anonymousDelete = assertThrows(CompletionException.class, () -> routes.call("DELETE",
                "/v1/acl/token/", FakeRequest.of("DELETE", AclToken.ANONYMOUS_ID).token(new ResolvedToken("x",
                        false, Authorizers.manageAll()))));
        assertEquals("Delete operation not permitted on the anonymous token", anonymousDelete.getCause().getMessage());
    }
}
