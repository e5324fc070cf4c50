package io.cairn.session.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.cairn.agent.api.Agent;
import io.cairn.agent.api.Maintenance;
import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.agent.definitions.ServiceDefinition;
import io.cairn.health.api.CheckStatus;
import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.session.internal.SessionTestKit;

import org.junit.jupiter.api.Test;

class SessionEndpointsTest {

    private final SessionTestKit kit = new SessionTestKit();
    private final FakeRoutes routes = new FakeRoutes();

    SessionEndpointsTest() {
        kit.catalog("agent-node", Map.of("serfHealth", CheckStatus.PASSING));
        new SessionEndpoints(kit.sessions(), new SelfAgent()).routes(routes);
    }

    private Response put(String path, String argument, String body) {
        return routes.call("PUT", path, FakeRequest.of("PUT", argument).body(body));
    }

    private Answer read(String path, String argument) {
        return routes.read(path, FakeRequest.of("GET", argument), kit.state());
    }

    @Test
    void declaresReadsAndPutsOnly() {
        assertEquals(List.of("PUT /v1/session/create", "PUT /v1/session/destroy/", "PUT /v1/session/renew/",
                "READ /v1/session/info/", "READ /v1/session/node/", "READ /v1/session/list"), routes.declared());
    }

    @Test
    void createInfoRenewDestroy() {
        Response created = put("/v1/session/create", "", "");
        String id = ((Map<?, ?>) created.jsonBody()).get("ID").toString();
        Answer info = read("/v1/session/info/", id);
        SessionJson session = (SessionJson) ((List<?>) info.response().jsonBody()).get(0);
        assertEquals("agent-node", session.node());
        assertEquals(List.of("serfHealth"), session.nodeChecks());
        assertEquals(info.index(), session.createIndex());
        assertEquals(1, ((List<?>) read("/v1/session/node/", "agent-node").response().jsonBody()).size());
        assertEquals(1, ((List<?>) read("/v1/session/list", "").response().jsonBody()).size());

        assertEquals(200, put("/v1/session/renew/", id, "").status());
        assertEquals(true, put("/v1/session/destroy/", id, "").jsonBody());
        assertEquals(List.of(), read("/v1/session/info/", id).response().jsonBody());
        Response gone = put("/v1/session/renew/", id, "");
        assertEquals(404, gone.status());
        assertEquals("Session id '" + id + "' not found", new String(gone.rawBody(), StandardCharsets.UTF_8));
    }

    @Test
    void refusals() {
        HttpException ttl = assertThrows(HttpException.class, () -> put("/v1/session/create", "", "{\"TTL\":\"5s\"}"));
        assertEquals(500, ttl.status());
        assertEquals("Invalid Session TTL '5000000000', must be between [10s=24h0m0s]", ttl.getMessage());
        assertEquals("Missing session",
                assertThrows(HttpException.class, () -> put("/v1/session/destroy/", "", "")).getMessage());
        assertEquals("Missing session",
                assertThrows(HttpException.class, () -> read("/v1/session/info/", "")).getMessage());
        assertEquals("Missing node name",
                assertThrows(HttpException.class, () -> read("/v1/session/node/", "")).getMessage());
    }

    @Test
    void everyReadWaitsOnTheRecordsItsIndexComesFrom() {
        // Consul reports the session table's index, so any session write moves the index of every read, misses
        // included: the records a blocking read waits on must move with it.
        // (The first command of the fake Raft has index 1, which an empty table reports too; Raft's index 1
        // is never a session write in a real cluster.)
        put("/v1/session/create", "", "");
        String[][] reads = {{"/v1/session/info/", "no-such-session"}, {"/v1/session/node/", "other-node"},
                {"/v1/session/list", ""}};
        for (String[] read : reads) {
            FakeRequest request = FakeRequest.of("GET", read[1]);
            long before = routes.read(read[0], request, kit.state()).index();
            var waitOn = routes.waitsOn(read[0], request, kit.state());
            long waited = kit.state().index(waitOn.table(), waitOn.prefix());
            put("/v1/session/create", "", "");
            assertTrue(routes.read(read[0], request, kit.state()).index() > before, read[0]);
            assertTrue(kit.state().index(waitOn.table(), waitOn.prefix()) > waited, read[0]);
        }
    }

    /** An agent that only knows its own name. */
    private static final class SelfAgent implements Agent {
        @Override
        public Member self() {
            return new Member("agent-node", "127.0.0.1", 8301, MemberStatus.ALIVE, Map.of());
        }

        @Override
        public List<Member> members() {
            return List.of(self());
        }

        @Override
        public List<ServiceDefinition> services() {
            throw new UnsupportedOperationException("sessions never list services");
        }

        @Override
        public void registerService(ServiceDefinition service, boolean replaceExistingChecks) {
            throw new UnsupportedOperationException("sessions never register services");
        }

        @Override
        public void deregisterService(String serviceId) {
            throw new UnsupportedOperationException("sessions never deregister services");
        }

        @Override
        public List<String> reload() {
            throw new UnsupportedOperationException("sessions never reload the agent");
        }

        @Override
        public void nodeMaintenance(boolean enable, String reason) {
            throw new UnsupportedOperationException("sessions never touch maintenance");
        }

        @Override
        public void serviceMaintenance(String serviceId, boolean enable, String reason) {
            throw new UnsupportedOperationException("sessions never touch maintenance");
        }

        @Override
        public List<Maintenance> maintenance() {
            return List.of();
        }
    }
}
