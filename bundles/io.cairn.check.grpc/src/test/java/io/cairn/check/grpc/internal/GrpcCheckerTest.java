package io.cairn.check.grpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckStatus;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a real gRPC server (grpc-java) serving the standard health service. */
class GrpcCheckerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final GrpcChecker checker = new GrpcChecker();
    private final HealthStatusManager health = new HealthStatusManager();
    private final Server server;
    private final String address;

    GrpcCheckerTest() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(health.getHealthService()).build().start();
        address = "127.0.0.1:" + server.getPort();
    }

    @AfterEach
    void stop() throws InterruptedException {
        checker.close();
        server.shutdownNow().awaitTermination();
    }

    private CheckResult run(String target) {
        return checker.run(target, false, false, "", TIMEOUT).join();
    }

    @Test
    void startsItsClientWithTheFirstCheckAndRefusesChecksOnceClosed() throws InterruptedException {
        // made, not yet used: no client threads (those of earlier tests' checkers may still be ending)
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (clientThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, clientThreads(), "client started before the first check");

        health.setStatus("", ServingStatus.SERVING);
        assertEquals(CheckStatus.PASSING, run(address).status());
        assertTrue(clientThreads() > 0);

        checker.close();
        assertEquals(CheckResult.critical("gRPC checks are stopping"), run(address));
    }

    private static long clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("cairn-check-grpc")).count();
    }

    @Test
    void aServingServerOrServiceIsPassing() {
        health.setStatus("my.Service", ServingStatus.SERVING);
        assertEquals(CheckResult.passing("gRPC check " + address + ": success"), run(address));
        assertEquals(CheckResult.passing("gRPC check " + address + "/my.Service: success"),
                run(address + "/my.Service"));
    }

    @Test
    void aServiceNotServingIsCritical() {
        health.setStatus("my.Service", ServingStatus.NOT_SERVING);
        assertEquals(CheckResult.critical("gRPC " + address + "/my.Service serving status: NOT_SERVING"),
                run(address + "/my.Service"));
        health.setStatus("", ServingStatus.NOT_SERVING);
        assertEquals(CheckResult.critical("gRPC " + address + " serving status: NOT_SERVING"), run(address));
    }

    @Test
    void anUnknownServiceIsCriticalWithTheServersError() {
        assertEquals(CheckResult.critical("rpc error: code = NotFound desc = unknown service no.Such"),
                run(address + "/no.Such"));
    }

    @Test
    void aServerThatIsDownIsCritical() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CheckResult result = run("127.0.0.1:" + port);
        assertEquals(CheckStatus.CRITICAL, result.status());
        assertTrue(result.output().startsWith("rpc error: code = Unavailable desc = connection error: "),
                result.output());
    }

    @Test
    void aTargetIsHostPortAndAnOptionalService() {
        assertEquals(new GrpcTarget("localhost", 9090, ""), GrpcTarget.parse("localhost:9090"));
        assertEquals(new GrpcTarget("::1", 9090, "a.B/c"), GrpcTarget.parse("[::1]:9090/a.B/c"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GrpcTarget.parse("localhost/svc"));
        assertTrue(e.getMessage().startsWith("GRPC must be host:port or host:port/service"), e.getMessage());
    }
}
