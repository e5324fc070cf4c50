package io.cairn.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.cairn.agent.api.AgentIdentity;
import io.cairn.health.api.CheckStatus;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;

/** Consul's ACL rules on the agent's endpoints: lists filtered, everything else 403 before anything changes. */
class AgentAclTest {
    private static final AgentIdentity AGENT = TestIdentities.agent("node-1", "id-1", true, "10.0.0.1", false);
    private static final String FILTERED = "X-Consul-Results-Filtered-By-ACLs";
    private static final String WRITE_WEB = "service \"web\" { policy = \"write\" }";
    private static final String DENIED = "Permission denied: token with AccessorID '" + FakeRequest.TEST_ACCESSOR
            + "' lacks permission ";

    private final LocalState state = new LocalState(() -> { });
    private final AgentStateEndpoints endpoints = new AgentStateEndpoints(AGENT,
            new LocalAgent(state, () -> null, false, false), List::of);

    AgentAclTest() {
        ok(endpoints.registerService(put("", "{\"Name\":\"web\",\"ID\":\"web-1\",\"Check\":{\"TTL\":\"30s\"}}")));
        ok(endpoints.registerService(put("", "{\"Name\":\"db\",\"ID\":\"db-1\",\"Check\":{\"TTL\":\"30s\"}}")));
        ok(endpoints.registerCheck(put("", "{\"Name\":\"mem\",\"TTL\":\"30s\"}")));
    }

    private static FakeRequest put(String argument, String body, String... query) {
        return FakeRequest.of("PUT", argument, query).body(body);
    }

    private static Response ok(CompletionStage<Response> stage) {
        Response response = stage.toCompletableFuture().join();
        assertEquals(200, response.status());
        return response;
    }

    private static String denied(Function<FakeRequest, CompletionStage<Response>> handler, FakeRequest request) {
        HttpException e = assertThrows(HttpException.class, () -> handler.apply(request));
        assertEquals(403, e.status());
        return e.getMessage();
    }

    private LocalState.Snapshot unchanged() {
        return state.snapshot();
    }

    @Test
    void servicesAndChecksListOnlyWhatTheTokenMayRead() {
        FakeRequest webOnly = FakeRequest.of("GET", "").rules("service \"web\" { policy = \"read\" }");
        Response services = ok(endpoints.services(webOnly));
        assertEquals(List.of("web-1"), List.copyOf(((Map<?, ?>) services.jsonBody()).keySet()));
        assertEquals("true", services.headers().get(FILTERED));
        Response checks = ok(endpoints.checks(webOnly));
        assertEquals(List.of("service:web-1"), List.copyOf(((Map<?, ?>) checks.jsonBody()).keySet()));
        assertEquals("true", checks.headers().get(FILTERED));

        FakeRequest nodeReader = FakeRequest.of("GET", "").rules("node \"node-1\" { policy = \"read\" }");
        assertEquals(List.of("mem"), List.copyOf(((Map<?, ?>) ok(endpoints.checks(nodeReader)).jsonBody()).keySet()));

        FakeRequest all = FakeRequest.of("GET", "").rules("service_prefix \"\" { policy = \"read\" }\n"
                + "node_prefix \"\" { policy = \"read\" }");
        assertEquals(2, ((Map<?, ?>) ok(endpoints.services(all)).jsonBody()).size());
        Response allChecks = ok(endpoints.checks(all));
        assertEquals(3, ((Map<?, ?>) allChecks.jsonBody()).size());
        assertNull(allChecks.headers().get(FILTERED));

        Response anonymous = ok(endpoints.services(FakeRequest.of("GET", "").anonymousDenied()));
        assertEquals(Map.of(), anonymous.jsonBody());
        assertNull(anonymous.headers().get(FILTERED), "the anonymous token is not told");
    }

    @Test
    void oneServiceNeedsServiceRead() {
        ok(endpoints.service(FakeRequest.of("GET", "web-1").rules("service \"web\" { policy = \"read\" }")));
        assertEquals(DENIED + "'service:read' on \"db\"",
                denied(endpoints::service, FakeRequest.of("GET", "db-1").rules(WRITE_WEB)));
        HttpException unknown = assertThrows(HttpException.class,
                () -> endpoints.service(FakeRequest.of("GET", "nope").rules(WRITE_WEB)));
        assertEquals(404, unknown.status());
    }

    @Test
    void registeringAServiceNeedsWriteOnItAndOnWhatItReplaces() {
        ok(endpoints.registerService(put("", "{\"Name\":\"web\",\"ID\":\"web-2\",\"Check\":{\"TTL\":\"1s\"}}")
                .rules(WRITE_WEB)));
        assertTrue(state.service("web-2").isPresent());

        LocalState.Snapshot before = unchanged();
        assertEquals(DENIED + "'service:write' on \"api\"", denied(endpoints::registerService,
                put("", "{\"Name\":\"api\",\"ID\":\"api-1\"}").rules(WRITE_WEB)));
        assertEquals(DENIED + "'service:write' on \"db\"", denied(endpoints::registerService,
                put("", "{\"Name\":\"web\",\"ID\":\"db-1\"}").rules(WRITE_WEB)), "it would replace db-1");
        assertEquals(before, unchanged());
    }

