package io.cairn.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.agent.definitions.DefinitionParser;
import io.cairn.agent.definitions.Definitions;
import io.cairn.agent.definitions.ServiceDefinition;
import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckState;
import io.cairn.health.api.CheckStatus;
import io.cairn.http.api.HttpException;

class LocalAgentTest {
    private int changes;
    private final LocalState state = new LocalState(() -> changes++);
    private FakeHealthChecks engine;
    private final LocalAgent agent = new LocalAgent(state, () -> engine, false, false);

    private static ServiceDefinition service(String json) throws Exception {
        return DefinitionParser.service(json);
    }

    private static CheckDefinition check(String json) throws Exception {
        return DefinitionParser.check(json);
    }

    private static HttpException fails(int status, Runnable action) {
        HttpException e = assertThrows(HttpException.class, action::run);
        assertEquals(status, e.status());
        return e;
    }

    private List<String> checkIds() {
        return state.snapshot().checks().stream().map(LocalCheck::id).toList();
    }

    @Test
    void registeringAServiceAddsItAndItsChecksWithoutAnEngine() throws Exception {
        agent.registerService(service("{\"Name\":\"web\",\"Checks\":[{\"TTL\":\"10s\",\"Status\":\"passing\"},"
                + "{\"HTTP\":\"http://x\",\"Interval\":\"5s\"}]}"), false, Origin.API);
        assertTrue(state.service("web").isPresent());
        assertEquals(List.of("service:web:1", "service:web:2"), checkIds());
        assertEquals(CheckStatus.PASSING, state.check("service:web:1").orElseThrow().status());
        assertEquals("ttl", state.check("service:web:1").orElseThrow().type());
        assertEquals(CheckStatus.CRITICAL, state.check("service:web:2").orElseThrow().status());
        assertTrue(changes > 0);
    }

    @Test
    void reRegistrationKeepsOtherChecksUnlessAskedToReplaceThem() throws Exception {
        agent.registerService(service("{\"Name\":\"web\",\"Check\":{\"CheckID\":\"a\",\"TTL\":\"1s\"}}"), false, Origin.API);
        agent.registerService(service("{\"Name\":\"web\",\"Check\":{\"CheckID\":\"b\",\"TTL\":\"1s\"}}"), false, Origin.API);
        assertEquals(List.of("a", "b"), checkIds());
        agent.registerService(service("{\"Name\":\"web\",\"Check\":{\"CheckID\":\"c\",\"TTL\":\"1s\"}}"), true, Origin.API);
        assertEquals(List.of("c"), checkIds());
    }

    @Test
    void deregisteringAServiceRemovesItsChecksAndUnknownIdsAre404() throws Exception {
        agent.registerService(service("{\"Name\":\"web\",\"Check\":{\"TTL\":\"1s\"}}"), false, Origin.API);
        agent.serviceMaintenance("web", true, "");
        agent.deregisterService("web");
        assertEquals(List.of(), checkIds());
        assertEquals("Unknown service ID \"web\". Ensure that the service ID is passed, not the service name.",
                fails(404, () -> agent.deregisterService("web")).getMessage());
    }

    @Test
    void checkRegistrationNeedsAnExistingService() throws Exception {
        assertEquals("ServiceID \"db\" does not exist",
                fails(404, () -> agent.registerCheck(checkUnchecked("{\"Name\":\"c\",\"TTL\":\"1s\",\"ServiceID\":\"db\"}"),
                        Origin.API)).getMessage());
        agent.registerCheck(check("{\"Name\":\"mem\",\"TTL\":\"1s\"}"), Origin.API);
        assertEquals(List.of("mem"), checkIds());
        agent.deregisterCheck("mem");
        assertEquals("Unknown check ID \"mem\". Ensure that the check ID is passed, not the check name.",
                fails(404, () -> agent.deregisterCheck("mem")).getMessage());
    }

