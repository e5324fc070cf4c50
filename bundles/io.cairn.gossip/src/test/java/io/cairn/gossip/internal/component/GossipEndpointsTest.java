package io.cairn.gossip.internal.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.cairn.agent.api.MemberStatus;
import io.cairn.gossip.api.Membership;
import io.cairn.gossip.internal.crypto.GossipKeyring;
import io.cairn.gossip.internal.sim.SimCluster;
import io.cairn.gossip.internal.swim.SwimConfig;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;

class GossipEndpointsTest {
    private static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_2 = Base64.getEncoder().encodeToString(filled(7));
    private static final String DENIED = "Permission denied: token with AccessorID '" + FakeRequest.TEST_ACCESSOR
            + "' lacks permission ";

    private final AtomicInteger leavesAnswered = new AtomicInteger();
    private final SimCluster cluster = new SimCluster(SwimConfig.lan(), 21);
    private final Whiteboard whiteboard = new Whiteboard();
    private final List<GossipKeyring> keyrings = List.of(keyring(), keyring(), keyring());
    private final List<PoolMembership> pools = List.of(start(0), start(1), start(2));
    private final GossipEndpoints endpoints = new GossipEndpoints(pools.get(0), Optional.empty(),
            Optional.of(new ClusterKeyring(List.of(new ClusterKeyring.Pool(pools.get(0), keyrings.get(0), false,
                    "dc1", Duration.ofMillis(200))))), () -> leavesAnswered.incrementAndGet());
    private final FakeRoutes routes = new FakeRoutes();

    GossipEndpointsTest() {
        endpoints.routes(routes);
    }

    @Test
    void joinThenMembersInConsulsShape() throws Exception {
        CompletableFuture<Response> joined = endpoints.join(FakeRequest.of("PUT", "127.0.0.1:10001"))
                .toCompletableFuture();
        pools.get(2).join(List.of("127.0.0.1:10000"));
        cluster.advance(Duration.ofSeconds(5));
        assertEquals(200, joined.join().status());

        Response members = routes.call("GET", "/v1/agent/members", FakeRequest.of("GET", "", "segment=_all"));
        String json = FakeRequest.JSON.writeValueAsString(members.jsonBody());

        assertTrue(json.startsWith("[{\"Name\":\"n0\",\"Addr\":\"127.0.0.1\",\"Port\":10000,\"Tags\":{\"role\":\"node\"},"
                + "\"Status\":1,\"ProtocolMin\":1,\"ProtocolMax\":5,\"ProtocolCur\":2,\"DelegateMin\":2,"
                + "\"DelegateMax\":5,\"DelegateCur\":4}"), json);
        assertEquals(3, ((List<?>) members.jsonBody()).size());
        assertEquals(List.of(), routes.call("GET", "/v1/agent/members", FakeRequest.of("GET", "", "wan")).jsonBody(),
                "a client agent is in no WAN pool");
    }

    @Test
    void joiningWhereNobodyAnswersIsA500NamingTheAddress() {
        CompletableFuture<Response> joined = endpoints.join(FakeRequest.of("PUT", "127.0.0.1:7"))
                .toCompletableFuture();
        cluster.advance(Duration.ofSeconds(1));

        CompletionException failure = assertThrows(CompletionException.class, joined::join);
        HttpException http = (HttpException) failure.getCause();
        assertEquals(500, http.status());
        assertTrue(http.getMessage().contains("127.0.0.1:7"), http.getMessage());
    }

    @Test
    void forceLeaveOfAnUnknownNodeIsConsuls500() {
        HttpException http = assertThrows(HttpException.class, () -> routes.call("PUT",
                "/v1/agent/force-leave/", FakeRequest.of("PUT", "ghost", "prune")));
        assertEquals(500, http.status());
        assertEquals("agent: No node found with name 'ghost'", http.getMessage());
    }

    @Test
    void leaveAnswersOnceTheNewsSpreadAndThenTheAgentStops() {
        joinAll();
        CompletableFuture<Response> left = endpoints.leave(FakeRequest.of("PUT", "")).toCompletableFuture();
        assertEquals(0, leavesAnswered.get());
        cluster.advance(Duration.ofSeconds(6));

        assertEquals(200, left.join().status());
        assertEquals(1, leavesAnswered.get());
        assertEquals(MemberStatus.LEFT, pools.get(1).members().get(0).status());
    }

    @Test
    void keyringOperationsReachEveryMemberAndAreSummedUp() {
        joinAll();
        CompletableFuture<Response> installed = endpoints.installKey(FakeRequest.of("POST", "")
                .body("{\"Key\":\"" + KEY_2 + "\"}")).toCompletableFuture();
        cluster.advance(Duration.ofSeconds(5));
        assertEquals(200, installed.join().status());
        CompletableFuture<Response> listed = endpoints.listKeys(FakeRequest.of("GET", ""))
                .toCompletableFuture();
        cluster.advance(Duration.ofSeconds(5));

        @SuppressWarnings("unchecked")
        List<KeyringBody> bodies = (List<KeyringBody>) listed.join().jsonBody();
        assertEquals(List.of(new KeyringBody(false, "dc1", "", Map.of(KEY_1, 3, KEY_2, 3), Map.of(KEY_1, 3), 3,
                Map.of())), bodies);
        keyrings.forEach(k -> assertEquals(List.of(KEY_1, KEY_2), k.keys()));
    }