    @Test
    void deregistrationAndMaintenanceOfAServiceNeedServiceWrite() {
        FakeRequest reader = put("web-1", "", "enable=true").rules("service \"web\" { policy = \"read\" }");
        LocalState.Snapshot before = unchanged();
        assertEquals(DENIED + "'service:write' on \"web\"", denied(endpoints::deregisterService, reader));
        assertEquals(DENIED + "'service:write' on \"web\"", denied(endpoints::serviceMaintenance, reader));
        assertEquals(before, unchanged());

        ok(endpoints.serviceMaintenance(put("web-1", "", "enable=true").rules(WRITE_WEB)));
        assertTrue(state.check("_service_maintenance:web-1").isPresent());
        ok(endpoints.deregisterService(put("web-1", "").rules(WRITE_WEB)));
        assertTrue(state.service("web-1").isEmpty());
        HttpException unknown = assertThrows(HttpException.class,
                () -> endpoints.deregisterService(put("web-1", "").rules(WRITE_WEB)));
        assertEquals(404, unknown.status(), "an unknown ID is still Consul's 404");
    }

    @Test
    void checksNeedWriteOnTheirServiceOrOnTheNode() {
        LocalState.Snapshot before = unchanged();
        assertEquals(DENIED + "'node:write' on \"node-1\"", denied(endpoints::registerCheck,
                put("", "{\"Name\":\"disk\",\"TTL\":\"1s\"}").rules(WRITE_WEB)));
        assertEquals(DENIED + "'service:write' on \"db\"", denied(endpoints::registerCheck,
                put("", "{\"Name\":\"db-extra\",\"TTL\":\"1s\",\"ServiceID\":\"db-1\"}").rules(WRITE_WEB)));
        assertEquals(DENIED + "'node:write' on \"node-1\"", denied(endpoints::registerCheck,
                put("", "{\"Name\":\"mem\",\"TTL\":\"1s\",\"ServiceID\":\"web-1\"}").rules(WRITE_WEB)),
                "it would replace the node check mem");
        assertEquals(DENIED + "'service:write' on \"db\"", denied(r -> endpoints.ttl(r, CheckStatus.PASSING),
                put("service:db-1", "").rules(WRITE_WEB)));
        assertEquals(DENIED + "'node:write' on \"node-1\"", denied(endpoints::updateCheck,
                put("mem", "{\"Status\":\"passing\"}").rules(WRITE_WEB)));
        assertEquals(DENIED + "'node:write' on \"node-1\"", denied(endpoints::deregisterCheck,
                put("mem", "").rules(WRITE_WEB)));
        assertEquals(before, unchanged());

        ok(endpoints.registerCheck(put("", "{\"Name\":\"web-extra\",\"TTL\":\"1s\",\"ServiceID\":\"web-1\"}")
                .rules(WRITE_WEB)));
        ok(endpoints.ttl(put("service:web-1", "").rules(WRITE_WEB), CheckStatus.PASSING));
        assertEquals(CheckStatus.PASSING, state.check("service:web-1").orElseThrow().status());
        String nodeWriter = "node \"node-1\" { policy = \"write\" }";
        ok(endpoints.updateCheck(put("mem", "{\"Status\":\"warning\"}").rules(nodeWriter)));
        ok(endpoints.deregisterCheck(put("mem", "").rules(nodeWriter)));
        assertTrue(state.check("mem").isEmpty());
    }

    @Test
    void nodeMaintenanceNeedsNodeWriteAndReloadAgentWrite() {
        assertEquals(DENIED + "'node:write' on \"node-1\"", denied(endpoints::nodeMaintenance,
                put("", "", "enable=true").rules("node \"node-1\" { policy = \"read\" }")));
        assertTrue(state.check("_node_maintenance").isEmpty());
        ok(endpoints.nodeMaintenance(put("", "", "enable=true").rules("node \"node-1\" { policy = \"write\" }")));
        assertTrue(state.check("_node_maintenance").isPresent());

        assertEquals(DENIED + "'agent:write' on \"node-1\"", denied(endpoints::reload,
                put("", "").rules("agent \"node-1\" { policy = \"read\" }")));
        ok(endpoints.reload(put("", "").rules("agent \"node-1\" { policy = \"write\" }")));
    }

    @Test
    void selfNeedsAgentReadAndStatusNothing() {
        AgentEndpoints agent = AgentEndpointsTest.endpoints(AGENT, () -> null, new LogMonitor(ZoneOffset.UTC));
        ok(agent.self(new FakeRequest().rules("agent_prefix \"node\" { policy = \"read\" }")));
        assertEquals(DENIED + "'agent:read' on \"node-1\"",
                denied(agent::self, new FakeRequest().rules("agent \"other\" { policy = \"write\" }")));
        ok(agent.leader(new FakeRequest().anonymousDenied()));
        ok(agent.peers(new FakeRequest().anonymousDenied()));
    }
}
