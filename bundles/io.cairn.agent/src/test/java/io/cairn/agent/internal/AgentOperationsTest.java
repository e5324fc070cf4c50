package io.cairn.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cairn.agent.api.AgentIdentity;
import io.cairn.agent.api.Maintenance;
import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.agent.definitions.DefinitionParser;
import io.cairn.agent.definitions.ServiceDefinition;

class AgentOperationsTest {
    private static final AgentIdentity SERVER = TestIdentities.agent("node-1", "id-1", true, "10.0.0.1",
            false);

    private final LocalState state = new LocalState(() -> { });
    private final LocalAgent local = new LocalAgent(state, () -> null, false, false);
    private List<String> reloadProblems = List.of();
    private int reloads;
    private final AgentOperations agent = new AgentOperations(SERVER, local, () -> {
        reloads++;
        return reloadProblems;
    }, () -> null);

    @Test
    void withoutGossipTheMembersAreThisAgentAliveWithItsGossipTags() {
        Member self = agent.self();
        assertEquals("node-1", self.name());
        assertEquals("10.0.0.1", self.address());
        assertEquals(8301, self.port());
        assertEquals(MemberStatus.ALIVE, self.status());
        assertEquals("consul", self.tags().get("role"));
        assertEquals("8300", self.tags().get("port"));
        assertTrue(self.server());
        assertEquals(List.of(self), agent.members());
    }

    @Test
    void registersAndDeregistersThroughTheLocalAgent() throws Exception {
        agent.registerService(DefinitionParser.service("{\"Name\":\"web\",\"Check\":{\"TTL\":\"10s\"}}"), false);
        assertEquals(Origin.API, state.service("web").orElseThrow().origin());
        assertTrue(state.check("service:web").isPresent());
        agent.deregisterService("web");
        assertFalse(state.service("web").isPresent());
        assertFalse(state.check("service:web").isPresent());
    }

    @Test
    void servicesAreTheRegisteredInstancesWithoutTheirChecks() throws Exception {
        assertEquals(List.of(), agent.services());
        agent.registerService(DefinitionParser.service(
                "{\"ID\":\"web-1\",\"Name\":\"web\",\"Tags\":[\"v2\"],\"Check\":{\"TTL\":\"10s\"}}"), false);

        ServiceDefinition web = agent.services().get(0);
        assertEquals(List.of("web-1", "web", List.of("v2"), List.of()),
                List.of(web.id(), web.name(), web.tags(), web.checks()));
        agent.deregisterService("web-1");
        assertEquals(List.of(), agent.services());
    }

    @Test
    void refusalsAreIllegalArgumentsWithTheHttpText() throws Exception {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> agent.deregisterService("nope"));
        assertEquals("Unknown service ID \"nope\". Ensure that the service ID is passed, not the service name.",
                unknown.getMessage());
        IllegalArgumentException script = assertThrows(IllegalArgumentException.class,
                () -> agent.registerService(DefinitionParser.service(
                        "{\"Name\":\"web\",\"Check\":{\"Args\":[\"true\"],\"Interval\":\"10s\"}}"), false));
        assertTrue(script.getMessage().startsWith("Scripts are disabled on this agent from remote calls"),
                script.getMessage());
        assertThrows(IllegalArgumentException.class, () -> agent.serviceMaintenance("nope", true, ""));
    }

    @Test
    void maintenanceListsTheNodeFirstThenServicesWithTheirReasons() throws Exception {
        agent.registerService(DefinitionParser.service("{\"Name\":\"web\"}"), false);
        agent.serviceMaintenance("web", true, "");
        agent.nodeMaintenance(true, "kernel upgrade");
        assertEquals(List.of(new Maintenance("", "kernel upgrade"), new Maintenance("web",
                "Maintenance mode is enabled for this service, but no reason was provided. This is a default"
                        + " message.")), agent.maintenance());
        agent.nodeMaintenance(false, "");
        agent.serviceMaintenance("web", false, "");
        assertEquals(List.of(), agent.maintenance());
    }

    @Test
    void reloadReturnsTheProblemsOfTheSharedReload() {
        reloadProblems = List.of("service \"web\": bad");
        assertEquals(List.of("service \"web\": bad"), agent.reload());
        assertEquals(1, reloads);
    }
}
