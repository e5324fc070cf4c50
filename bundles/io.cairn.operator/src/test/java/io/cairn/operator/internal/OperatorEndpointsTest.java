package io.cairn.operator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.NoLeaderException;
import io.cairn.raft.api.RaftConfiguration;
import io.cairn.raft.api.RaftOperator;
import io.cairn.raft.api.ReadContext;
import io.cairn.raft.api.ServerProgress;
import io.cairn.raft.testing.FakeRaft;

class OperatorEndpointsTest {
    private static final String DENIED = "Permission denied: token with AccessorID '" + FakeRequest.TEST_ACCESSOR
            + "' lacks permission ";

    /** Three servers (s1 leads); a barrier other than stale finds no leader. */
    private final class ThreeServers extends FakeRaft {
        @Override
        public synchronized RaftConfiguration configuration() {
            return HealthTrackerTest.THREE;
        }

        @Override
        public CompletionStage<ReadContext> barrier(Consistency consistency) {
            return leaderless && consistency != Consistency.STALE
                    ? CompletableFuture.failedFuture(new NoLeaderException()) : super.barrier(consistency);
        }
    }

    /** Transfers to the id asked for or "s2"; the progress of {@link HealthTrackerTest#progress}. */
    private final class FakeOperator implements RaftOperator {
        final List<Optional<String>> transfers = new ArrayList<>();

        @Override
        public CompletionStage<String> transferLeadership(Optional<String> id) {
            transfers.add(id);
            if (id.isPresent() && id.get().equals("nobody")) {
                return CompletableFuture.failedFuture(
                        new IllegalArgumentException("id \"nobody\" was not found in the Raft configuration"));
            }
            return CompletableFuture.completedFuture(id.orElse("s2"));
        }

        @Override
        public CompletionStage<List<ServerProgress>> progress() {
            return CompletableFuture.completedFuture(HealthTrackerTest.progress(10, 1000, 2));
        }
    }

    private boolean leaderless;
    private List<Member> members = HealthTrackerTest.alive();
    private final ThreeServers raft = new ThreeServers();
    private final FakeOperator operator = new FakeOperator();
    private final OperatorEndpoints endpoints;
    private final ObjectMapper mapper = new ObjectMapper();

