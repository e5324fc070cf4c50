package io.cairn.session.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.cairn.agent.api.Agent;
import io.cairn.agent.api.Maintenance;
import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.agent.definitions.ServiceDefinition;
import io.cairn.health.api.CheckStatus;
import io.cairn.http.api.Answer;
import io.cairn.http.api.Handler;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.http.api.StateQuery;
import io.cairn.raft.api.Consistency;
import io.cairn.session.internal.SessionTestKit;

import org.junit.jupiter.api.Test;

class SessionEndpointsTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final SessionTestKit kit = new SessionTestKit();
    private final Map<String, Handler> puts = new HashMap<>();
    private final Map<String, StateQuery> reads = new HashMap<>();

    SessionEndpointsTest() {
        kit.catalog("agent-node", Map.of("serfHealth", CheckStatus.PASSING));
        new SessionEndpoints(kit.sessions(), new SelfAgent()).routes(new RouteTable() {
            @Override
            public RouteTable read(String path, StateQuery query) {
                reads.put(path, query);
                return this;
            }

            @Override
            public RouteTable get(String path, Handler handler) {
                throw new AssertionError("sessions have no agent-local GETs");
            }

            @Override
            public RouteTable put(String path, Handler handler) {
                puts.put(path, handler);
                return this;
            }

            @Override
            public RouteTable post(String path, Handler handler) {
                throw new AssertionError("sessions have no POSTs");
            }

            @Override
            public RouteTable delete(String path, Handler handler) {
                throw new AssertionError("sessions have no DELETEs");
            }
        });
    }

    private Response put(String path, String argument, String body) {
        return puts.get(path).handle(new BodyRequest(argument, body)).toCompletableFuture().join();
    }

    private Answer read(String path, String argument) {
        StateQuery query = reads.get(path);
        BodyRequest request = new BodyRequest(argument, "");
        query.watch(request);
        return query.answer(request, kit.state());
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

    /** A PUT or GET with an argument and a body; nothing else is read by the session endpoints. */
    private record BodyRequest(String argument, String text) implements Request {
        @Override
        public String method() {
            return "PUT";
        }

        @Override
        public String path() {
            return "/v1/session/";
        }

        @Override
        public Optional<String> param(String name) {
            return Optional.empty();
        }

        @Override
        public List<String> params(String name) {
            return List.of();
        }

        @Override
        public boolean flag(String name) {
            return false;
        }

        @Override
        public Optional<Long> unsignedParam(String name) {
            return Optional.empty();
        }

        @Override
        public Consistency consistency() {
            return Consistency.DEFAULT;
        }

        @Override
        public Optional<String> header(String name) {
            return Optional.empty();
        }

        @Override
        public byte[] body() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public <T> T body(Class<T> type) {
            try {
                return MAPPER.readValue(text, type);
            } catch (java.io.IOException e) {
                throw HttpException.badRequest("Request decode failed: " + e.getMessage());
            }
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
