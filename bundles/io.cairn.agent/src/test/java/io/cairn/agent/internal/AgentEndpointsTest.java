package io.cairn.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cairn.agent.api.AgentIdentity;
import io.cairn.agent.api.AgentInfo;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.raft.api.CommandResult;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.Entry;
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
    private final LogMonitor monitor = new LogMonitor(ZoneOffset.UTC);
    private final AgentEndpoints endpoints = endpoints(SERVER, () -> raft, monitor);

    /** The endpoints of {@code agent} without gossip and without local services. */
    static AgentEndpoints endpoints(AgentInfo agent, Supplier<RaftService> raft, LogMonitor monitor) {
        LocalState local = new LocalState(() -> { });
        return new AgentEndpoints(agent, raft, new AgentStats(agent, raft, () -> null, () -> null, local::snapshot),
                monitor);
    }

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
            return new StateView() {
                @Override
                public long appliedIndex() {
                    return 42;
                }

                @Override
                public Optional<Entry> get(String table, String key) {
                    return Optional.empty();
                }

                @Override
                public List<Entry> scan(String table, String prefix) {
                    return List.of();
                }

                @Override
                public long index(String table, String prefix) {
                    return 42;
                }

                @Override
                public <T> T read(Function<StateView, T> reader) {
                    return reader.apply(this);
                }
            };
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
        ObjectNode self = (ObjectNode) mapper.readTree(json(endpoints.self(request(false))));
        JsonNode stats = self.remove("Stats");
        assertEquals("{\"Config\":{\"Datacenter\":\"dc1\",\"PrimaryDatacenter\":\"dc1\",\"NodeName\":\"node-1\","
                + "\"NodeID\":\"3f0e1c1e-0000-4000-8000-000000000001\",\"Revision\":\"cairn\",\"Server\":true,"
                + "\"Version\":\"1.21.0\",\"BuildDate\":\"" + ConsulVersion.BUILD_DATE + "\"},"
                + "\"DebugConfig\":{\"Datacenter\":\"dc1\",\"PrimaryDatacenter\":\"dc1\",\"NodeName\":\"node-1\","
                + "\"NodeID\":\"3f0e1c1e-0000-4000-8000-000000000001\",\"ServerMode\":true,\"DevMode\":true,"
                + "\"BindAddr\":\"10.0.0.1\",\"AdvertiseAddrLAN\":\"10.0.0.1\",\"ClientAddrs\":[\"10.0.0.1\"],"
                + "\"DataDir\":\"/var/lib/cairn\",\"HTTPPort\":8500,\"HTTPSPort\":-1,\"DNSPort\":8600,"
                + "\"ServerPort\":8300,\"SerfPortLAN\":8301,\"SerfPortWAN\":8302,\"EncryptKey\":\"\","
                + "\"ACLInitialManagementToken\":\"\",\"ACLTokens\":{\"ACLAgentRecoveryToken\":\"\","
                + "\"ACLAgentToken\":\"\",\"ACLDefaultToken\":\"\"},"
                + "\"Revision\":\"cairn\",\"Version\":\"1.21.0\"},"
                + "\"Coord\":{\"Vec\":[0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0],\"Error\":1.5,\"Adjustment\":0.0,\"Height\":1.0E-5},"
                + "\"Member\":{\"Name\":\"node-1\",\"Addr\":\"10.0.0.1\",\"Port\":8301,\"Tags\":{\"role\":\"consul\","
                + "\"dc\":\"dc1\",\"port\":\"8300\",\"build\":\"1.21.0:cairn\",\"vsn\":\"2\",\"vsn_min\":\"2\","
                + "\"vsn_max\":\"3\",\"id\":\"3f0e1c1e-0000-4000-8000-000000000001\",\"segment\":\"\"},"
                + "\"Status\":1,\"ProtocolMin\":1,\"ProtocolMax\":5,\"ProtocolCur\":2,\"DelegateMin\":2,"
                + "\"DelegateMax\":5,\"DelegateCur\":4},\"Meta\":{}}", mapper.writeValueAsString(self));
        List<String> sections = new ArrayList<>();
        stats.fieldNames().forEachRemaining(sections::add);
        assertEquals(List.of("agent", "build", "consul", "raft", "runtime"), sections);
        assertEquals("{\"check_monitors\":\"0\",\"check_ttls\":\"0\",\"checks\":\"0\",\"services\":\"0\"}",
                stats.get("agent").toString());
        assertEquals("{\"prerelease\":\"\",\"revision\":\"cairn\",\"version\":\"1.21.0\",\"version_metadata\":\"\"}",
                stats.get("build").toString());
        assertEquals("{\"known_datacenters\":\"1\",\"leader\":\"true\",\"leader_addr\":\"10.0.0.1:8300\","
                + "\"server\":\"true\"}", stats.get("consul").toString());
        assertEquals("{\"applied_index\":\"42\",\"last_contact\":\"0\",\"latest_configuration\":"
                + "\"[{Suffrage:Voter ID:id-1 Address:10.0.0.1:8300} {Suffrage:Voter ID:id-2 Address:10.0.0.2:8300}]\","
                + "\"latest_configuration_index\":\"12\",\"num_peers\":\"1\",\"protocol_version\":\"3\","
                + "\"state\":\"Leader\"}", stats.get("raft").toString());
        JsonNode runtime = stats.get("runtime");
        assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()), runtime.get("max_procs").asText());
        assertTrue(Integer.parseInt(runtime.get("goroutines").asText()) > 0);
        assertEquals("java" + Runtime.version(), runtime.get("version").asText());
    }

    @Test
    void aClientAgentsStatsHaveNoRaftAndCountTheServersItKnows() {
        AgentIdentity client = TestIdentities.agent("c", "id", false, "10.0.0.9", false);
        LocalState local = new LocalState(() -> { });
        Map<String, Map<String, String>> stats = new AgentStats(client, () -> null, () -> null, () -> null,
                local::snapshot).sections();
        assertEquals(List.of("agent", "build", "consul", "runtime"), List.copyOf(stats.keySet()));
        assertEquals(Map.of("known_servers", "0", "server", "false"), stats.get("consul"));
        assertEquals("amd64", AgentStats.goArch("x86_64"));
        assertEquals("arm64", AgentStats.goArch("aarch64"));
    }

    @Test
    void hostNeedsOperatorReadAndHasConsulsSections() throws Exception {
        JsonNode host = mapper.readTree(json(endpoints.host(request(false))));
        List<String> sections = new ArrayList<>();
        host.fieldNames().forEachRemaining(sections::add);
        assertEquals(List.of("Memory", "CPU", "Host", "Disk", "CollectionTime", "Errors"), sections);
        assertTrue(host.get("Memory").get("total").asLong() > 0);
        assertEquals(Runtime.getRuntime().availableProcessors(), host.get("CPU").size());
        assertFalse(host.get("Host").get("hostname").asText().isEmpty());
        assertEquals(403, assertThrows(HttpException.class,
                () -> endpoints.host(request(false).rules("agent_prefix \"\" { policy = \"read\" }"))).status());
    }

    @Test
    void versionHasConsulsFields() throws Exception {
        assertEquals("{\"SHA\":\"cairn\",\"BuildDate\":\"" + ConsulVersion.BUILD_DATE + "\","
                + "\"HumanVersion\":\"1.21.0\",\"FIPS\":\"\",\"Revision\":\"cairn\"}",
                json(endpoints.version(new FakeRequest().anonymousDenied())));
    }

    @Test
    void monitorStreamsTheLogAtTheLevelAskedFor() {
        Response response = endpoints.monitor(new FakeRequest().param("loglevel", "warn"))
                .toCompletableFuture().join();
        RecordingSink sink = new RecordingSink();
        response.bodyStream().open(sink);
        monitor.append(Instant.EPOCH, LogMonitor.Level.INFO, "agent", "not shown");
        monitor.append(Instant.EPOCH, LogMonitor.Level.ERROR, "agent", "shown");
        assertEquals(List.of("1970-01-01T00:00:00.000Z [ERROR] agent: shown\n"), sink.lines);
        sink.close();
        assertEquals(0, monitor.subscribers());

        assertEquals("Unknown log level: loud", assertThrows(HttpException.class,
                () -> endpoints.monitor(new FakeRequest().param("loglevel", "loud"))).getMessage());
        assertEquals(403, assertThrows(HttpException.class,
                () -> endpoints.monitor(new FakeRequest().rules("agent \"other\" { policy = \"read\" }"))).status());
    }

    @Test
    void clientAgentIsANodeMemberWithoutServerPort() throws Exception {
        AgentIdentity client = TestIdentities.agent("c", "id", false, "10.0.0.9", false);
        Map<?, ?> tags = (Map<?, ?>) mapper.convertValue(AgentSelf.Member.of(client), Map.class).get("Tags");
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
    void declaresItsRoutes() {
        FakeRoutes routes = new FakeRoutes();
        endpoints.routes(routes);
        assertEquals(List.of("GET /v1/agent/self", "GET /v1/agent/host", "GET /v1/agent/version",
                "GET /v1/agent/monitor", "GET /v1/status/leader", "GET /v1/status/peers"), routes.declared());
    }

    @Test
    void aClientAgentLeavesTheRaftPathsToTheServers() {
        FakeRoutes routes = new FakeRoutes();
        endpoints(TestIdentities.agent("web-1", "3f0e1c1e-0000-4000-8000-000000000002", false, "10.0.0.2",
                false), () -> null, monitor).routes(routes);
        assertEquals(List.of("GET /v1/agent/self", "GET /v1/agent/host", "GET /v1/agent/version",
                "GET /v1/agent/monitor"), routes.declared());
    }
}