    OperatorEndpointsTest() {
        raft.handle(AutopilotConfigCommand.TYPE, new AutopilotConfigCommand());
        endpoints = new OperatorEndpoints(raft, operator, new Autopilot(raft, operator, () -> members,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00.600Z"), ZoneOffset.UTC)));
    }

    private static FakeRequest open(String method) {
        return FakeRequest.of(method, "").token(FakeRequest.ACLS_DISABLED);
    }

    private String json(CompletionStage<Response> stage, int status) throws Exception {
        Response response = stage.toCompletableFuture().join();
        assertEquals(status, response.status());
        return mapper.writeValueAsString(response.jsonBody());
    }

    @Test
    void declaresConsulsRoutes() {
        FakeRoutes routes = new FakeRoutes();
        endpoints.routes(routes);
        assertEquals(List.of("GET /v1/operator/raft/configuration", "DELETE /v1/operator/raft/peer",
                "POST /v1/operator/raft/transfer-leader", "GET /v1/operator/autopilot/configuration",
                "PUT /v1/operator/autopilot/configuration", "GET /v1/operator/autopilot/health",
                "GET /v1/operator/autopilot/state"), routes.declared());
    }

    @Test
    void raftConfigurationHonoursStale() throws Exception {
        leaderless = true;
        assertEquals("{\"Servers\":[{\"ID\":\"s1\",\"Node\":\"s1\",\"Address\":\"10.0.0.1:8300\",\"Leader\":true,"
                + "\"ProtocolVersion\":\"3\",\"Voter\":true},{\"ID\":\"s2\",\"Node\":\"s2\","
                + "\"Address\":\"10.0.0.2:8300\",\"Leader\":false,\"ProtocolVersion\":\"3\",\"Voter\":true},"
                + "{\"ID\":\"s3\",\"Node\":\"s3\",\"Address\":\"10.0.0.3:8300\",\"Leader\":false,"
                + "\"ProtocolVersion\":\"3\",\"Voter\":true}],\"Index\":5}",
                json(endpoints.raftConfiguration(open("GET").consistency(Consistency.STALE)), 200));
        CompletionException e = assertThrows(CompletionException.class,
                () -> endpoints.raftConfiguration(open("GET")).toCompletableFuture().join());
        assertInstanceOf(NoLeaderException.class, e.getCause());
    }

    @Test
    void removesAPeerByIdOrAddressWithConsulsErrors() {
        endpoints.removePeer(open("DELETE").param("id", "s3")).toCompletableFuture().join();
        endpoints.removePeer(open("DELETE").param("address", "10.0.0.2:8300")).toCompletableFuture().join();
        assertEquals(List.of("s3", "s2"), raft.removedServers());
        assertEquals("Must specify either ?id with the server's ID or ?address with IP:port of peer to remove",
                assertThrows(HttpException.class, () -> endpoints.removePeer(open("DELETE"))).getMessage());
        assertEquals("Must specify only one of ?id or ?address", assertThrows(HttpException.class,
                () -> endpoints.removePeer(open("DELETE").param("id", "s3").param("address", "x"))).getMessage());
        HttpException unknown = assertThrows(HttpException.class,
                () -> endpoints.removePeer(open("DELETE").param("address", "10.9.9.9:8300")));
        assertEquals(500, unknown.status());
        assertEquals("address \"10.9.9.9:8300\" was not found in the Raft configuration", unknown.getMessage());
        assertEquals("id \"s9\" was not found in the Raft configuration", assertThrows(HttpException.class,
                () -> endpoints.removePeer(open("DELETE").param("id", "s9"))).getMessage());
    }

    @Test
    void transfersLeadership() throws Exception {
        assertEquals("{\"Success\":true}", json(endpoints.transferLeader(open("POST").param("id", "s3")), 200));
        assertEquals("{\"Success\":true}", json(endpoints.transferLeader(open("POST")), 200));
        assertEquals(List.of(Optional.of("s3"), Optional.empty()), operator.transfers);
        CompletionException e = assertThrows(CompletionException.class, () -> endpoints
                .transferLeader(open("POST").param("id", "nobody")).toCompletableFuture().join());
        assertEquals(500, ((HttpException) e.getCause()).status());
        assertEquals("Failed to transfer leadership: id \"nobody\" was not found in the Raft configuration",
                e.getCause().getMessage());
    }

    @Test
    void autopilotConfigurationWithCas() throws Exception {
        assertEquals("{\"CleanupDeadServers\":true,\"LastContactThreshold\":\"200ms\",\"MaxTrailingLogs\":250,"
                + "\"MinQuorum\":0,\"ServerStabilizationTime\":\"10s\",\"RedundancyZoneTag\":\"\","
                + "\"DisableUpgradeMigration\":false,\"UpgradeVersionTag\":\"\",\"CreateIndex\":0,"
                + "\"ModifyIndex\":0}", json(endpoints.autopilotConfiguration(open("GET")), 200));
        String body = "{\"CleanupDeadServers\":false,\"LastContactThreshold\":\"1s\",\"MaxTrailingLogs\":100,"
                + "\"MinQuorum\":3,\"ServerStabilizationTime\":\"30s\"}";
        assertEquals("true", json(endpoints.setAutopilotConfiguration(open("PUT").body(body)), 200));
        String stored = json(endpoints.autopilotConfiguration(open("GET")), 200);
        long index = mapper.readTree(stored).get("ModifyIndex").asLong();
        assertEquals("{\"CleanupDeadServers\":false,\"LastContactThreshold\":\"1s\",\"MaxTrailingLogs\":100,"
                + "\"MinQuorum\":3,\"ServerStabilizationTime\":\"30s\",\"RedundancyZoneTag\":\"\","
                + "\"DisableUpgradeMigration\":false,\"UpgradeVersionTag\":\"\",\"CreateIndex\":" + index
                + ",\"ModifyIndex\":" + index + "}", stored);
        assertEquals("false", json(endpoints.setAutopilotConfiguration(open("PUT").body(body)
                .param("cas", String.valueOf(index + 1))), 200));
        assertEquals("true", json(endpoints.setAutopilotConfiguration(open("PUT").body(body)
                .param("cas", String.valueOf(index))), 200));
        assertEquals(400, assertThrows(HttpException.class, () -> endpoints.setAutopilotConfiguration(
                open("PUT").body(body).param("cas", "x"))).status());
        HttpException bad = assertThrows(HttpException.class, () -> endpoints.setAutopilotConfiguration(
                open("PUT").body("{\"MinQuorum\":\"three\"}")));
        assertEquals("Error parsing autopilot config: MinQuorum must be a non-negative integer", bad.getMessage());
    }

    @Test
    void healthIs429WhileAServerIsUnhealthy() throws Exception {
        String healthy = json(endpoints.health(open("GET")), 200);
        assertEquals("{\"Healthy\":true,\"FailureTolerance\":1,\"Servers\":[{\"ID\":\"s1\",\"Name\":\"s1\","
                + "\"Address\":\"10.0.0.1:8300\",\"SerfStatus\":\"alive\",\"Version\":\"0.1.0\",\"Leader\":true,"
                + "\"LastContact\":\"0s\",\"LastTerm\":2,\"LastIndex\":1000,\"Healthy\":true,\"Voter\":true,"
                + "\"StableSince\":\"2026-01-01T00:00:01Z\"}", healthy.substring(0, healthy.indexOf("},{") + 1));
        members = List.of(HealthTrackerTest.member("s1", MemberStatus.ALIVE),
                HealthTrackerTest.member("s2", MemberStatus.ALIVE), HealthTrackerTest.member("s3", MemberStatus.FAILED));
        String unhealthy = json(endpoints.health(open("GET")), 429);
        assertEquals("{\"Healthy\":false,\"FailureTolerance\":0,", unhealthy.substring(0, 38));
    }

    @Test
    void stateHasConsulsShape() throws Exception {
        String state = json(endpoints.state(open("GET")), 200);
        assertEquals("{\"Healthy\":true,\"FailureTolerance\":1,\"OptimisticFailureTolerance\":1,\"Servers\":{"
                + "\"s1\":{\"ID\":\"s1\",\"Name\":\"s1\",\"Address\":\"10.0.0.1:8300\",\"NodeStatus\":\"alive\","
                + "\"Version\":\"0.1.0\",\"LastContact\":\"0s\",\"LastTerm\":2,\"LastIndex\":1000,\"Healthy\":true,"
                + "\"StableSince\":\"2026-01-01T00:00:01Z\",\"ReadReplica\":false,\"Status\":\"leader\",\"Meta\":{},"
                + "\"NodeType\":\"voter\"}", state.substring(0, state.indexOf("},\"s2\"") + 1));
        assertEquals(",\"Leader\":\"s1\",\"Voters\":[\"s1\",\"s2\",\"s3\"]}",
                state.substring(state.lastIndexOf("}}") + 2));
    }

    @Test
    void readingNeedsOperatorReadAndChangingOperatorWrite() {
        String read = "operator = \"read\"";
        assertEquals(DENIED + "'operator:read'", assertThrows(HttpException.class,
                () -> endpoints.raftConfiguration(FakeRequest.of("GET", "").rules(""))).getMessage());
        assertEquals(DENIED + "'operator:read'", assertThrows(HttpException.class,
                () -> endpoints.health(FakeRequest.of("GET", "").rules(""))).getMessage());
        endpoints.state(FakeRequest.of("GET", "").rules(read)).toCompletableFuture().join();
        endpoints.autopilotConfiguration(FakeRequest.of("GET", "").rules(read)).toCompletableFuture().join();
        assertEquals(DENIED + "'operator:write'", assertThrows(HttpException.class,
                () -> endpoints.transferLeader(FakeRequest.of("POST", "").rules(read))).getMessage());
        assertEquals(DENIED + "'operator:write'", assertThrows(HttpException.class,
                () -> endpoints.removePeer(FakeRequest.of("DELETE", "").param("id", "s3").rules(read)))
                .getMessage());
        assertEquals(DENIED + "'operator:write'", assertThrows(HttpException.class,
                () -> endpoints.setAutopilotConfiguration(FakeRequest.of("PUT", "").body("{}").rules(read)))
                .getMessage());
    }
}
