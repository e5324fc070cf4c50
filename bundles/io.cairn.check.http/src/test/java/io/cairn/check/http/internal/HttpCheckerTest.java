package io.cairn.check.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpCheckerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpServer server;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final HttpChecker checker = new HttpChecker();

    HttpCheckerTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        respond("/ok", 200, "all good");
        respond("/busy", 429, "slow down");
        respond("/down", 503, "maintenance");
        respond("/big", 200, "x".repeat(100_000));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void respond(String path, int code, String body) {
        server.createContext(path, exchange -> {
            seen.put("method", exchange.getRequestMethod());
            seen.put("user-agent", exchange.getRequestHeaders().getFirst("User-Agent"));
            seen.put("accept", exchange.getRequestHeaders().getFirst("Accept"));
            seen.put("x-token", String.valueOf(exchange.getRequestHeaders().get("X-Token")));
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException e) {
                // The checker stops reading large bodies early.
            }
        });
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private CheckResult check(CheckDefinition definition) {
        return checker.run(definition, TIMEOUT).join();
    }

    private static CheckDefinition get(String url) {
        return CheckDefinition.builder().id("web").http(url).interval(Duration.ofSeconds(10)).build();
    }

    @Test
    void twoHundredIsPassingWithConsulsOutputAndHeaders() {
        CheckResult result = check(get(url("/ok")));
        assertEquals(CheckStatus.PASSING, result.status());
        assertEquals("HTTP GET " + url("/ok") + ": 200 OK Output: all good", result.output());
        assertEquals("GET", seen.get("method"));
        assertEquals("Consul Health Check", seen.get("user-agent"));
        assertEquals("text/plain, text/*, */*", seen.get("accept"));
    }

    @Test
    void tooManyRequestsIsWarningAndOtherCodesCritical() {
        CheckResult busy = check(get(url("/busy")));
        assertEquals(CheckStatus.WARNING, busy.status());
        assertEquals("HTTP GET " + url("/busy") + ": 429 Too Many Requests Output: slow down", busy.output());
        CheckResult down = check(get(url("/down")));
        assertEquals(CheckStatus.CRITICAL, down.status());
        assertEquals("HTTP GET " + url("/down") + ": 503 Service Unavailable Output: maintenance", down.output());
    }

    @Test
    void sendsTheDefinitionsMethodHeadersAndBody() {
        CheckResult result = check(get(url("/ok")).toBuilder().method("POST").body("{\"ping\":1}")
                .header(Map.of("X-Token", List.of("a", "b"), "User-Agent", List.of("mine"))).build());
        assertTrue(result.output().startsWith("HTTP POST " + url("/ok") + ": 200 OK"), result.output());
        assertEquals("POST", seen.get("method"));
        assertEquals("{\"ping\":1}", seen.get("body"));
        assertEquals("[a, b]", seen.get("x-token"));
        assertEquals("mine", seen.get("user-agent"));
    }

    @Test
    void largeBodiesAreCutSoTheOutputFitsTheLimit() {
        CheckResult result = check(get(url("/big")).toBuilder().outputMaxSize(200).build());
        assertEquals(CheckStatus.PASSING, result.status());
        assertEquals(200, result.output().getBytes(StandardCharsets.UTF_8).length);
        assertTrue(result.output().startsWith("HTTP GET " + url("/big") + ": 200 OK Output: xxx"));
    }

    @Test
    void aStoppedServerIsCriticalWithConnectionRefused() {
        String url = url("/ok");
        server.stop(0);
        CheckResult result = check(get(url));
        assertEquals(CheckStatus.CRITICAL, result.status());
        assertEquals("HTTP GET " + url + ": connection refused", result.output());
    }

    @Test
    void rejectsWhatCannotBeRequested() {
        IllegalArgumentException notHttp = assertThrows(IllegalArgumentException.class,
                () -> HttpChecker.validate(get("ftp://example.com/")));
        assertEquals("HTTP must be an absolute http:// or https:// URL, got \"ftp://example.com/\"",
                notHttp.getMessage());
        IllegalArgumentException host = assertThrows(IllegalArgumentException.class, () -> HttpChecker.validate(
                get(url("/ok")).toBuilder().header(Map.of("Host", List.of("example.com"))).build()));
        assertTrue(host.getMessage().startsWith("HTTP check request cannot be built: "), host.getMessage());
        HttpChecker.validate(get(url("/ok")));
    }
}
