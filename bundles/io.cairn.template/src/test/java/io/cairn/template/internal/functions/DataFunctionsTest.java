package io.cairn.template.internal.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cairn.template.internal.data.AgentNodeNameQuery;
import io.cairn.template.internal.data.CatalogNode;
import io.cairn.template.internal.data.CatalogNodeQuery;
import io.cairn.template.internal.data.CatalogNodesQuery;
import io.cairn.template.internal.data.CatalogServicesQuery;
import io.cairn.template.internal.data.DatacentersQuery;
import io.cairn.template.internal.data.Dependency;
import io.cairn.template.internal.data.DependencyContext;
import io.cairn.template.internal.data.FileQuery;
import io.cairn.template.internal.data.HealthServiceQuery;
import io.cairn.template.internal.data.KeyPair;
import io.cairn.template.internal.data.KvGetQuery;
import io.cairn.template.internal.data.KvListQuery;
import io.cairn.template.internal.data.Node;

class DataFunctionsTest {

    /** A render pass's view: values the runner has, and the dependencies the pass asked for. */
    static final class FakeContext implements DependencyContext {
        final Map<Dependency, Object> values = new HashMap<>();
        final List<Dependency> used = new ArrayList<>();

        @Override
        public Optional<Object> get(Dependency d) {
            used.add(d);
            return Optional.ofNullable(values.get(d));
        }
    }

    private FakeContext ctx;
    private Calls f;

    @BeforeEach
    void setUp() {
        ctx = new FakeContext();
        f = new Calls(DataFunctions.all(ctx, Map.of("HOME", "/home/app", "EMPTY", "")));
    }

    @Test
    void serviceIsEmptyUntilFetchedThenTheValue() throws Exception {
        HealthServiceQuery q = HealthServiceQuery.parse("prod.web|passing,warning", false);
        assertEquals(List.of(), f.call("service", "prod.web", "passing,warning"), "arguments joined with |");
        assertEquals(List.of(q), ctx.used);
        ctx.values.put(q, List.of("instances"));
        assertEquals(List.of("instances"), f.call("service", "prod.web|passing,warning"));
        assertEquals(List.of(), f.call("service", ""), "no name, no query");
        assertEquals(2, ctx.used.size());
        assertEquals("health.service: invalid format: \"a b\"", f.error("service", "a b"));
        f.call("connect", "web");
        assertEquals(HealthServiceQuery.parse("web", true), ctx.used.get(2));
    }

    @Test
    void catalogFunctions() throws Exception {
        assertEquals(List.of(), f.call("services"));
        assertEquals(List.of(), f.call("nodes", "@dc2"));
        assertEquals(List.of(), f.call("datacenters"));
        assertEquals(List.of(), f.call("datacenters", true));
        assertEquals(List.of(CatalogServicesQuery.parse(""), CatalogNodesQuery.parse("@dc2"),
                new DatacentersQuery(), new DatacentersQuery()), ctx.used);
        assertEquals("datacenters: wrong number of arguments, expected 0 or 1, but got 2",
                f.error("datacenters", true, false));
    }

    @Test
    void nodeWithoutNameAsksForTheLocalNodeFirst() throws Exception {
        assertNull(f.call("node"));
        assertEquals(List.of(new AgentNodeNameQuery()), ctx.used);
        ctx.values.put(new AgentNodeNameQuery(), "node-1");
        assertNull(f.call("node"));
        CatalogNodeQuery named = CatalogNodeQuery.parse("node-1");
        assertEquals(named, ctx.used.get(2));
        CatalogNode value = new CatalogNode(new Node("1", "node-1", "10.0.0.1", "dc1", Map.of(), Map.of()),
                List.of());
        ctx.values.put(named, value);
        assertEquals(value, f.call("node"));
        assertEquals(value, f.call("node", "node-1"));
    }

    @Test
    void keyBlocksKeyOrDefaultAndKeyExistsDoNot() throws Exception {
        KvGetQuery block = KvGetQuery.parse("app/port", true);
        KvGetQuery get = KvGetQuery.parse("app/port", false);
        assertEquals("", f.call("key", "app/port"));
        assertEquals(false, f.call("keyExists", "app/port"));
        assertEquals("80", f.call("keyOrDefault", "app/port", "80"));
        assertEquals(List.of(block, get, get), ctx.used);

        ctx.values.put(get, Optional.empty());
        assertEquals(false, f.call("keyExists", "app/port"));
        assertEquals("80", f.call("keyOrDefault", "app/port", "80"));
        ctx.values.put(get, Optional.of(""));
        assertEquals(true, f.call("keyExists", "app/port"));
        assertEquals("80", f.call("keyOrDefault", "app/port", "80"), "an empty value takes the default");
        ctx.values.put(get, Optional.of("8080"));
        ctx.values.put(block, "8080");
        assertEquals("8080", f.call("keyOrDefault", "app/port", "80"));
        assertEquals("8080", f.call("key", "app/port"));

        assertEquals("", f.call("key", ""));
        assertEquals("d", f.call("keyOrDefault", "", "d"));
        assertEquals("wrong number of args for key: want 1 got 2", f.error("key", "a", "b"));
        assertEquals("wrong type for value; expected string; got int", f.error("key", 1L));
    }

    @Test
    void lsAndTreeFilterTheListing() throws Exception {
        List<KeyPair> pairs = List.of(pair("app/", ""), pair("app/name", "name"), pair("app/db/host", "db/host"),
                pair("app/db/", "db/"));
        ctx.values.put(KvListQuery.parse("app", KvListQuery.Safety.NONE), pairs);
        assertEquals(List.of(pairs.get(1)), f.call("ls", "app"));
        assertEquals(List.of(pairs.get(1), pairs.get(2)), f.call("tree", "app"));
        assertEquals(List.of(), f.call("safeLs", "app"), "safe forms use their own query");
        assertEquals(KvListQuery.parse("app", KvListQuery.Safety.TOP_LEVEL), ctx.used.get(2));
        ctx.values.put(KvListQuery.parse("app", KvListQuery.Safety.LEAVES), pairs);
        assertEquals(List.of(pairs.get(1), pairs.get(2)), f.call("safeTree", "app"));
        assertEquals(List.of(), f.call("ls", ""));
    }

    @Test
    void fileAndEnvironment() throws Exception {
        assertEquals("", f.call("file", " /etc/app.conf "));
        FileQuery file = new FileQuery(Path.of("/etc/app.conf"));
        assertEquals(List.of(file), ctx.used);
        ctx.values.put(file, "contents");
        assertEquals("contents", f.call("file", "/etc/app.conf"));
        assertEquals("", f.call("file", ""));

        assertEquals("/home/app", f.call("env", "HOME"));
        assertEquals("", f.call("env", "NOPE"));
        assertEquals("/home/app", f.call("mustEnv", "HOME"));
        assertEquals("required environment variable EMPTY is empty", f.error("mustEnv", "EMPTY"));
        assertEquals("", f.call("envOrDefault", "EMPTY", "x"), "set, even if empty");
        assertEquals("x", f.call("envOrDefault", "NOPE", "x"));
    }

    private static KeyPair pair(String path, String key) {
        return new KeyPair(path, key, "v", 1, 1, 0, 0, "");
    }
}
