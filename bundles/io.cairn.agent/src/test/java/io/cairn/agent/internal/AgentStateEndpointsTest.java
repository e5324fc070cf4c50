package io.cairn.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.agent.api.AgentIdentity;
import io.cairn.health.api.CheckStatus;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;

class AgentStateEndpointsTest {
    private static final AgentIdentity AGENT = TestIdentities.agent("node-1", "id-1", false, "10.0.0.1",
            false);
    private final ObjectMapper mapper = new ObjectMapper();
    private final LocalState state = new LocalState(() -> { });
    private List<String> reloadProblems = List.of();
    private final AgentStateEndpoints endpoints = new AgentStateEndpoints(AGENT,
            new LocalAgent(state, () -> null, false, false), () -> reloadProblems);

    private static FakeRequest put(String argument, String body, String... query) {
        return FakeRequest.of("PUT", argument, query).body(body);
    }

    private static FakeRequest req(String argument) {
        return FakeRequest.of("PUT", argument);
    }

    private static Response ok(CompletionStage<Response> stage) {
        Response response = stage.toCompletableFuture().join();
        assertEquals(200, response.status());
        return response;
    }

    private String json(CompletionStage<Response> stage) throws Exception {
        return mapper.writeValueAsString(ok(stage).jsonBody());
    }

    private static String error(int status, Function<FakeRequest, CompletionStage<Response>> handler, FakeRequest r) {
        HttpException e = assertThrows(HttpException.class, () -> handler.apply(r));
        assertEquals(status, e.status());
        return e.getMessage();
    }

    private void registerWeb() {
        ok(endpoints.registerService(put("", "{\"name\":\"web\",\"id\":\"web-1\",\"port\":80,"
                + "\"check\":{\"ttl\":\"30s\"}}")));
    }

    @Test
    void servicesAreListedWithConsulsFieldsAndNoNulls() throws Exception {
        registerWeb();
        assertEquals("{\"web-1\":{\"ID\":\"web-1\",\"Service\":\"web\",\"Tags\":[],\"Meta\":{},\"Port\":80,"
                + "\"Address\":\"\",\"Weights\":{\"Passing\":1,\"Warning\":1},\"EnableTagOverride\":false,"
                + "\"Datacenter\":\"dc1\"}}", json(endpoints.services(req(""))));
    }

    @Test
    void oneServiceCarriesAContentHashThatFollowsChanges() throws Exception {
        registerWeb();
        Response first = ok(endpoints.service(req("web-1")));
        String hash = first.headers().get("X-Consul-ContentHash");
        assertEquals(16, hash.length());
        assertTrue(mapper.writeValueAsString(first.jsonBody()).contains("\"ContentHash\":\"" + hash + "\""));
        ok(endpoints.registerService(put("", "{\"Name\":\"web\",\"ID\":\"web-1\",\"Port\":81}")));
        assertTrue(!hash.equals(ok(endpoints.service(req("web-1"))).headers().get("X-Consul-ContentHash")));
        assertEquals("unknown service ID: nope", error(404, endpoints::service, req("nope")));
    }

    @Test
    void checksAreListedWithTheirServiceAndDefinition() throws Exception {
        registerWeb();
        ok(endpoints.registerCheck(put("", "{\"Name\":\"api\",\"HTTP\":\"http://x/\",\"Interval\":\"10s\","
                + "\"ServiceID\":\"web-1\"}")));
        String json = json(endpoints.checks(req("")));
        assertTrue(json.startsWith("{\"api\":{\"Node\":\"node-1\",\"CheckID\":\"api\",\"Name\":\"api\","
                + "\"Status\":\"critical\",\"Notes\":\"\",\"Output\":\"\",\"ServiceID\":\"web-1\",\"ServiceName\":\"web\","
                + "\"ServiceTags\":[],\"Type\":\"\",\"Interval\":\"10s\",\"Timeout\":\"\",\"ExposedPort\":0,"
                + "\"Definition\":{\"HTTP\":\"http://x/\",\"Interval\":\"10s\"},\"CreateIndex\":0,\"ModifyIndex\":0},"
                + "\"service:web-1\":{"), json);
    }