    @Test
    void aKeyThatIsNotOneIsA400() {
        HttpException bad = assertThrows(HttpException.class, () -> endpoints.useKey(
                FakeRequest.of("PUT", "").body("{\"Key\":\"bm90IGEga2V5\"}")));
        assertEquals(400, bad.status());
        assertTrue(bad.getMessage().startsWith("Invalid key: "), bad.getMessage());
    }

    @Test
    void membersAreFilteredByNodeRead() {
        joinAll();
        Response one = endpoints.members(FakeRequest.of("GET", "").rules("node \"n1\" { policy = \"read\" }"))
                .toCompletableFuture().join();
        assertEquals(List.of("n1"), ((List<?>) one.jsonBody()).stream().map(m -> ((MemberBody) m).name()).toList());
        assertEquals("true", one.headers().get("X-Consul-Results-Filtered-By-ACLs"));
        Response all = endpoints.members(FakeRequest.of("GET", "").rules("node_prefix \"\" { policy = \"read\" }"))
                .toCompletableFuture().join();
        assertEquals(3, ((List<?>) all.jsonBody()).size());
        assertEquals(null, all.headers().get("X-Consul-Results-Filtered-By-ACLs"));
    }

    @Test
    void joinAndLeaveNeedAgentWriteAndForceLeaveOperatorWrite() {
        String agentRead = "agent \"n0\" { policy = \"read\" }";
        assertEquals(DENIED + "'agent:write' on \"n0\"",
                denied(() -> endpoints.join(FakeRequest.of("PUT", "127.0.0.1:10001").rules(agentRead))));
        assertEquals(DENIED + "'agent:write' on \"n0\"",
                denied(() -> endpoints.leave(FakeRequest.of("PUT", "").rules(agentRead))));
        cluster.advance(Duration.ofSeconds(6));
        assertEquals(0, leavesAnswered.get());
        assertEquals(MemberStatus.ALIVE, pools.get(0).local().status());
        assertEquals(List.of("n0"), pools.get(0).members().stream().map(m -> m.name()).toList());

        assertEquals(DENIED + "'operator:write'", denied(() -> endpoints.forceLeave(FakeRequest.of("PUT", "n1")
                .rules("agent \"n0\" { policy = \"write\" }"))));
        CompletableFuture<Response> joined = endpoints.join(FakeRequest.of("PUT", "127.0.0.1:10001")
                .rules("agent \"n0\" { policy = \"write\" }")).toCompletableFuture();
        cluster.advance(Duration.ofSeconds(5));
        assertEquals(200, joined.join().status());
    }

    @Test
    void theKeyringNeedsKeyringReadToListAndKeyringWriteToChange() {
        joinAll();
        assertEquals(DENIED + "'keyring:read'",
                denied(() -> endpoints.listKeys(FakeRequest.of("GET", "").rules("operator = \"write\""))));
        String reader = "keyring = \"read\"";
        assertEquals(DENIED + "'keyring:write'", denied(() -> endpoints.installKey(FakeRequest.of("POST", "")
                .body("{\"Key\":\"" + KEY_2 + "\"}").rules(reader))));
        assertEquals(DENIED + "'keyring:write'", denied(() -> endpoints.removeKey(FakeRequest.of("DELETE", "")
                .body("{\"Key\":\"" + KEY_1 + "\"}").rules(reader))));
        cluster.advance(Duration.ofSeconds(5));
        keyrings.forEach(k -> assertEquals(List.of(KEY_1), k.keys()));

        CompletableFuture<Response> listed = endpoints.listKeys(FakeRequest.of("GET", "").rules(reader))
                .toCompletableFuture();
        cluster.advance(Duration.ofSeconds(5));
        assertEquals(200, listed.join().status());
    }

    private static String denied(Runnable call) {
        HttpException e = assertThrows(HttpException.class, call::run);
        assertEquals(403, e.status());
        return e.getMessage();
    }

    private void joinAll() {
        pools.get(1).join(List.of("127.0.0.1:10000"));
        pools.get(2).join(List.of("127.0.0.1:10000"));
        cluster.advance(Duration.ofSeconds(10));
    }

    private PoolMembership start(int index) {
        GossipKeyring keyring = keyrings.get(index);
        return new PoolMembership(Membership.LAN, cluster.start("n" + index, Map.of("role", "node"),
                whiteboard.listenerFor(Membership.LAN, (name, payload) -> ClusterKeyring.answer(keyring, name,
                        payload))), 10000);
    }

    private static GossipKeyring keyring() {
        return GossipKeyring.inMemory(List.of(new byte[32]));
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) value);
        return key;
    }
}
