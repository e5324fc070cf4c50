package io.cairn.prometheus.internal;

import static io.cairn.prometheus.internal.Fixtures.check;
import static io.cairn.prometheus.internal.Fixtures.entry;
import static io.cairn.prometheus.internal.Fixtures.node;
import static io.cairn.prometheus.internal.Fixtures.service;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.Weights;
import io.cairn.health.api.CheckStatus;

class ConsulSdLabelsTest {

    @Test
    void labelsAsConsulSdGivesThem() {
        Node node = new Node("", "web-1", "10.0.0.5", "dc1", Map.of("lan", "10.0.0.5", "wan-ipv4", "1.2.3.4"),
                Map.of("rack", "r1", "consul-network-segment", ""), 1, 1);
        NodeService service = new NodeService("", "hop-1", "hopscotch", List.of("v1", "blue"), "", Map.of(),
                Map.of("version", "1.2", "team.name", "ops"), 9100, Weights.DEFAULT, false, 2, 2);
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("__address__", "10.0.0.5:9100"),
                Map.entry("__meta_consul_address", "10.0.0.5"),
                Map.entry("__meta_consul_dc", "dc1"),
                Map.entry("__meta_consul_health", "passing"),
                Map.entry("__meta_consul_namespace", ""),
                Map.entry("__meta_consul_partition", ""),
                Map.entry("__meta_consul_node", "web-1"),
                Map.entry("__meta_consul_service", "hopscotch"),
                Map.entry("__meta_consul_service_address", ""),
                Map.entry("__meta_consul_service_id", "hop-1"),
                Map.entry("__meta_consul_service_port", "9100"),
                Map.entry("__meta_consul_tags", ",v1,blue,"),
                Map.entry("__meta_consul_metadata_rack", "r1"),
                Map.entry("__meta_consul_metadata_consul_network_segment", ""),
                Map.entry("__meta_consul_service_metadata_version", "1.2"),
                Map.entry("__meta_consul_service_metadata_team_name", "ops"),
                Map.entry("__meta_consul_tagged_address_lan", "10.0.0.5"),
                Map.entry("__meta_consul_tagged_address_wan_ipv4", "1.2.3.4")));
        assertEquals(expected, ConsulSdLabels.of(entry(node, service), "dc1"));
    }

    @Test
    void serviceAddressWinsOverNodeAddress() {
        assertEquals("192.168.1.9:80", ConsulSdLabels.target(entry(node("n", "10.0.0.1"),
                service("s", "s", "192.168.1.9", 80, List.of()))));
        assertEquals("[fd00::1]:80", ConsulSdLabels.target(entry(node("n", "10.0.0.1"),
                service("s", "s", "fd00::1", 80, List.of()))));
    }

    @Test
    void noTagsStillWrapsTheSeparator() {
        assertEquals(",,", ConsulSdLabels.of(entry(node("n", "10.0.0.1"), service("s", "s", "", 80, List.of())), "dc1")
                .get("__meta_consul_tags"));
    }

    @Test
    void healthIsTheWorstStatusAndMaintenanceTrumpsIt() {
        Node n = node("n", "10.0.0.1");
        NodeService s = service("s", "s", "", 80, List.of());
        assertEquals("passing", ConsulSdLabels.health(entry(n, s)));
        assertEquals("passing", ConsulSdLabels.health(entry(n, s, check("n", "serfHealth", "", CheckStatus.PASSING))));
        assertEquals("warning", ConsulSdLabels.health(entry(n, s, check("n", "serfHealth", "", CheckStatus.PASSING),
                check("n", "service:s", "s", CheckStatus.WARNING))));
        assertEquals("critical", ConsulSdLabels.health(entry(n, s, check("n", "serfHealth", "", CheckStatus.CRITICAL),
                check("n", "service:s", "s", CheckStatus.WARNING))));
        assertEquals("maintenance", ConsulSdLabels.health(entry(n, s, check("n", "service:s", "s", CheckStatus.PASSING),
                check("n", "_service_maintenance:s", "s", CheckStatus.CRITICAL))));
        assertEquals("maintenance", ConsulSdLabels.health(entry(n, s,
                check("n", "_node_maintenance", "", CheckStatus.CRITICAL))));
    }

    @Test
    void labelNamesAreSanitised() {
        assertEquals("a_b_c_9", ConsulSdLabels.labelName("a.b-c/9"));
    }
}
