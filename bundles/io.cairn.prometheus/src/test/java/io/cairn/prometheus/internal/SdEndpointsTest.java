package io.cairn.prometheus.internal;

import static io.cairn.prometheus.internal.Fixtures.check;
import static io.cairn.prometheus.internal.Fixtures.entry;
import static io.cairn.prometheus.internal.Fixtures.node;
import static io.cairn.prometheus.internal.Fixtures.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.catalog.api.Node;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.health.api.CheckStatus;

class SdEndpointsTest {
    private final FakeCatalog catalog = new FakeCatalog();
    private final SdEndpoints endpoints = new SdEndpoints(catalog);

    SdEndpointsTest() {
        Node a = new Node("", "a", "10.0.0.1", "dc1", Map.of(), Map.of("rack", "r1"), 1, 1);
        Node b = node("b", "10.0.0.2");
        catalog.entries.add(entry(a, service("ne-a", "node_exporter", "", 9100, List.of("infra")),
                check("a", "serfHealth", "", CheckStatus.PASSING)));
        catalog.entries.add(entry(b, service("ne-b", "node_exporter", "", 9100, List.of()),
                check("b", "service:ne-b", "ne-b", CheckStatus.CRITICAL)));
        catalog.entries.add(entry(b, service("hop", "hopscotch", "10.9.9.9", 8080, List.of("infra"))));
    }

    @Test
    void everyServiceWhenNoneIsNamed() {
        assertEquals(List.of("10.9.9.9:8080", "10.0.0.1:9100", "10.0.0.2:9100"), targets());
    }

    @Test
    void oneGroupPerInstanceWithConsulSdLabels() {
        List<Map<String, Object>> groups = get("service=hopscotch");
        assertEquals(1, groups.size());
        assertEquals(List.of("10.9.9.9:8080"), groups.get(0).get("targets"));
        @SuppressWarnings("unchecked")
        Map<String, String> labels = (Map<String, String>) groups.get(0).get("labels");
        assertEquals("hopscotch", labels.get("__meta_consul_service"));
        assertEquals("b", labels.get("__meta_consul_node"));
        assertEquals(",infra,", labels.get("__meta_consul_tags"));
        assertEquals("passing", labels.get("__meta_consul_health"));
        assertEquals("dc1", labels.get("__meta_consul_dc"));
    }

    @Test
    void repeatedServicesTagsNodeMetaAndPassingFilter() {
        assertEquals(List.of("10.0.0.1:9100", "10.0.0.2:9100", "10.9.9.9:8080"),
                targets("service=node_exporter", "service=hopscotch", "service=node_exporter"));
        assertEquals(List.of("10.0.0.1:9100", "10.9.9.9:8080"),
                targets("service=node_exporter", "service=hopscotch", "tag=infra"));
        assertEquals(List.of("10.0.0.1:9100"), targets("node-meta=rack:r1"));
        assertEquals(List.of("10.9.9.9:8080", "10.0.0.1:9100"), targets("passing="));
        assertEquals(3, targets("passing=false").size());
    }

    @Test
    void emptyListWhenNothingMatches() {
        assertEquals(List.of(), get("service=nope"));
    }

    @Test
    void badInputIsRefused() {
        assertEquals(400, assertThrows(HttpException.class, () -> get("passing=maybe")).status());
        assertEquals(400, assertThrows(HttpException.class, () -> get("node-meta=rack")).status());
        assertEquals(3, targets("dc=dc1").size());
    }

    @Test
    void onlyInstancesWhoseNodeAndServiceTheTokenMayReadAreTargets() {
        FakeRequest nodeB = FakeRequest.of("GET", "").rules("""
                node "b" { policy = "read" }
                service_prefix "" { policy = "read" }""");
        Response answer = endpoints.targets(nodeB).toCompletableFuture().join();
        assertEquals(2, ((List<?>) answer.jsonBody()).size());
        assertEquals("true", answer.headers().get("X-Consul-Results-Filtered-By-ACLs"));

        FakeRequest hopscotchOnly = FakeRequest.of("GET", "").rules("""
                node_prefix "" { policy = "read" }
                service "hopscotch" { policy = "read" }""");
        assertEquals(1, ((List<?>) endpoints.targets(hopscotchOnly).toCompletableFuture().join().jsonBody()).size());
        Response anonymous = endpoints.targets(FakeRequest.of("GET", "").anonymousDenied()).toCompletableFuture()
                .join();
        assertEquals(List.of(), anonymous.jsonBody());
        assertNull(anonymous.headers().get("X-Consul-Results-Filtered-By-ACLs"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> get(String... query) {
        return (List<Map<String, Object>>) endpoints.targets(FakeRequest.of("GET", "", query)).toCompletableFuture()
                .join().jsonBody();
    }

    @SuppressWarnings("unchecked")
    private List<String> targets(String... query) {
        return get(query).stream().map(g -> ((List<String>) g.get("targets")).get(0)).toList();
    }
}
