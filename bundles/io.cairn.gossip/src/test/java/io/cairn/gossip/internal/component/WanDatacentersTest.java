package io.cairn.gossip.internal.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cairn.gossip.api.Membership;
import io.cairn.gossip.internal.sim.SimCluster;
import io.cairn.gossip.internal.swim.SwimConfig;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;

/** The WAN pool's datacenters as a server reports them, on a simulated pool with a virtual clock. */
class WanDatacentersTest {
    private final SimCluster cluster = new SimCluster(SwimConfig.wan(), 5);
    private final Whiteboard whiteboard = new Whiteboard();
    private final PoolMembership s1 = server("s1", "dc1");
    private final FakeRoutes routes = new FakeRoutes();

    WanDatacentersTest() {
        server("s2", "dc1");
        server("s1", "dc2");
        server("a", "dc0");
        cluster.start("client", Map.of("role", "node", "dc", "dc3"), whiteboard.listenerFor(Membership.WAN,
                (name, payload) -> Optional.empty()));
        cluster.joinAll(Duration.ofMillis(100));
        cluster.advance(Duration.ofSeconds(60));
        new GossipEndpoints(s1, Optional.of(s1), Optional.empty(), () -> { }).routes(routes);
    }

    private PoolMembership server(String node, String dc) {
        return new PoolMembership(Membership.WAN, cluster.start(node + "." + dc, Map.of("role", "consul", "dc", dc),
                whiteboard.listenerFor(Membership.WAN, (name, payload) -> Optional.empty())), 8302);
    }

    @Test
    void everyDatacenterWithAServerIsListedNearestFirst() {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) routes.call("GET", "/v1/catalog/datacenters", new FakeRequest()
                .anonymousDenied()).jsonBody();

        assertEquals(3, names.size(), "a pool member that is no server names no datacenter: " + names);
        assertTrue(names.containsAll(List.of("dc0", "dc1", "dc2")), names.toString());
        WanDatacenters datacenters = new WanDatacenters(s1);
        assertEquals(names, datacenters.byDistance());
    }

    @Test
    void theCoordinatesAreEachDatacentersServersByNodeName() throws Exception {
        String json = FakeRequest.JSON.writeValueAsString(routes.call("GET", "/v1/coordinate/datacenters",
                new FakeRequest().anonymousDenied()).jsonBody());

        List<WanDatacenters.DatacenterJson> maps = new WanDatacenters(s1).coordinates();
        assertEquals(List.of("dc0", "dc1", "dc2"), maps.stream().map(WanDatacenters.DatacenterJson::datacenter)
                .toList());
        assertEquals(List.of("s1", "s2"), maps.get(1).coordinates().stream()
                .map(WanDatacenters.NodeCoordJson::node).toList());
        assertTrue(json.startsWith("[{\"Datacenter\":\"dc0\",\"AreaID\":\"wan\",\"Coordinates\":[{\"Node\":\"a\","
                + "\"Segment\":\"\",\"Coord\":{\"Vec\":["), json);
    }

    @Test
    void aMemberNameLosesItsDatacenterSuffixOnly() {
        assertEquals("s1", WanDatacenters.nodeName("s1.dc1", "dc1"));
        assertEquals("s1.dc1", WanDatacenters.nodeName("s1.dc1", "dc2"));
        assertEquals("a.b", WanDatacenters.nodeName("a.b.dc1", "dc1"));
    }
}
