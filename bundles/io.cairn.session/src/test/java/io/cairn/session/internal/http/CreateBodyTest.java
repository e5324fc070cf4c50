package io.cairn.session.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.cairn.http.api.HttpException;
import io.cairn.session.api.ServiceCheck;
import io.cairn.session.api.Session;
import io.cairn.session.api.SessionBehavior;
import io.cairn.session.api.SessionRequest;

import org.junit.jupiter.api.Test;

class CreateBodyTest {

    /** Decodes as the HTTP server does: case-insensitive names, unknown fields ignored. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static SessionRequest request(String json) throws Exception {
        return MAPPER.readValue(json, CreateBody.class).toRequest("agent-node");
    }

    @Test
    void emptyBodyGetsConsulsDefaults() {
        SessionRequest r = CreateBody.EMPTY.toRequest("agent-node");
        assertEquals("agent-node", r.node());
        assertEquals(List.of("serfHealth"), r.nodeChecks());
        assertEquals(Duration.ofSeconds(15), r.lockDelay());
        assertEquals(SessionBehavior.RELEASE, r.behavior());
        assertEquals(Duration.ZERO, r.ttl());
    }

    @Test
    void pythonConsulAndPatroniBodies() throws Exception {
        SessionRequest r = request("{\"name\":\"pg-node1\",\"checks\":[],\"lockdelay\":\"0.001s\","
                + "\"behavior\":\"delete\",\"ttl\":\"15.0s\",\"WriteRequest\":{}}");
        assertEquals(List.of(), r.nodeChecks(), "an explicit empty list binds no check");
        assertEquals(Duration.ofMillis(1), r.lockDelay());
        assertEquals(SessionBehavior.DELETE, r.behavior());
        assertEquals(Duration.ofSeconds(15), r.ttl());
        assertEquals(Duration.ofSeconds(5), request("{\"LockDelay\":5}").lockDelay());
    }

    @Test
    void checksAndNodeChecksAreMerged() throws Exception {
        SessionRequest r = request("{\"Checks\":[\"a\",\"b\"],\"NodeChecks\":[\"b\",\"c\"],"
                + "\"ServiceChecks\":[{\"ID\":\"web\"}]}");
        assertEquals(List.of("b", "c", "a"), r.nodeChecks());
        assertEquals(List.of(new ServiceCheck("web", "")), r.serviceChecks());
    }

    @Test
    void refusalsUseConsulsTexts() {
        HttpException behavior = assertThrows(HttpException.class, () -> request("{\"Behavior\":\"keep\"}"));
        assertEquals(500, behavior.status());
        assertEquals("Invalid Behavior setting 'keep'", behavior.getMessage());
        HttpException ttl = assertThrows(HttpException.class, () -> request("{\"TTL\":\"soon\"}"));
        assertEquals(500, ttl.status());
        assertEquals("Session TTL 'soon' invalid: time: invalid duration \"soon\"", ttl.getMessage());
        HttpException delay = assertThrows(HttpException.class, () -> request("{\"LockDelay\":\"later\"}"));
        assertEquals(400, delay.status());
    }

    @Test
    void outputMatchesConsul() throws Exception {
        Session plain = new Session("id", "", "n", Duration.ofSeconds(15), SessionBehavior.RELEASE, Duration.ZERO,
                List.of("serfHealth"), List.of(), 5, 6);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = MAPPER.convertValue(SessionJson.of(plain), Map.class);
        assertEquals(15_000_000_000L, ((Number) json.get("LockDelay")).longValue());
        assertEquals("", json.get("TTL"));
        assertEquals("release", json.get("Behavior"));
        assertEquals(List.of("serfHealth"), json.get("NodeChecks"));
        assertNull(json.get("ServiceChecks"));
        assertEquals(false, json.containsKey("Checks"), "only the default check: Checks is left out");
        Session bound = new Session("id", "", "n", Duration.ZERO, SessionBehavior.DELETE, Duration.ofSeconds(30),
                List.of("a"), List.of(new ServiceCheck("web", "")), 5, 6);
        @SuppressWarnings("unchecked")
        Map<String, Object> json2 = MAPPER.convertValue(SessionJson.of(bound), Map.class);
        assertEquals("30s", json2.get("TTL"));
        assertEquals(List.of("a", "web"), json2.get("Checks"));
        assertEquals(List.of(Map.of("ID", "web", "Namespace", "")), json2.get("ServiceChecks"));
    }
}
