package io.cairn.query.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.Coordinates;
import io.cairn.catalog.api.RemoteDatacenters;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.health.api.CheckStatus;
import io.cairn.query.api.ExecuteOptions;
import io.cairn.query.api.PreparedQuery;
import io.cairn.query.api.QueryFailover;
import io.cairn.query.api.QueryResult;
import io.cairn.query.api.QueryService;
import io.cairn.raft.api.Consistency;

import org.junit.jupiter.api.Test;

class ExecutionTest {

    private final QueryTestKit kit = new QueryTestKit();

    private static QueryService service(boolean onlyPassing, List<String> ignore, List<String> tags,
            Map<String, String> nodeMeta, Map<String, String> serviceMeta) {
        return new QueryService("web", new QueryFailover(2, List.of("dc9")), onlyPassing, ignore, null, tags,
                nodeMeta, serviceMeta, false);
    }

    private Set<String> nodes(QueryService service) {
        PreparedQuery query = QueryTestKit.query("web", "web").withService(service);
        String id = kit.join(kit.queries.create(query));
        QueryResult result = kit.join(kit.queries.execute(id, ExecuteOptions.DEFAULT, Consistency.DEFAULT))
                .orElseThrow();
        kit.join(kit.queries.delete(id));
        return Set.copyOf(result.nodes().stream().map(e -> e.node().node()).toList());
    }

    @Test
    void healthRulesAsConsul() {
        kit.instances.add(QueryTestKit.instance("a1", "web", List.of(), Map.of(), CheckStatus.PASSING));
        kit.instances.add(QueryTestKit.instance("a2", "web", List.of(), Map.of(), CheckStatus.WARNING));
        kit.instances.add(QueryTestKit.instance("b1", "web", List.of(), Map.of(), CheckStatus.PASSING,
                CheckStatus.CRITICAL));
        assertEquals(Set.of("a1", "a2"), nodes(service(false, null, null, null, null)));
        assertEquals(Set.of("a1"), nodes(service(true, null, null, null, null)));
        assertEquals(Set.of("a1", "a2", "b1"), nodes(service(false, List.of("check-1"), null, null, null)));
    }

    @Test
    void tagsWithExclusionAndMetadata() {
        kit.instances.add(QueryTestKit.instance("a1", "web", List.of("Primary", "v1"), Map.of("env", "prod")));
        kit.instances.add(QueryTestKit.instance("a2", "web", List.of("v1"), Map.of("env", "dev")));
        kit.instances.add(QueryTestKit.instance("b1", "web", List.of("v1", "canary"), Map.of("env", "prod")));
        assertEquals(Set.of("a1", "b1"), nodes(service(false, null, null, null, Map.of("env", "prod"))));
        assertEquals(Set.of("a1"), nodes(service(false, null, List.of("primary"), null, null)));
        assertEquals(Set.of("a1", "a2"), nodes(service(false, null, List.of("V1", "!CANARY"), null, null)));
        assertEquals(Set.of("b1"), nodes(service(false, null, null, Map.of("rack", "b"), null)));
    }

    @Test
    void nearestFirstByFixedCoordinatesThenLimit() {
        for (String node : List.of("a1", "a2", "a3", "b1")) {
            kit.instances.add(QueryTestKit.instance(node, "web", List.of(), Map.of()));
        }
        coordinate("agent-node", 0.0);
        coordinate("a1", 0.030);
        coordinate("a2", 0.010);
        coordinate("a3", 0.020);
        PreparedQuery near = QueryTestKit.query("web", "web").withService(new QueryService("web", null, false, null,
                "_agent", null, null, null, false));
        String id = kit.join(kit.queries.create(near));
        QueryResult all = kit.join(kit.queries.execute(id, ExecuteOptions.DEFAULT, Consistency.DEFAULT))
                .orElseThrow();
        assertEquals(List.of("a2", "a3", "a1", "b1"), all.nodes().stream().map(e -> e.node().node()).toList());
        QueryResult limited = kit.join(kit.queries.execute("web", new ExecuteOptions(Optional.of("a1"), 2, false),
                Consistency.DEFAULT)).orElseThrow();
        assertEquals(List.of("a1", "a3"), limited.nodes().stream().map(e -> e.node().node()).toList(),
                "?near overrides the query's Near and its node comes first");
        assertEquals("dc1", limited.datacenter());
        assertEquals(0, limited.failovers());
    }

