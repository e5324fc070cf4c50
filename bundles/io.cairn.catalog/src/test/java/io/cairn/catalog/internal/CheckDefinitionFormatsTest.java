package io.cairn.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cairn.catalog.api.HealthCheck;
import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckStatus;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.testing.FakeRaft;

/**
 * A check's definition is stored (the replicated format, in the log and in snapshots) and shown (Consul's
 * {@code HealthCheckDefinition}) byte for byte as pinned here: both are contracts with other servers and clients.
 */
class CheckDefinitionFormatsTest {

    private static final String EVERY_FIELD = "{\"HTTP\":\"https://x/\",\"Header\":{\"B\":[\"2\"],\"A\":[\"1\",\"0\"]},"
            + "\"Method\":\"POST\",\"Body\":\"{}\",\"TLSServerName\":\"x.example\",\"TLSSkipVerify\":true,"
            + "\"TCP\":\"x:1\",\"UDP\":\"x:2\",\"GRPC\":\"x:3/svc\",\"GRPCUseTLS\":true,\"OSService\":\"sshd\","
            + "\"Interval\":\"10s\",\"Timeout\":\"1.5s\",\"DeregisterCriticalServiceAfter\":\"1m\"}";

    private final FakeRaft raft =
            new FakeRaft().handle(CatalogStateMachine.COMMAND_TYPE, new CatalogCommandHandler());
    private final FakeRoutes http = new FakeRoutes();
    private final RaftCatalog catalog = new RaftCatalog(raft, Fixtures.config("dc1"));

    @BeforeEach
    void routes() {
        new CatalogEndpoints(catalog, Fixtures.agent("n1")).routes(http);
    }

    private void registerCheck(String definition) {
        http.call("PUT", "/v1/catalog/register", new FakeRequest().body("{\"Node\":\"n1\",\"Address\":\"10.0.0.1\","
                + "\"Check\":{\"CheckID\":\"c\",\"Name\":\"c\",\"Status\":\"passing\",\"Definition\":" + definition
                + "}}"));
    }

    private String stored() {
        return new String(raft.state().get(CatalogKeys.TABLE, CatalogKeys.check("n1", "c")).orElseThrow().value(),
                StandardCharsets.UTF_8);
    }

    private String shown() throws JsonProcessingException {
        return FakeRequest.JSON.writeValueAsString(
                http.read("/v1/health/node/", FakeRequest.of("GET", "n1"), raft.state()).response().jsonBody());
    }

    @Test
    void everyFieldIsStoredUnderItsReplicatedName() {
        registerCheck(EVERY_FIELD);
        assertEquals("{\"checkId\":\"c\",\"definition\":{\"body\":\"{}\",\"deregisterCriticalServiceAfterNanos\":"
                + "60000000000,\"grpc\":\"x:3/svc\",\"grpcUseTls\":true,\"header\":{\"A\":[\"1\",\"0\"],\"B\":[\"2\"]},"
                + "\"http\":\"https://x/\",\"intervalNanos\":10000000000,\"method\":\"POST\",\"osService\":\"sshd\","
                + "\"tcp\":\"x:1\",\"timeoutNanos\":1500000000,\"tlsServerName\":\"x.example\",\"tlsSkipVerify\":true,"
                + "\"udp\":\"x:2\"},\"name\":\"c\",\"node\":\"n1\",\"notes\":\"\",\"output\":\"\",\"serviceId\":\"\","
                + "\"serviceName\":\"\",\"serviceTags\":[],\"status\":\"passing\",\"type\":\"\"}", stored());
    }

    @Test
    void anEmptyDefinitionIsStoredWithEveryFieldEmpty() {
        registerCheck("{}");
        assertEquals("{\"checkId\":\"c\",\"definition\":{\"body\":\"\",\"deregisterCriticalServiceAfterNanos\":0,"
                + "\"grpc\":\"\",\"grpcUseTls\":false,\"header\":{},\"http\":\"\",\"intervalNanos\":0,\"method\":\"\","
                + "\"osService\":\"\",\"tcp\":\"\",\"timeoutNanos\":0,\"tlsServerName\":\"\",\"tlsSkipVerify\":false,"
                + "\"udp\":\"\"},\"name\":\"c\",\"node\":\"n1\",\"notes\":\"\",\"output\":\"\",\"serviceId\":\"\","
                + "\"serviceName\":\"\",\"serviceTags\":[],\"status\":\"passing\",\"type\":\"\"}", stored());
    }

