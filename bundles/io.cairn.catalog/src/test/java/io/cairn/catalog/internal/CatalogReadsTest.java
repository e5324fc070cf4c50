package io.cairn.catalog.internal;

import io.cairn.raft.testing.InMemoryState;
import static io.cairn.catalog.internal.Fixtures.apply;
import static io.cairn.catalog.internal.Fixtures.check;
import static io.cairn.catalog.internal.Fixtures.instance;
import static io.cairn.catalog.internal.Fixtures.node;
import static io.cairn.catalog.internal.Fixtures.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.health.api.CheckStatus;

class CatalogReadsTest {

    private final InMemoryState state = new InMemoryState();
    /** Shared by every read, and small, so the answers below also cover reuse across writes and sweeping. */
    private final DecodedRecords records = new DecodedRecords(3);

    private CatalogReads reads() {
        return new CatalogReads(state, "dc7", records);
    }

    private List<String> nodesOf(List<ServiceEntry> entries) {
        return entries.stream().map(e -> e.node().node()).toList();
    }

    @Test
    void emptyCatalogStillHasAnIndexToBlockOn() {
        assertEquals(1, reads().index());
        assertTrue(reads().nodes(Map.of()).isEmpty());
        assertTrue(reads().node("nope").isEmpty());
    }

    @Test
    void nodesAreSortedFilteredByMetaAndCarryTheDatacenter() {
        apply(state, node("b", Map.of("env", "prod")));
        apply(state, node("a", Map.of("env", "prod", "rack", "r1")));
        apply(state, node("c", Map.of("env", "dev")));

        assertEquals(List.of("a", "b", "c"), reads().nodes(Map.of()).stream().map(n -> n.node()).toList());
        assertEquals(List.of("a", "b"),
                reads().nodes(Map.of("env", "prod")).stream().map(n -> n.node()).toList());
        assertEquals(List.of("a"),
                reads().nodes(Map.of("env", "prod", "rack", "r1")).stream().map(n -> n.node()).toList());
        assertEquals("dc7", reads().nodes(Map.of()).get(0).datacenter());
    }

    @Test
    void servicesListUniqueSortedTagsAndRespectNodeMeta() {
        apply(state, node("n1", Map.of("env", "prod")));
        apply(state, instance("n1", service("w1", "web", "v2", "blue")));
        apply(state, instance("n2", service("w2", "web", "v2", "alpha")));
        apply(state, instance("n2", service("db", "db")));

        Map<String, List<String>> all = reads().services(Map.of(), Optional.empty());
        assertEquals(List.of("alpha", "blue", "v2"), all.get("web"));
        assertEquals(List.of(), all.get("db"));
        assertEquals(Map.of("web", List.of("blue", "v2")), reads().services(Map.of("env", "prod"), Optional.empty()));
    }

    @Test
    void servicesAreBuiltFromTheInstancesTheFilterKeeps() {
        apply(state, node("n1", Map.of("env", "prod")));
        apply(state, instance("n1", service("w1", "web", "v2", "blue")));
        apply(state, instance("n2", service("w2", "web", "v2", "alpha")));
        apply(state, instance("n2", service("db", "db")));

        Predicate<ServiceEntry> onN2 = entry -> entry.node().node().equals("n2");
        assertEquals(Map.of("web", List.of("alpha", "v2"), "db", List.of()),
                reads().services(Map.of(), Optional.of(onN2)));
        assertEquals(Map.of(), reads().services(Map.of("env", "prod"), Optional.of(onN2)));
    }

    @Test
    void serviceLookupIsCaseInsensitiveAndTagsAreAnded() {
        apply(state, instance("n1", service("w1", "web", "v1", "Primary")));
        apply(state, instance("n2", service("w2", "web", "v1")));
        apply(state, instance("n3", service("x", "webby", "v1")));

        assertEquals(List.of("n1", "n2"), nodesOf(reads().serviceEntries("WEB", ServiceQuery.ALL)));
        assertEquals(List.of("n1", "n2"),
                nodesOf(reads().serviceEntries("web", new ServiceQuery(List.of("v1"), null, false))));
        assertEquals(List.of("n1"),
                nodesOf(reads().serviceEntries("web", new ServiceQuery(List.of("v1", "primary"), null, false))));
    }

    @Test
    void passingDropsInstancesWithAnyNonPassingCheckIncludingNodeChecks() {
        apply(state, instance("ok", service("w", "web"), check("serfHealth", null, CheckStatus.PASSING),
                check("http", "w", CheckStatus.PASSING)));
        apply(state, instance("sick-node", service("w", "web"), check("serfHealth", null, CheckStatus.CRITICAL),
                check("http", "w", CheckStatus.PASSING)));
        apply(state, instance("warn", service("w", "web"), check("http", "w", CheckStatus.WARNING)));
        apply(state, instance("bare", service("w", "web")));

        ServiceQuery passing = new ServiceQuery(null, null, true);
        assertEquals(List.of("bare", "ok"), nodesOf(reads().serviceEntries("web", passing)));
        assertEquals(4, reads().serviceEntries("web", ServiceQuery.ALL).size());
    }

    @Test
    void entryChecksAreNodeChecksPlusOnlyThatInstancesChecks() {
        apply(state, instance("n1", service("a", "web"), check("serfHealth", null, CheckStatus.PASSING),
                check("a-check", "a", CheckStatus.PASSING)));
        apply(state, instance("n1", service("b", "web"), check("b-check", "b", CheckStatus.CRITICAL)));

        List<ServiceEntry> entries = reads().serviceEntries("web", ServiceQuery.ALL);
        assertEquals(List.of("a-check", "serfHealth"),
                entries.get(0).checks().stream().map(HealthCheck::checkId).toList());
        assertEquals(List.of("b-check", "serfHealth"),
                entries.get(1).checks().stream().map(HealthCheck::checkId).toList());
        assertEquals(List.of("a-check", "b-check"),
                reads().serviceChecks("web", Map.of()).stream().map(HealthCheck::checkId).toList());
    }

    @Test
    void checksByStateAndNodeMeta() {
        apply(state, node("n1", Map.of("env", "prod")));
        apply(state, instance("n1", service("a", "web"), check("c1", "a", CheckStatus.PASSING)));
        apply(state, instance("n2", service("a", "web"), check("c2", "a", CheckStatus.CRITICAL)));

        assertEquals(List.of("c2"), reads().checks(Optional.of(CheckStatus.CRITICAL), Map.of()).stream()
                .map(HealthCheck::checkId).toList());
        assertEquals(2, reads().checks(Optional.empty(), Map.of()).size());
        assertEquals(List.of("c1"), reads().checks(Optional.empty(), Map.of("env", "prod")).stream()
                .map(HealthCheck::checkId).toList());
    }
}