    @Test
    void unknownQueryIsEmptyAndConnectFindsNoProxies() {
        kit.instances.add(QueryTestKit.instance("a1", "web", List.of(), Map.of()));
        assertTrue(kit.join(kit.queries.execute("nope", ExecuteOptions.DEFAULT, Consistency.DEFAULT)).isEmpty());
        kit.join(kit.queries.create(QueryTestKit.query("web", "web")));
        List<ServiceEntry> found = kit.join(kit.queries.execute("web", new ExecuteOptions(Optional.empty(), 0, true),
                Consistency.DEFAULT)).orElseThrow().nodes();
        assertTrue(found.isEmpty());
    }

    /** A coordinate {@code x} seconds along the first axis, no height or adjustment to speak of. */
    private void coordinate(String node, double x) {
        String json = "{\"adjustment\":0.0,\"error\":0.1,\"height\":1.0E-5,\"node\":\"" + node
                + "\",\"segment\":\"\",\"vec\":[" + x + ",0,0,0,0,0,0,0]}";
        kit.raft.state().next().put(Coordinates.TABLE, node + '\u0000', json.getBytes(StandardCharsets.UTF_8));
    }

    /** Other datacenters whose catalogs know {@code web} on the nodes given per datacenter; dc5 cannot be read. */
    private static RemoteDatacenters others(Map<String, List<String>> webNodes, List<String> byDistance) {
        return new RemoteDatacenters() {
            @Override
            public List<String> byDistance() {
                return byDistance;
            }

            @Override
            public Optional<Catalog> catalog(String datacenter) {
                if (datacenter.equals("dc5")) {
                    return Optional.of(QueryTestKit.failingCatalog(datacenter));
                }
                return Optional.ofNullable(webNodes.get(datacenter)).map(nodes -> QueryTestKit.catalog(datacenter,
                        nodes.stream().map(n -> QueryTestKit.instance(n, "web", List.of(), Map.of())).toList()));
            }
        };
    }

    private QueryResult executeWithFailover(QueryFailover failover) {
        PreparedQuery query = QueryTestKit.query("web", "web").withService(new QueryService("web", failover, false,
                null, null, null, null, null, false));
        String id = kit.join(kit.queries.create(query));
        QueryResult result = kit.join(kit.queries.execute(id, ExecuteOptions.DEFAULT, Consistency.DEFAULT))
                .orElseThrow();
        kit.join(kit.queries.delete(id));
        return result;
    }

    @Test
    void withNoInstanceHereTheNearestDatacentersThenTheListedOnesAreAskedInTurn() {
        kit.instances.add(QueryTestKit.instance("sick", "web", List.of(), Map.of(), CheckStatus.CRITICAL));
        kit.remote = others(Map.of("dc2", List.of(), "dc3", List.of("c1", "c2"), "dc4", List.of("d1")),
                List.of("dc1", "dc2", "dc5", "dc3", "dc4"));

        QueryResult nearest = executeWithFailover(new QueryFailover(3, List.of("dc4")));
        assertEquals("dc3", nearest.datacenter());
        assertEquals(3, nearest.failovers(), "dc2 (empty), dc5 (unreadable) and dc3 were asked");
        assertEquals(Set.of("c1", "c2"), Set.copyOf(nearest.nodes().stream().map(e -> e.node().node()).toList()));

        QueryResult listed = executeWithFailover(new QueryFailover(1, List.of("dc9", "dc2", "dc4", "dc1")));
        assertEquals("dc4", listed.datacenter(), "dc9 is unknown and skipped, dc1 is this one");
        assertEquals(2, listed.failovers());

        Execution order = new Execution(name -> List.of(), "dc1", "n", new java.util.Random(1), () -> kit.remote);
        assertEquals(List.of("dc2", "dc5", "dc4", "dc9"), order.failoverOrder(new QueryFailover(2, List.of("dc4",
                "dc9", "dc2", "dc1"))), "the nearest two, then the listed ones not tried yet, never this one");

        QueryResult none = executeWithFailover(new QueryFailover(0, List.of("dc2")));
        assertEquals("dc1", none.datacenter());
        assertEquals(1, none.failovers());
        assertTrue(none.nodes().isEmpty());
    }

    @Test
    void aHealthyInstanceHereAnswersWithoutAskingAnyOtherDatacenter() {
        kit.instances.add(QueryTestKit.instance("a1", "web", List.of(), Map.of()));
        kit.remote = others(Map.of("dc2", List.of("b1")), List.of("dc1", "dc2"));
        QueryResult result = executeWithFailover(new QueryFailover(1, List.of()));
        assertEquals("dc1", result.datacenter());
        assertEquals(0, result.failovers());
    }
}
