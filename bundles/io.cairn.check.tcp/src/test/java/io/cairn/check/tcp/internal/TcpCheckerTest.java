package io.cairn.check.tcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckStatus;

import org.junit.jupiter.api.Test;

class TcpCheckerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TcpChecker checker = new TcpChecker();

    @Test
    void anOpenPortIsPassing() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + server.getLocalPort();
            CheckResult result = checker.run(address, TIMEOUT).join();
            assertEquals(CheckResult.passing("TCP connect " + address + ": Success"), result);
        }
    }

    @Test
    void aClosedPortIsCriticalWithTheReason() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }
        String address = "127.0.0.1:" + port;
        CheckResult result = checker.run(address, TIMEOUT).join();
        assertEquals(CheckStatus.CRITICAL, result.status());
        assertEquals("TCP connect " + address + ": connection refused", result.output());
    }

    @Test
    void readsHostAndPortLikeGo() {
        assertEquals(new TcpChecker.Target("localhost", 5432), TcpChecker.Target.parse("localhost:5432"));
        assertEquals(new TcpChecker.Target("::1", 22), TcpChecker.Target.parse("[::1]:22"));
        for (String bad : new String[] {"localhost", ":80", "db:0", "db:99999", "db:http"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TcpChecker.Target.parse(bad));
            assertEquals("TCP must be host:port (e.g. localhost:5432 or [::1]:22), got \"" + bad + "\"",
                    e.getMessage());
        }
    }

    @Test
    void aBadAddressIsCriticalRatherThanAnError() {
        CheckResult result = checker.run("nowhere", TIMEOUT).join();
        assertEquals(CheckStatus.CRITICAL, result.status());
    }
}
