package io.cairn.template.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HealthServiceQueryTest {

    /** Three instances as Consul's /v1/health/service returns them: web-2 critical, web-3 on its node address. */
    static final String ENTRIES = """
            [
              {"Node": {"ID": "8f24-b", "Node": "node-b", "Address": "10.0.0.2", "Datacenter": "dc1",
                        "TaggedAddresses": {"lan": "10.0.0.2", "wan": "198.51.100.2"},
                        "Meta": {"rack": "r2"}, "CreateIndex": 5, "ModifyIndex": 6},
               "Service": {"ID": "web-2", "Service": "web", "Tags": ["v2", "prod"], "Address": "10.1.0.2",
                           "Meta": {"version": "2"}, "Port": 8080,
                           "TaggedAddresses": {"wan": {"Address": "198.51.100.2", "Port": 80}},
                           "Weights": {"Passing": 10, "Warning": 1}, "EnableTagOverride": false},
               "Checks": [
                 {"Node": "node-b", "CheckID": "serfHealth", "Name": "Serf Health Status", "Status": "passing",
                  "Notes": "", "Output": "Agent alive", "ServiceID": "", "ServiceName": "", "ServiceTags": [],
                  "Type": "", "Definition": {}, "CreateIndex": 5, "ModifyIndex": 5},
                 {"Node": "node-b", "CheckID": "service:web-2", "Name": "web", "Status": "critical",
                  "Notes": "", "Output": "connection refused", "ServiceID": "web-2", "ServiceName": "web",
                  "ServiceTags": ["v2", "prod"], "Type": "http",
                  "Definition": {"HTTP": "http://10.1.0.2:8080/health", "Interval": "10s"},
                  "CreateIndex": 7, "ModifyIndex": 9}
               ]},
              {"Node": {"ID": "8f24-a", "Node": "node-a", "Address": "10.0.0.1", "Datacenter": "dc1",
                        "TaggedAddresses": null, "Meta": null},
               "Service": {"ID": "web-1", "Service": "web", "Tags": ["prod"], "Address": "10.1.0.1", "Port": 8080},
               "Checks": [{"CheckID": "serfHealth", "Status": "passing"}]},
              {"Node": {"ID": "8f24-a", "Node": "node-a", "Address": "10.0.0.1", "Datacenter": "dc1"},
               "Service": {"ID": "web-0", "Service": "web", "Tags": [], "Address": "", "Port": 9090},
               "Checks": [{"CheckID": "serfHealth", "Status": "passing"},
                          {"CheckID": "service:web-0", "Status": "warning"}]}
            ]
            """;

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static List<HealthService> decode(HealthServiceQuery q, String json) throws IOException {
        return (List<HealthService>) q.decode(200, bytes(json));
    }

    @Test
    void parsesEveryPartOfTheArgument() {
        HealthServiceQuery q = HealthServiceQuery.parse("prod.web?ns=team&partition=p1@dc2~_agent|warning,passing",
                false);
        assertEquals("web", q.name());
        assertEquals("prod", q.tag());
        assertEquals("dc2", q.dc());
        assertEquals("_agent", q.near());
        assertEquals(List.of("passing", "warning"), q.filters());
        assertEquals(Map.of("ns", "team", "partition", "p1"), q.options());
        assertEquals("health.service(prod.web@dc2@partition=p1@ns=team~_agent|passing,warning)", q.describe());
    }

    @Test
    void tagIsEverythingBeforeTheLastDot() {
        HealthServiceQuery q = HealthServiceQuery.parse("v1.2.web", false);
        assertEquals("v1.2", q.tag());
        assertEquals("web", q.name());
    }

    @Test
    void defaultIsHealthyOnlyFilteredByTheAgent() {
        HealthServiceQuery q = HealthServiceQuery.parse("prod.hopscotch", false);
        assertEquals("health.service(prod.hopscotch|passing)", q.describe());
        assertEquals("/v1/health/service/hopscotch?tag=prod&passing=1", q.path());
        assertEquals(q, HealthServiceQuery.parse("prod.hopscotch|passing", false), "same query, shared");
    }

    @Test
    void otherFiltersFetchEveryInstance() {
        HealthServiceQuery q = HealthServiceQuery.parse("web@dc2|any", false);
        assertEquals("/v1/health/service/web?dc=dc2", q.path());
        assertEquals("/v1/health/connect/web?passing=1", HealthServiceQuery.parse("web", true).path());
        assertEquals("health.connect(web|passing)", HealthServiceQuery.parse("web", true).describe());
    }

    @Test
    void rejectsBadArgumentsWithConsulTemplatesMessages() {
        assertEquals("health.service: invalid format: \"web/x\"",
                assertThrows(IllegalArgumentException.class, () -> HealthServiceQuery.parse("web/x", false))
                        .getMessage());
        assertEquals("health.service: invalid filter: \"sad\" in \"web|passing,sad\"",
                assertThrows(IllegalArgumentException.class,
                        () -> HealthServiceQuery.parse("web|passing,sad", false)).getMessage());
        assertEquals("health.service: invalid query parameter key \"color\" in query \"color=red\": supported keys:"
                + " ns,peer,partition,sameness-group",
                assertThrows(IllegalArgumentException.class,
                        () -> HealthServiceQuery.parse("web?color=red", false)).getMessage());
        assertEquals("health.service: cannot specify both peer and sameness-group",
                assertThrows(IllegalArgumentException.class,
                        () -> HealthServiceQuery.parse("web?peer=a&sameness-group=b", false)).getMessage());
    }

    @Test
    void decodesConsulEntriesIntoConsulTemplatesModel() throws IOException {
        List<HealthService> all = decode(HealthServiceQuery.parse("web|any", false), ENTRIES);
        assertEquals(List.of("web-0", "web-1", "web-2"), all.stream().map(HealthService::ID).toList(),
                "sorted by node, then ID");
        HealthService b = all.get(2);
        assertEquals("node-b", b.Node());
        assertEquals("8f24-b", b.NodeID());
        assertEquals("10.0.0.2", b.NodeAddress());
        assertEquals(Map.of("lan", "10.0.0.2", "wan", "198.51.100.2"), b.NodeTaggedAddresses());
        assertEquals(Map.of("rack", "r2"), b.NodeMeta());
        assertEquals(Map.of("version", "2"), b.ServiceMeta());
        assertEquals("10.1.0.2", b.Address());
        assertEquals(Map.of("wan", new ServiceAddress("198.51.100.2", 80)), b.ServiceTaggedAddresses());
        assertEquals("web", b.Name());
        assertEquals(List.of("prod", "v2"), b.Tags(), "tags sorted");
        assertEquals("critical", b.Status());
        assertEquals(8080, b.Port());
        assertEquals(new AgentWeights(10, 1), b.Weights());
        assertEquals(2, b.Checks().size());
        HealthCheck check = b.Checks().get(1);
        assertEquals("service:web-2", check.CheckID());
        assertEquals("connection refused", check.Output());
        assertEquals("http", check.Type());
        assertEquals(Map.of("HTTP", "http://10.1.0.2:8080/health", "Interval", "10s"), check.Definition());
        assertEquals(9, check.ModifyIndex());

        HealthService zero = all.get(0);
        assertEquals("10.0.0.1", zero.Address(), "no service address: the node's");
        assertEquals("warning", zero.Status());
        assertEquals(Map.of(), all.get(1).NodeTaggedAddresses(), "null maps are empty");
        assertEquals(new AgentWeights(0, 0), all.get(1).Weights());
    }

    @Test
    void filtersOnTheAggregatedStatusClientSide() throws IOException {
        List<HealthService> some = decode(HealthServiceQuery.parse("web|passing,warning", false), ENTRIES);
        assertEquals(List.of("web-0", "web-1"), some.stream().map(HealthService::ID).toList());
        List<HealthService> critical = decode(HealthServiceQuery.parse("web|critical", false), ENTRIES);
        assertEquals(List.of("web-2"), critical.stream().map(HealthService::ID).toList());
    }

    @Test
    void keepsTheAgentsOrderWhenNearIsGiven() throws IOException {
        List<HealthService> near = decode(HealthServiceQuery.parse("web~node-b|any", false), ENTRIES);
        assertEquals(List.of("web-2", "web-1", "web-0"), near.stream().map(HealthService::ID).toList());
    }

    @Test
    void emptyAndErrorResponses() throws IOException {
        HealthServiceQuery q = HealthServiceQuery.parse("web", false);
        assertTrue(decode(q, "[]").isEmpty());
        assertThrows(IOException.class, () -> q.decode(500, bytes("No cluster leader")));
        assertThrows(IOException.class, () -> q.decode(200, bytes("{not json")));
    }

    @Test
    void aggregatedStatusFollowsConsulsRule() {
        assertEquals("passing", checks().AggregatedStatus());
        assertEquals("passing", checks("a", "passing").AggregatedStatus());
        assertEquals("warning", checks("a", "passing", "b", "warning").AggregatedStatus());
        assertEquals("critical", checks("a", "warning", "b", "critical", "c", "passing").AggregatedStatus());
        assertEquals("maintenance", checks("a", "critical", "_node_maintenance", "critical").AggregatedStatus());
        assertEquals("maintenance", checks("_service_maintenance:web-1", "critical").AggregatedStatus());
        assertEquals("", checks("a", "critical", "b", "unknown").AggregatedStatus());
    }

    private static HealthChecks checks(String... idAndStatus) {
        List<HealthCheck> list = new java.util.ArrayList<>();
        for (int i = 0; i < idAndStatus.length; i += 2) {
            list.add(new HealthCheck("n", idAndStatus[i], "", idAndStatus[i + 1], "", "", "", "", List.of(), "", 0,
                    Map.of(), 0, 0));
        }
        return new HealthChecks(list);
    }
}