    @Test
    void theApiShowsEveryFieldThatIsSetAsConsulDoes() throws Exception {
        registerCheck(EVERY_FIELD);
        assertEquals("[{\"Node\":\"n1\",\"CheckID\":\"c\",\"Name\":\"c\",\"Status\":\"passing\",\"Notes\":\"\","
                + "\"Output\":\"\",\"ServiceID\":\"\",\"ServiceName\":\"\",\"ServiceTags\":[],\"Type\":\"\","
                + "\"Interval\":\"10s\",\"Timeout\":\"1.5s\",\"ExposedPort\":0,\"Definition\":{\"HTTP\":\"https://x/\","
                + "\"Header\":{\"A\":[\"1\",\"0\"],\"B\":[\"2\"]},\"Method\":\"POST\",\"Body\":\"{}\","
                + "\"TLSServerName\":\"x.example\",\"TLSSkipVerify\":true,\"TCP\":\"x:1\",\"UDP\":\"x:2\","
                + "\"GRPC\":\"x:3/svc\",\"GRPCUseTLS\":true,\"OSService\":\"sshd\",\"Interval\":\"10s\","
                + "\"Timeout\":\"1.5s\",\"DeregisterCriticalServiceAfter\":\"1m0s\"},\"CreateIndex\":1,"
                + "\"ModifyIndex\":1}]", shown());
    }

    @Test
    void anEmptyDefinitionIsShownEmpty() throws Exception {
        registerCheck("{}");
        assertEquals("[{\"Node\":\"n1\",\"CheckID\":\"c\",\"Name\":\"c\",\"Status\":\"passing\",\"Notes\":\"\","
                + "\"Output\":\"\",\"ServiceID\":\"\",\"ServiceName\":\"\",\"ServiceTags\":[],\"Type\":\"\","
                + "\"Interval\":\"\",\"Timeout\":\"\",\"ExposedPort\":0,\"Definition\":{},\"CreateIndex\":1,"
                + "\"ModifyIndex\":1}]", shown());
    }

    /** What the agent's anti-entropy registers must read back equal, or it would register it again forever. */
    @Test
    void aRegisteredDefinitionReadsBackEqual() {
        CheckDefinition registered = CheckDefinition.fromMap(Map.of("ID", "c", "Name", "c", "Args", List.of("true"),
                "HTTP", "https://x/", "Header", Map.of("A", List.of("1")), "UDP", "x:2", "os_service", "sshd",
                "Interval", "10s", "DeregisterCriticalServiceAfter", "1m", "OutputMaxSize", 10));
        HealthCheck check = new HealthCheck(null, "c", "c", CheckStatus.PASSING, null, null, null, null, null, "http",
                registered, 0, 0);
        catalog.register(Fixtures.instance("n1", null, check)).toCompletableFuture().join();

        CheckDefinition read = catalog.nodeChecks("n1", Consistency.STALE).toCompletableFuture().join().value().get(0)
                .definition();

        assertEquals(check.definition(), read);
        assertEquals(Duration.ofMinutes(1), read.deregisterCriticalServiceAfter());
        assertEquals(Map.of("UDP", "x:2", "OSService", "sshd"), read.extra());
    }

    /** Registrations with negative durations were accepted before the health API's definition was used here. */
    @Test
    void aStoredNegativeDurationStillReadsAsZero() throws Exception {
        registerCheck("{}");
        String negative = stored().replace("\"intervalNanos\":0", "\"intervalNanos\":-1000");
        raft.handle("raw", (payload, state) -> {
            state.put(CatalogKeys.TABLE, CatalogKeys.check("n1", "c"), payload);
            return new byte[0];
        });
        raft.submit("raw", negative.getBytes(StandardCharsets.UTF_8)).toCompletableFuture().join();
        assertEquals(Duration.ZERO, catalog.nodeChecks("n1", Consistency.STALE).toCompletableFuture().join().value()
                .get(0).definition().interval());
    }
}