    @Test
    void ttlUpdatesWithoutAnEngine() throws Exception {
        agent.registerCheck(check("{\"Name\":\"mem\",\"TTL\":\"1s\"}"), Origin.API);
        agent.registerCheck(check("{\"Name\":\"web\",\"HTTP\":\"http://x\",\"Interval\":\"1s\"}"), Origin.API);
        agent.updateTtl("mem", CheckStatus.WARNING, "low");
        LocalCheck mem = state.check("mem").orElseThrow();
        assertEquals(CheckStatus.WARNING, mem.status());
        assertEquals("low", mem.output());
        assertEquals("Unknown check ID \"x\". Ensure that the check ID is passed, not the check name.",
                fails(404, () -> agent.updateTtl("x", CheckStatus.PASSING, "")).getMessage());
        assertEquals("CheckID \"web\" does not have associated TTL",
                fails(500, () -> agent.updateTtl("web", CheckStatus.PASSING, "")).getMessage());
    }

    @Test
    void serviceMaintenanceAddsAndRemovesConsulsCheck() throws Exception {
        agent.registerService(service("{\"Name\":\"web\",\"ID\":\"web-1\"}"), false, Origin.API);
        agent.serviceMaintenance("web-1", true, "");
        LocalCheck check = state.check("_service_maintenance:web-1").orElseThrow();
        assertEquals("Service Maintenance Mode", check.definition().name());
        assertEquals("Maintenance mode is enabled for this service, but no reason was provided. This is a default message.",
                check.definition().notes());
        assertEquals(CheckStatus.CRITICAL, check.status());
        assertEquals("web-1", check.serviceId());
        assertEquals("maintenance", check.type());
        agent.serviceMaintenance("web-1", true, "again");
        assertEquals(check, state.check("_service_maintenance:web-1").orElseThrow());
        assertEquals("CheckID \"_service_maintenance:web-1\" does not have associated TTL",
                fails(500, () -> agent.updateTtl("_service_maintenance:web-1", CheckStatus.PASSING, "")).getMessage());
        agent.serviceMaintenance("web-1", false, "");
        assertEquals(List.of(), checkIds());
        fails(404, () -> agent.serviceMaintenance("web", true, ""));
    }

    @Test
    void nodeMaintenanceUsesTheReasonAsNotes() {
        agent.nodeMaintenance(true, "upgrading");
        LocalCheck check = state.check("_node_maintenance").orElseThrow();
        assertEquals("Node Maintenance Mode", check.definition().name());
        assertEquals("upgrading", check.definition().notes());
        assertEquals("", check.serviceId());
        agent.nodeMaintenance(false, "");
        assertEquals(List.of(), checkIds());
        agent.nodeMaintenance(true, "");
        assertEquals("Maintenance mode is enabled for this node, but no reason was provided. This is a default message.",
                state.check("_node_maintenance").orElseThrow().definition().notes());
    }

    @Test
    void scriptChecksFollowConsulsSafeDefaults() throws Exception {
        ServiceDefinition script = service("{\"Name\":\"s\",\"Check\":{\"Args\":[\"true\"],\"Interval\":\"5s\"}}");
        assertEquals("Scripts are disabled on this agent from remote calls; to enable, configure"
                + " 'enable_script_checks' to true", fails(400, () -> agent.registerService(script, false, Origin.API))
                        .getMessage());
        fails(400, () -> agent.registerService(script, false, Origin.CONFIG));
        LocalAgent localOnly = new LocalAgent(state, () -> null, false, true);
        fails(400, () -> localOnly.registerService(script, false, Origin.API));
        localOnly.registerService(script, false, Origin.CONFIG);
        assertTrue(state.service("s").isPresent());
        new LocalAgent(state, () -> null, true, false).registerCheck(
                check("{\"Name\":\"x\",\"Script\":\"true\",\"Interval\":\"5s\"}"), Origin.API);
        assertTrue(state.check("x").isPresent());
    }

