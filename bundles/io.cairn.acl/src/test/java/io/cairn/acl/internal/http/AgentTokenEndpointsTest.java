package io.cairn.acl.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.cairn.acl.internal.AclAgent;
import io.cairn.acl.internal.AclSettings;
import io.cairn.acl.internal.AclTestKit;
import io.cairn.acl.internal.AgentTokens;
import io.cairn.acl.rules.DefaultPolicy;
import io.cairn.http.api.HttpException;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentTokenEndpointsTest {

    @TempDir
    Path dataDir;

    private FakeRoutes routes(AclAgent acl) {
        FakeRoutes routes = new FakeRoutes();
        new AgentTokenEndpoints(acl).routes(routes);
        return routes;
    }

    @Test
    void setsTheDefaultTokenAndPersistsIt() throws Exception {
        AclTestKit kit = new AclTestKit();
        AclSettings settings = new AclSettings(true, DefaultPolicy.DENY, "extend-cache", Duration.ofSeconds(30),
                true, "root", AgentTokens.Values.NONE);
        AclAgent acl = new AclAgent(settings, "node-1", "dc1", dataDir, kit.clock);
        FakeRoutes routes = routes(acl);
        routes.call("PUT", "/v1/agent/token/", FakeRequest.of("PUT", "acl_token").rules("acl = \"write\"")
                .body("{\"Token\":\"root\"}"));
        assertEquals("root", acl.tokens().values().defaultToken());
        assertTrue(Files.readString(dataDir.resolve(AgentTokens.FILE_NAME)).contains("\"default\":\"root\""));
        HttpException unknown = assertThrows(HttpException.class, () -> routes.call("PUT", "/v1/agent/token/",
                FakeRequest.of("PUT", "nope").rules("acl = \"write\"").body("{\"Token\":\"x\"}")));
        assertEquals(404, unknown.status());
        assertEquals("Token \"nope\" is unknown", unknown.getMessage());
        HttpException denied = assertThrows(HttpException.class, () -> routes.call("PUT", "/v1/agent/token/",
                FakeRequest.of("PUT", "agent").rules("acl = \"read\"").body("{\"Token\":\"x\"}")));
        assertEquals(403, denied.status());
    }

    @Test
    void answers401WhileAclsAreDisabled() {
        AclAgent acl = new AclAgent(AclSettings.DISABLED, "node-1", "dc1", dataDir, new AclTestKit().clock);
        HttpException disabled = assertThrows(HttpException.class, () -> routes(acl).call("PUT", "/v1/agent/token/",
                FakeRequest.of("PUT", "default").body("{\"Token\":\"x\"}")));
        assertEquals(401, disabled.status());
    }
}
