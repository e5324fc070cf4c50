package io.cairn.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.agent.api.AgentIdentity;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.raft.api.CommandResult;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.NoLeaderException;
import io.cairn.raft.api.RaftConfiguration;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.ReadContext;
import io.cairn.raft.api.ServerInfo;
import io.cairn.raft.api.StateView;

class AgentEndpointsTest {
    private static final AgentIdentity SERVER = TestIdentities.agent("node-1",
            "3f0e1c1e-0000-4000-8000-000000000001", true, "10.0.0.1", true);
    private static final RaftConfiguration CONFIGURATION = new RaftConfiguration(List.of(
            new ServerInfo("id-1", "node-1", "10.0.0.1:8300", true, true),
            new ServerInfo("id-2", "node-2", "10.0.0.2:8300", false, true)), 12);

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Consistency> barriers = new ArrayList<>();
    private RaftService raft = new TestRaft();
    private final AgentEndpoints endpoints = new AgentEndpoints(SERVER, () -> raft);

    private final class TestRaft implements RaftService {
        @Override
        public CompletionStage<CommandResult> submit(String type, byte[] payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<ReadContext> barrier(Consistency consistency) {
            barriers.add(consistency);
            return consistency == Consistency.STALE
                    ? CompletableFuture.completedFuture(new ReadContext(false, 100, consistency))
                    : CompletableFuture.failedFuture(new NoLeaderException());
        }

        @Override
        public StateView state() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Long> awaitChange(String table, String prefix, long afterIndex) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> leader() {
            return Optional.of("10.0.0.1:8300");
        }

        @Override
        public boolean isLeader() {
            return true;
        }

        @Override
        public RaftConfiguration configuration() {
            return CONFIGURATION;
        }

        @Override
        public CompletionStage<Void> removeServer(String id) {
            throw new UnsupportedOperationException();
        }
    }

    private static FakeRequest request(boolean stale) {
        return new FakeRequest().consistency(stale ? Consistency.STALE : Consistency.DEFAULT);
    }

    private String json(CompletionStage<Response> stage) throws Exception {
        Response response = stage.toCompletableFuture().join();
        assertEquals(200, response.status());
        return mapper.writeValueAsString(response.jsonBody());
    }

    @Test
    void agentSelfHasConsulsShape() throws Exception {
        String json = json(endpoints.self(request(false)));
        assertEquals("{\"Config\":{\"Datacenter\":\"dc1\",\"PrimaryDatacenter\":\"dc1\",\"NodeName\":\"node-1\","
                + "\"NodeID\":\"3f0e1c1e-0000-4000-8000-000000000001\",\"Revision\":\"cairn\",\"Server\":true,"
                + "\"Version\":\"1.21.0\",\"BuildDate\":\"" + ConsulVersion.BUILD_DATE + "\"},"
                + "\"DebugConfig\":{\"Datacenter\":\"dc1\",\"PrimaryDatacenter\":\"dc1\",\"NodeName\":\"node-1\","
                + "\"NodeID\":\"3f0e1c1e-0000-4000-8000-000000000001\",\"ServerMode\":true,\"DevMode\":true,"
                + "\"BindAddr\":\"10.0.0.1\",\"AdvertiseAddrLAN\":\"10.0.0.1\",\"ClientAddrs\":[\"10.0.0.1\"],"
                + "\"DataDir\":\"/var/lib/cairn\",\"HTTPPort\":8500,\"DNSPort\":8600,\"ServerPort\":8300,"
                + "\"SerfPortLAN\":8301,\"SerfPortWAN\":8302,"
                + "\"Revision\":\"cairn\",\"Version\":\"1.21.0\"},"
                + "\"Coord\":{\"Vec\":[0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0],\"Error\":1.5,\"Adjustment\":0.0,\"Height\":1.0E-5},"
                + "\"Member\":{\"Name\":\"node-1\",\"Addr\":\"10.0.0.1\",\"Port\":8301,\"Tags\":{\"role\":\"consul\","
                + "\"dc\":\"dc1\",\"port\":\"8300\",\"build\":\"1.21.0:cairn\",\"vsn\":\"2\",\"vsn_min\":\"2\","
                + "\"vsn_max\":\"3\",\"id\":\"3f0e1c1e-0000-4000-8000-000000000001\",\"segment\":\"\"},"
                + "\"Status\":1,\"ProtocolMin\":1,\"ProtocolMax\":5,\"ProtocolCur\":2,\"DelegateMin\":2,"
                + "\"DelegateMax\":5,\"DelegateCur\":4},\"Stats\":{},\"Meta\":{}}", json);
    }

    @Test
    void clientAgentIsANodeMemberWithoutServerPort() throws Exception {
        AgentIdentity client = TestIdentities.agent("c", "id", false, "10.0.0.9", false);
        Map<?, ?> tags = (Map<?, ?>) mapper.convertValue(AgentSelf.of(client).member(), Map.class).get("Tags");
        assertEquals("node", tags.get("role"));
        assertEquals(null, tags.get("port"));
    }

    @Test
    void statusLeaderAndPeers() throws Exception {
        assertEquals("\"10.0.0.1:8300\"", json(endpoints.leader(request(false))));
        assertEquals("[\"10.0.0.1:8300\",\"10.0.0.2:8300\"]", json(endpoints.peers(request(false))));
        raft = null;
        assertEquals("\"\"", json(endpoints.leader(request(false))));
        assertEquals("[]", json(endpoints.peers(request(false))));
    }

    @Test
    void raftConfigurationHonoursStale() throws Exception {
        assertEquals("{\"Servers\":[{\"ID\":\"id-1\",\"Node\":\"node-1\",\"Address\":\"10.0.0.1:8300\",\"Leader\":true,"
                + "\"ProtocolVersion\":\"3\",\"Voter\":true},{\"ID\":\"id-2\",\"Node\":\"node-2\","
                + "\"Address\":\"10.0.0.2:8300\",\"Leader\":false,\"ProtocolVersion\":\"3\",\"Voter\":true}],"
                + "\"Index\":12}", json(endpoints.raftConfiguration(request(true))));
        assertEquals(List.of(Consistency.STALE), barriers);
        CompletionException e = assertThrows(CompletionException.class,
                () -> endpoints.raftConfiguration(request(false)).toCompletableFuture().join());
        assertInstanceOf(NoLeaderException.class, e.getCause());
        raft = null;
        assertThrows(CompletionException.class,
                () -> endpoints.raftConfiguration(request(true)).toCompletableFuture().join());
    }

    @Test
    void declaresItsRoutes() {
        FakeRoutes routes = new FakeRoutes();
        endpoints.routes(routes);
        assertEquals(List.of("GET /v1/agent/self", "GET /v1/status/leader", "GET /v1/status/peers",
                "GET /v1/operator/raft/configuration"), routes.declared());
    }

    @Test
    void aClientAgentLeavesTheRaftPathsToTheServers() {
        FakeRoutes routes = new FakeRoutes();
        new AgentEndpoints(TestIdentities.agent("web-1", "3f0e1c1e-0000-4000-8000-000000000002", false, "10.0.0.2",
                false), () -> null).routes(routes);
        assertEquals(List.of("GET /v1/agent/self"), routes.declared());
    }
}