    @Test
    void checksGoToTheEngineAndARefusedOneUndoesTheRegistration() throws Exception {
        engine = new FakeHealthChecks();
        agent.registerService(service("{\"Name\":\"web\",\"Checks\":[{\"TTL\":\"10s\"},{\"HTTP\":\"http://x\","
                + "\"Interval\":\"5s\",\"Status\":\"passing\"}]}"), false, Origin.API);
        assertEquals("http", state.check("service:web:2").orElseThrow().type());
        assertEquals(CheckStatus.PASSING, state.check("service:web:2").orElseThrow().status());
        assertEquals(List.of("service:web:1", "service:web:2"), List.copyOf(engine.checks.keySet()));

        HttpException refused = fails(400, () -> agent.registerService(serviceUnchecked("{\"Name\":\"db\",\"Checks\":"
                + "[{\"TTL\":\"1s\"},{\"UDP\":\"x:1\",\"Interval\":\"1s\"}]}"), false, Origin.API));
        assertEquals("Invalid check: no installed check type accepts it; known: http, ttl", refused.getMessage());
        assertFalse(state.service("db").isPresent());
        assertFalse(engine.checks.containsKey("service:db:1"));
    }

    @Test
    void engineUpdatesAndDeregistrationsReachTheLocalState() throws Exception {
        engine = new FakeHealthChecks();
        agent.registerService(service("{\"Name\":\"web\",\"Check\":{\"TTL\":\"10s\","
                + "\"DeregisterCriticalServiceAfter\":\"1m\"}}"), false, Origin.API);
        agent.updateTtl("service:web", CheckStatus.PASSING, "fine");
        assertEquals(CheckStatus.PASSING, engine.checks.get("service:web").status());
        assertEquals("fine", state.check("service:web").orElseThrow().output());
        CheckState expired = new CheckState(engine.checks.get("service:web").definition(), "ttl",
                CheckStatus.CRITICAL, "TTL expired");
        agent.checkChanged(expired);
        assertEquals("TTL expired", state.check("service:web").orElseThrow().output());
        assertEquals(CheckStatus.CRITICAL, state.check("service:web").orElseThrow().status());
        agent.criticalTooLong(expired);
        assertFalse(state.service("web").isPresent());
        assertTrue(engine.checks.isEmpty());
    }

    @Test
    void anArrivingEngineTakesOverTheLocalChecks() throws Exception {
        agent.registerCheck(check("{\"Name\":\"mem\",\"TTL\":\"1s\",\"Status\":\"passing\"}"), Origin.API);
        agent.registerCheck(check("{\"Name\":\"odd\",\"UDP\":\"x:1\",\"Interval\":\"1s\"}"), Origin.API);
        agent.nodeMaintenance(true, "");
        engine = new FakeHealthChecks();
        agent.engineArrived(engine);
        assertEquals(List.of("register mem", "register odd"), engine.calls);
        assertEquals("ttl", state.check("mem").orElseThrow().type());
        assertEquals("Invalid check: no installed check type accepts it; known: http, ttl",
                state.check("odd").orElseThrow().output());
    }

    @Test
    void reloadReplacesWhatConfigFilesDefinedAndKeepsApiRegistrations() throws Exception {
        agent.registerService(service("{\"Name\":\"api\"}"), false, Origin.API);
        Definitions first = DefinitionParser.configFile("a.json", "{\"services\":[{\"name\":\"one\"},{\"name\":\"two\","
                + "\"check\":{\"ttl\":\"1s\"}}],\"check\":{\"name\":\"disk\",\"ttl\":\"1s\"}}");
        assertEquals(List.of(), agent.loadConfig(first));
        Definitions second = DefinitionParser.configFile("a.json", "{\"service\":{\"name\":\"two\"},"
                + "\"checks\":[{\"name\":\"script\",\"args\":[\"true\"],\"interval\":\"1s\"}]}");
        assertEquals(List.of("check \"script\": Scripts are disabled on this agent; to enable, configure"
                + " 'enable_script_checks' or 'enable_local_script_checks' to true"), agent.loadConfig(second));
        assertEquals(List.of("api", "two"), state.snapshot().services().stream().map(LocalService::id).toList());
        assertEquals(List.of(), checkIds());
        assertEquals(Map.of(), state.service("two").orElseThrow().definition().meta());
    }

    private static CheckDefinition checkUnchecked(String json) {
        try {
            return check(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ServiceDefinition serviceUnchecked(String json) {
        try {
            return service(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
