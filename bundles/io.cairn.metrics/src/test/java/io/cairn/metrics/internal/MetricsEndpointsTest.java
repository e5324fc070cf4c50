package io.cairn.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.micrometer.core.instrument.Timer;

class MetricsEndpointsTest {
    private final AgentRegistry agent = new AgentRegistry();
    private final BundleMeterRegistry registry = new BundleMeterRegistry(agent);
    private final MetricsEndpoints endpoints = new MetricsEndpoints(agent, "node-1",
            Clock.fixed(Instant.parse("2026-11-27T21:00:00Z"), ZoneOffset.UTC));

    MetricsEndpointsTest() {
        registry.counter("cairn.test.writes", "type", "kv").increment(3);
        registry.gauge("cairn.test.depth", List.of(), 7.0);
        Timer.builder("cairn.test.latency").register(registry).record(Duration.ofMillis(40));
    }

    @Test
    void prometheusTextOnRequest() {
        Response response = get(FakeRequest.of("GET", "", "format=prometheus"));
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.contentType());
        String text = new String(response.rawBody(), StandardCharsets.UTF_8);
        assertTrue(text.contains("# TYPE cairn_test_writes_total counter"), text);
        assertTrue(text.contains("cairn_test_writes_total{type=\"kv\"} 3.0"), text);
        assertTrue(text.contains("cairn_test_latency_seconds_count 1"), text);
        assertFalse(text.contains("# EOF"), text);
        assertTrue(text.contains("jvm_memory_used_bytes{area=\"heap\""), text);
    }

    @Test
    void openMetricsForAScraper() {
        Response response = get(new FakeRequest().header("Accept", "application/openmetrics-text;version=1.0.0"));
        assertTrue(response.contentType().startsWith("application/openmetrics-text"));
        String text = new String(response.rawBody(), StandardCharsets.UTF_8);
        assertTrue(text.contains("cairn_test_writes_total{type=\"kv\"} 3.0"), text);
        assertTrue(text.endsWith("# EOF\n"), text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void consulJsonByDefault() {
        Response response = get(new FakeRequest());
        assertTrue(response.isJson());
        Map<String, Object> body = (Map<String, Object>) response.jsonBody();
        assertEquals("2026-11-27 21:00:00 +0000 UTC", body.get("Timestamp"));
        assertEquals(List.of(), body.get("Points"));
        List<Map<String, Object>> gauges = (List<Map<String, Object>>) body.get("Gauges");
        assertTrue(gauges.contains(Map.of("Name", "cairn.test.depth", "Value", 7.0, "Labels", Map.of())), gauges.toString());
        List<Map<String, Object>> counters = (List<Map<String, Object>>) body.get("Counters");
        Map<String, Object> writes = counters.stream().filter(c -> c.get("Name").equals("cairn.test.writes")).findFirst()
                .orElseThrow();
        assertEquals(3L, writes.get("Count"));
        assertEquals(3.0, writes.get("Sum"));
        assertEquals(Map.of("type", "kv"), writes.get("Labels"));
        List<Map<String, Object>> samples = (List<Map<String, Object>>) body.get("Samples");
        Map<String, Object> latency = samples.stream().filter(c -> c.get("Name").equals("cairn.test.latency"))
                .findFirst().orElseThrow();
        assertEquals(1L, latency.get("Count"));
        assertEquals(40.0, (double) latency.get("Sum"), 0.001);
        assertEquals(40.0, (double) latency.get("Mean"), 0.001);
    }

    @Test
    void everyFormatNeedsAgentRead() {
        String denied = "Permission denied: token with AccessorID '" + FakeRequest.TEST_ACCESSOR
                + "' lacks permission 'agent:read' on \"node-1\"";
        for (FakeRequest request : List.of(new FakeRequest(), FakeRequest.of("GET", "", "format=prometheus"))) {
            HttpException e = assertThrows(HttpException.class,
                    () -> endpoints.metrics(request.rules("agent \"node-2\" { policy = \"read\" }")));
            assertEquals(403, e.status());
            assertEquals(denied, e.getMessage());
        }
        assertEquals(200, get(FakeRequest.of("GET", "", "format=prometheus")
                .rules("agent \"node-1\" { policy = \"read\" }")).status());
    }

    private Response get(FakeRequest request) {
        return endpoints.metrics(request).toCompletableFuture().join();
    }
}
