package io.cairn.template.internal.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.template.internal.data.AgentWeights;
import io.cairn.template.internal.data.CatalogSnippet;
import io.cairn.template.internal.data.HealthChecks;
import io.cairn.template.internal.data.HealthService;
import io.cairn.template.internal.data.KeyPair;

class CollectionFunctionsTest {

    private final Calls f = new Calls(HelperFunctions.all());

    private static KeyPair pair(String key, String value) {
        return new KeyPair("p/" + key, key, value, 1, 1, 0, 0, "");
    }

    static HealthService service(String id, List<String> tags, Map<String, String> meta) {
        return new HealthService("node", "", "10.0.0.1", Map.of(), Map.of(), meta, "10.0.0.1", Map.of(), id, "web",
                tags, new HealthChecks(List.of()), "passing", 80, new AgentWeights(1, 1));
    }

    @Test
    void byKeyGroupsByTheFirstSegment() throws Exception {
        Object groups = f.call("byKey", List.of(pair("elasticsearch/a", "1"), pair("elasticsearch/b", "2"),
                pair("redis/a/b", "3"), pair("top", "4"), pair("empty/", "5")));
        assertEquals(Map.of("elasticsearch", Map.of("a", pair("elasticsearch/a", "1").withKey("a"),
                "b", pair("elasticsearch/b", "2").withKey("b")),
                "redis", Map.of("a/b", pair("redis/a/b", "3").withKey("a/b"))), groups);
    }

    @Test
    void byTagGroupsServicesAndSnippets() throws Exception {
        HealthService a = service("a", List.of("prod", "v1"), Map.of());
        HealthService b = service("b", List.of("prod"), Map.of());
        assertEquals(Map.of("prod", List.of(a, b), "v1", List.of(a)), f.call("byTag", List.of(a, b)));
        CatalogSnippet s = new CatalogSnippet("db", List.of("x"));
        assertEquals(Map.of("x", List.of(s)), f.call("byTag", List.of(s)));
        assertEquals(Map.of(), f.call("byTag", (Object) null));
        assertEquals("byTag: wrong argument type string", f.error("byTag", "web"));
    }

    @Test
    void byPortGroupsInstancesByPort() throws Exception {
        HealthService a = service("a", List.of(), Map.of());
        HealthService b = service("b", List.of(), Map.of());
        assertEquals(Map.of(80L, List.of(a, b)), f.call("byPort", List.of(a, b)));
        assertEquals(Map.of(), f.call("byPort", (Object) null));
        assertEquals("byPort: wrong argument type []string", f.error("byPort", List.of("x")));
    }

    @Test
    void byMetaBuildsGroupNames() throws Exception {
        HealthService a = service("a", List.of(), Map.of("zone", "eu-1", "weight", "7"));
        HealthService b = service("b", List.of(), Map.of("zone", "us.east"));
        assertEquals(Map.of("eu-1_00007", List.of(a), "us_east_00000", List.of(b)),
                f.call("byMeta", "zone,weight|int", List.of(a, b)));
        assertEquals(Map.of("_no_rack_", List.of(a, b)), f.call("byMeta", "rack", List.of(a, b)));
        HealthService c = service("c", List.of(), Map.of("weight", "heavy"));
        assertEquals("cannot parse heavy as number : strconv.Atoi: parsing \"heavy\": invalid syntax",
                f.error("byMeta", "weight|int", List.of(c)));
    }

    @Test
    void membership() throws Exception {
        assertEquals(true, f.call("in", List.of("prod", "staging"), "prod"));
        assertEquals(true, f.call("contains", "prod", List.of("prod", "staging")), "contains: piped list last");
        assertEquals(false, f.call("in", List.of(1L, 2L), "1"), "types must match");
        assertEquals(true, f.call("in", List.of(1L, 2L), 2L));
        assertEquals(true, f.call("in", List.of(1.5), 1.5));
        assertEquals(false, f.call("in", List.of(true), true), "Go compares only numbers and strings");
        assertEquals(true, f.call("in", "haystack", "st"));
        assertEquals(false, f.call("in", Map.of("a", 1L), "a"));
        List<String> tags = List.of("a", "b", "c");
        assertEquals(true, f.call("containsAll", List.of("a", "b"), tags));
        assertEquals(false, f.call("containsAll", List.of("a", "z"), tags));
        assertEquals(true, f.call("containsAll", List.of(), tags));
        assertEquals(true, f.call("containsAny", List.of("z", "c"), tags));
        assertEquals(false, f.call("containsAny", List.of(), tags));
        assertEquals(true, f.call("containsNone", List.of("x", "y"), tags));
        assertEquals(false, f.call("containsNone", List.of("x", "a"), tags));
        assertEquals(true, f.call("containsNotAll", List.of("a", "z"), tags));
        assertEquals(false, f.call("containsNotAll", List.of("a", "b"), tags));
    }

    @Test
    void explodeNestsKeys() throws Exception {
        assertEquals(Map.of("a", Map.of("b", "1", "c", Map.of("d", "2")), "e", "3"),
                f.call("explode", List.of(pair("a/b", "1"), pair("a/c/d", "2"), pair("e", "3"), pair("f/", "x"))
                        .subList(0, 3)));
        assertEquals(Map.of("f", Map.of()), f.call("explode", List.of(pair("f/", "x"))), "folders are empty maps");
        assertEquals("explode: not a map: \"a/b\": \"a\" already has value \"1\"",
                f.error("explode", List.of(pair("a", "1"), pair("a/b", "2"))));
        assertEquals(Map.of("foo", Map.of("bar", "a"), "qux", "c", "zip", Map.of("zap", "d")),
                f.call("explodeMap", Map.of("foo/bar", "a", "qux", "c", "zip/zap", "d")));
    }

    @Test
    void mergeMapsLikeMergo() throws Exception {
        Map<String, Object> dst = Map.of("a", "keep", "b", "", "n", Map.of("x", 1L));
        Map<String, Object> src = Map.of("a", "new", "b", "fill", "c", "add", "n", Map.of("x", 2L, "y", 3L));
        assertEquals(Map.of("a", "keep", "b", "fill", "c", "add", "n", Map.of("x", 1L, "y", 3L)),
                f.call("mergeMap", dst, src));
        assertEquals(Map.of("a", "new", "b", "fill", "c", "add", "n", Map.of("x", 2L, "y", 3L)),
                f.call("mergeMapWithOverride", dst, src));
        assertEquals(Map.of("a", "keep"), f.call("mergeMapWithOverride", Map.of("a", "keep"), Map.of("a", "")),
                "empty values do not override");
    }

    @Test
    void loopCountsUpToButNotIncluding() throws Exception {
        assertEquals(List.of(0L, 1L, 2L), f.call("loop", 3L));
        assertEquals(List.of(5L, 6L, 7L), f.call("loop", 5L, 8L));
        assertEquals(List.of(1L, 2L), f.call("loop", "1", "3"));
        assertEquals(List.of(), f.call("loop", 5L, 2L));
        assertEquals(1_000_000, ((List<?>) f.call("loop", 1_000_000L)).size());
        assertEquals("loop: wrong number of arguments, expected 1 or 2, but got 0", f.error("loop"));
        assertEquals("loop: bad argument type: float64", f.error("loop", 1.5));
    }
}
