package io.cairn.session.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.cairn.agent.api.Agent;
import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.health.api.CheckStatus;
import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.session.internal.SessionTestKit;

import org.junit.jupiter.api.Test;

/**
 * {@code /v1/session} under a token's rules: writes need {@code session:write} on the session's node (403, nothing
 * changed), reads leave out the sessions of nodes without {@code session:read}.
 */
class SessionAclTest {

    private static final String FILTERED = "X-Consul-Results-Filtered-By-ACLs";
    /** Writes sessions of agent-node, reads those of other-node, nothing of hidden-node. */
    private static final String RULES = """
            session "agent-node" { policy = "write" }
            session "other-node" { policy = "read" }
            """;

    private final SessionTestKit kit = new SessionTestKit();
    private final FakeRoutes routes = new FakeRoutes();

    SessionAclTest() {
        for (String node : List.of("agent-node", "other-node", "hidden-node")) {
            kit.catalog(node, Map.of("serfHealth", CheckStatus.PASSING));
        }
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

    private static FakeRequest token() {
        return new FakeRequest().rules(RULES);
    }

    private Response put(FakeRequest request, String path, String argument, String body) {
        return routes.call("PUT", path, request.method("PUT").argument(argument).body(body));
    }

    private String create(FakeRequest request, String node) {
        Response created = put(request, "/v1/session/create", "", node.isEmpty() ? "" : "{\"Node\":\"" + node + "\"}");
        return ((Map<?, ?>) created.jsonBody()).get("ID").toString();
    }

    private Answer read(FakeRequest request, String path, String argument) {
        return routes.read(path, request.argument(argument), kit.state());
    }

    private List<String> nodes(Answer answer) {
        return ((List<?>) answer.response().jsonBody()).stream().map(s -> ((SessionJson) s).node()).toList();
    }

    private int sessionCount() {
        return ((List<?>) read(new FakeRequest(), "/v1/session/list", "").response().jsonBody()).size();
    }

    private static void assertDenied(String node, Runnable call) {
        Throwable thrown = assertThrows(RuntimeException.class, call::run);
        HttpException denied = assertInstanceOf(HttpException.class,
                thrown instanceof CompletionException ? thrown.getCause() : thrown);
        assertEquals(403, denied.status());
        assertEquals("Permission denied: token with AccessorID '" + FakeRequest.TEST_ACCESSOR + "' lacks permission "
                + "'session:write' on \"" + node + "\"", denied.getMessage());
    }

    @Test
    void createNeedsSessionWriteOnTheSessionsNode() {
        create(token(), "");
        create(token(), "agent-node");
        assertDenied("other-node", () -> create(token(), "other-node"));
        assertDenied("hidden-node", () -> create(token(), "hidden-node"));
        assertEquals(2, sessionCount());
    }

    @Test
    void destroyAndRenewNeedSessionWriteOnTheNodeItWasCreatedOn() {
        String mine = create(token(), "");
        String theirs = create(new FakeRequest(), "other-node");
        assertEquals(200, put(token(), "/v1/session/renew/", mine, "").status());
        assertDenied("other-node", () -> put(token(), "/v1/session/renew/", theirs, ""));
        assertDenied("other-node", () -> put(token(), "/v1/session/destroy/", theirs, ""));
        assertEquals(2, sessionCount(), "nothing destroyed");

        assertEquals(true, put(token(), "/v1/session/destroy/", mine, "").jsonBody());
        assertEquals(404, put(token(), "/v1/session/renew/", mine, "").status(), "unknown: as without ACLs");
        assertEquals(true, put(token(), "/v1/session/destroy/", mine, "").jsonBody());
        assertEquals(1, sessionCount());
    }

    @Test
    void readsLeaveOutSessionsOfNodesWithoutSessionReadAndSaySo() {
        String mine = create(new FakeRequest(), "agent-node");
        create(new FakeRequest(), "other-node");
        String hidden = create(new FakeRequest(), "hidden-node");

        Answer list = read(token(), "/v1/session/list", "");
        assertEquals(List.of("agent-node", "other-node"), nodes(list).stream().sorted().toList());
        assertEquals("true", list.response().headers().get(FILTERED));
        Answer all = read(new FakeRequest(), "/v1/session/list", "");
        assertEquals(3, nodes(all).size());
        assertNull(all.response().headers().get(FILTERED));
        assertEquals(all.index(), list.index());

        Answer hiddenInfo = read(token(), "/v1/session/info/", hidden);
        assertEquals(List.of(), hiddenInfo.response().jsonBody());
        assertEquals("true", hiddenInfo.response().headers().get(FILTERED));
        Answer mineInfo = read(token(), "/v1/session/info/", mine);
        assertEquals(List.of("agent-node"), nodes(mineInfo));
        assertNull(mineInfo.response().headers().get(FILTERED));

        assertEquals(List.of(), read(token(), "/v1/session/node/", "hidden-node").response().jsonBody());
        assertEquals(List.of("other-node"), nodes(read(token(), "/v1/session/node/", "other-node")));
    }
}
