package io.cairn.session.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import io.cairn.agent.api.Agent;
import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.health.api.CheckStatus;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.session.internal.SessionTestKit;

import org.junit.jupiter.api.Test;

/** {@code PUT /v1/session/create} reads {@code LockDelay} and {@code TTL} as strictly as Go reads Consul's session. */
class SessionCreateRefusalsTest {

    private final SessionTestKit kit = new SessionTestKit();
    private final FakeRoutes routes = new FakeRoutes();

    SessionCreateRefusalsTest() {
        kit.catalog("agent-node", Map.of("serfHealth", CheckStatus.PASSING));
        Member self = new Member("agent-node", "127.0.0.1", 8301, MemberStatus.ALIVE, Map.of());
        Agent agent = (Agent) Proxy.newProxyInstance(Agent.class.getClassLoader(), new Class<?>[] {Agent.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("self")) {
                        return self;
                    }
                    throw new UnsupportedOperationException("sessions only ask the agent its name");
                });
        new SessionEndpoints(kit.sessions(), agent).routes(routes);
    }

    private Response create(String body) {
        return routes.call("PUT", "/v1/session/create", FakeRequest.of("PUT", "").body(body));
    }

    /** The 400's text for {@code body}; no session may have been created. */
    private String refusal(String body) {
        HttpException refused = assertThrows(HttpException.class, () -> create(body));
        assertEquals(400, refused.status(), refused.getMessage());
        assertEquals(List.of(), routes.read("/v1/session/list", FakeRequest.of("GET", ""), kit.state()).response()
                .jsonBody());
        return refused.getMessage();
    }

    private long lockDelayNanos(String body) {
        String id = ((Map<?, ?>) create(body).jsonBody()).get("ID").toString();
        List<?> info = (List<?>) routes.read("/v1/session/info/", FakeRequest.of("GET", id), kit.state()).response()
                .jsonBody();
        return ((SessionJson) info.get(0)).lockDelay();
    }

    @Test
    void aLockDelayBeyondGosRangeIsRefusedNotWrapped() {
        assertEquals("Request decode failed: json: cannot unmarshal number 1208925819614629174706176 into Go struct"
                + " field Session.LockDelay of type time.Duration",
                refusal("{\"LockDelay\":1208925819614629174706176}"));
        assertEquals("Request decode failed: json: cannot unmarshal number 1.0e30 into Go struct field"
                + " Session.LockDelay of type time.Duration", refusal("{\"lockdelay\":1e30}"));
        assertEquals("Request decode failed: json: cannot unmarshal number -9223372036854775808 into Go struct field"
                + " Session.LockDelay of type time.Duration", refusal("{\"LockDelay\":-9223372036854775808}"),
                "below 1000 it counts as seconds, and so many seconds are out of range");
        assertEquals("Request decode failed: invalid duration \"-1000000h\" (out of range: a lock delay below 1000ns"
                + " counts as seconds)", refusal("{\"LockDelay\":\"-1000000h\"}"));
    }

    @Test
    void aLockDelayOfAnotherJsonTypeIsRefused() {
        assertEquals("Request decode failed: json: cannot unmarshal bool into Go struct field Session.LockDelay of"
                + " type time.Duration", refusal("{\"LockDelay\":true}"));
        assertEquals("Request decode failed: json: cannot unmarshal array into Go struct field Session.LockDelay of"
                + " type time.Duration", refusal("{\"LockDelay\":[15]}"));
    }

    @Test
    void aLockDelayInRangeIsReadAsConsulReadsIt() {
        assertEquals(2_000_000_000L, lockDelayNanos("{\"LockDelay\":2.5}"), "the fraction goes, then seconds");
        assertEquals(15_000_000_000L, lockDelayNanos("{\"LockDelay\":\"15s\"}"));
        assertEquals(30_000_000_000L, lockDelayNanos("{\"LockDelay\":30000000000}"));
    }

    @Test
    void aTtlIsAGoString() {
        assertEquals("Request decode failed: json: cannot unmarshal number into Go struct field Session.TTL of type"
                + " string", refusal("{\"TTL\":30}"));
        assertEquals("Request decode failed: json: cannot unmarshal bool into Go struct field Session.TTL of type"
                + " string", refusal("{\"ttl\":true}"));
        assertEquals("Request decode failed: json: cannot unmarshal object into Go struct field Session.TTL of type"
                + " string", refusal("{\"TTL\":{}}"));
    }
}