    @Test
    void registrationErrorsAre400WithTheParsersText() {
        assertEquals("Missing service name", error(400, endpoints::registerService, put("", "{\"Port\":1}")));
        assertEquals("Missing check name", error(400, endpoints::registerCheck, put("", "{\"TTL\":\"1s\"}")));
        assertEquals("ServiceID \"db\" does not exist", error(404, endpoints::registerCheck,
                put("", "{\"Name\":\"c\",\"TTL\":\"1s\",\"ServiceID\":\"db\"}")));
    }

    @Test
    void replaceExistingChecksIsAFlag() {
        registerWeb();
        ok(endpoints.registerService(put("", "{\"Name\":\"web\",\"ID\":\"web-1\",\"Check\":{\"CheckID\":\"x\","
                + "\"TTL\":\"1s\"}}", "replace-existing-checks=")));
        assertEquals(List.of("x"), state.snapshot().checks().stream().map(LocalCheck::id).toList());
    }

    @Test
    void ttlEndpointsSetStatusAndOutput() {
        registerWeb();
        ok(endpoints.ttl(put("service:web-1", "", "note=all good"), CheckStatus.PASSING));
        assertEquals("all good", state.check("service:web-1").orElseThrow().output());
        ok(endpoints.updateCheck(put("service:web-1", "{\"status\":\"warning\",\"output\":\"slow\"}")));
        LocalCheck check = state.check("service:web-1").orElseThrow();
        assertEquals(CheckStatus.WARNING, check.status());
        assertEquals("slow", check.output());
        assertEquals("Invalid check status: 'up'", error(400, endpoints::updateCheck,
                put("service:web-1", "{\"Status\":\"up\"}")));
        assertEquals("Unknown check ID \"x\". Ensure that the check ID is passed, not the check name.",
                error(404, r -> endpoints.ttl(r, CheckStatus.CRITICAL), req("x")));
    }

    @Test
    void maintenanceNeedsEnable() {
        registerWeb();
        assertEquals("Missing value for enable", error(400, endpoints::nodeMaintenance, req("")));
        assertEquals("Invalid value for enable", error(400, endpoints::serviceMaintenance,
                put("web-1", "", "enable=yes")));
        ok(endpoints.serviceMaintenance(put("web-1", "", "enable=true", "reason=deploy")));
        assertEquals("deploy", state.check("_service_maintenance:web-1").orElseThrow().definition().notes());
        ok(endpoints.nodeMaintenance(put("", "", "enable=1")));
        assertTrue(state.check("_node_maintenance").isPresent());
        ok(endpoints.nodeMaintenance(put("", "", "enable=false")));
        assertTrue(state.check("_node_maintenance").isEmpty());
        assertTrue(error(404, endpoints::serviceMaintenance, put("web", "", "enable=true"))
                .startsWith("Unknown service ID \"web\""));
    }

    @Test
    void deregistrationOfUnknownIdsIs404() {
        assertTrue(error(404, endpoints::deregisterService, req("x")).startsWith("Unknown service ID \"x\""));
        assertTrue(error(404, endpoints::deregisterCheck, req("x")).startsWith("Unknown check ID \"x\""));
        registerWeb();
        ok(endpoints.deregisterCheck(req("service:web-1")));
        ok(endpoints.deregisterService(req("web-1")));
        assertTrue(state.snapshot().services().isEmpty());
    }

    @Test
    void reloadReportsWhatCouldNotBeLoaded() {
        ok(endpoints.reload(req("")));
        reloadProblems = List.of("a.json: service.name: Missing service name");
        assertEquals("Failed reloading: a.json: service.name: Missing service name",
                error(500, endpoints::reload, req("")));
    }

    @Test
    void declaresItsRoutes() {
        FakeRoutes routes = new FakeRoutes();
        endpoints.routes(routes);
        assertEquals(List.of("GET /v1/agent/services", "GET /v1/agent/service/",
                "GET /v1/agent/checks", "PUT /v1/agent/service/register", "PUT /v1/agent/service/deregister/",
                "PUT /v1/agent/service/maintenance/", "PUT /v1/agent/maintenance", "PUT /v1/agent/check/register",
                "PUT /v1/agent/check/deregister/", "PUT /v1/agent/check/pass/", "PUT /v1/agent/check/warn/",
                "PUT /v1/agent/check/fail/", "PUT /v1/agent/check/update/", "PUT /v1/agent/reload"), routes.declared());
    }
}
