package io.cairn.hcl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HclTest {
    private static final String AGENT_CONFIG = """
            datacenter = "dc1"
            ports {
              http = 8500
            }
            services = [
              {
                name = "web"
                checks = [{ id = "a" }, { id = "b" }]
              },
            ]
            service {
              name = "db"
              check {
                id = "db-tcp"
              }
            }
            node_meta {}
            retry_join = []
            """;

    @Test
    void keepsSourceOrderAndJavaTypes() throws HclException {
        Map<String, Object> tree = Hcl.parse("b = 1\na = 2.5\nc { z = true\n y = \"s\" }\n");
        assertEquals(List.of("b", "a", "c"), List.copyOf(tree.keySet()));
        assertEquals(1L, tree.get("b"));
        assertEquals(2.5, tree.get("a"));
        Map<?, ?> c = (Map<?, ?>) ((List<?>) tree.get("c")).get(0);
        assertEquals(List.of("z", "y"), List.copyOf(c.keySet()));
        assertEquals(Boolean.TRUE, c.get("z"));
        assertEquals("s", c.get("y"));
    }

    @Test
    void errorsCarryTheirPosition() {
        HclException e = assertThrows(HclException.class, () -> Hcl.parse("a = 1\nb = 'x'\n"));
        assertEquals("At 2:5: illegal char", e.getMessage());
        assertEquals(2, e.line());
        assertEquals(5, e.column());

        HclException unpositioned = assertThrows(HclException.class, () -> Hcl.parse("a = 99999999999999999999"));
        assertEquals(0, unpositioned.line());
        assertEquals(0, unpositioned.column());
    }

    @Test
    void refusesJsonInput() {
        HclException e = assertThrows(HclException.class, () -> Hcl.parse(" \n{\"a\": 1}"));
        assertTrue(e.getMessage().contains("JSON"), e.getMessage());
    }

    @Test
    void boundsNestingWithAnErrorNotAStackOverflow() {
        int deep = 200_000;
        assertDepthError("a = " + "[".repeat(deep));
        assertDepthError("a = " + "{ a = ".repeat(deep));
        assertDepthError("a " + "{ a ".repeat(deep));
        assertDepthError("a " + "b ".repeat(deep) + "{}");
        assertDepthError("a = " + "[{ a = ".repeat(deep));
    }

    private static void assertDepthError(String text) {
        HclException e = assertThrows(HclException.class, () -> Hcl.parse(text));
        assertTrue(e.getMessage().contains("nesting deeper than " + Hcl.MAX_DEPTH + " levels"),
                e.getMessage().substring(0, Math.min(200, e.getMessage().length())));
    }

    @Test
    void acceptsNestingUpToTheBound() throws HclException {
        int depth = Hcl.MAX_DEPTH - 1;
        Map<String, Object> tree = Hcl.parse("a = " + "[".repeat(depth) + "]".repeat(depth));
        assertInstanceOf(List.class, tree.get("a"));
    }

    @Test
    void boundsInputLength() {
        HclException e = assertThrows(HclException.class, () -> Hcl.parse(" ".repeat(Hcl.MAX_LENGTH + 1)));
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }

    @Test
    void manyLabelledBlocksAndRepeatedKeysStayFast() {
        StringBuilder labelled = new StringBuilder();
        StringBuilder repeated = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            labelled.append("k").append(i).append(" \"x\" { v = ").append(i).append(" }\n");
            repeated.append("service \"s").append(i).append("\" { policy = \"read\" }\nlist = [").append(i)
                    .append("]\n");
        }
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertEquals(50_000, Hcl.parse(labelled.toString()).size());
            Map<String, Object> tree = Hcl.parse(repeated.toString());
            assertEquals(50_000, ((List<?>) tree.get("list")).size());
            assertEquals(50_000, ((Map<?, ?>) Hcl.flattenBlocks(tree).get("service")).size());
        });
    }

    @Test
    void flattenGivesTheShapeConsulConfigDecodingSees() throws HclException {
        Map<String, Object> flat = Hcl.flatten(Hcl.parse(AGENT_CONFIG), Set.of("services", "Services.Checks"),
                Set.of());
        assertEquals("{\"datacenter\":\"dc1\",\"node_meta\":{},\"ports\":{\"http\":8500},\"retry_join\":null,"
                + "\"service\":{\"check\":{\"id\":\"db-tcp\"},\"name\":\"db\"},"
                + "\"services\":[{\"checks\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"name\":\"web\"}]}",
                Corpus.canonical(flat));
    }

    @Test
    void flattenKeepsVerbatimPathsAndRefusesRepeatedBlocks() throws HclException {
        Map<String, Object> tree = Hcl.parse("config_entries { bootstrap = [{ kind = \"a\" }, { kind = \"b\" }] }\n"
                + "ports { http = 1 }\nports { dns = 2 }\n");
        HclException e = assertThrows(HclException.class, () -> Hcl.flatten(tree, Set.of(), Set.of()));
        assertEquals("config_entries.bootstrap: []map[string]interface{} with more than one element not supported",
                e.getMessage());
        HclException ports = assertThrows(HclException.class,
                () -> Hcl.flatten(tree, Set.of(), Set.of("config_entries.bootstrap")));
        assertEquals("ports: []map[string]interface{} with more than one element not supported", ports.getMessage());

        Map<String, Object> one = Hcl.parse("config_entries { bootstrap = [{ kind = \"a\" }, { kind = \"b\" }] }");
        Map<?, ?> entries = (Map<?, ?>) Hcl.flatten(one, Set.of(), Set.of("config_entries.bootstrap"))
                .get("config_entries");
        assertEquals("[{\"kind\":\"a\"},{\"kind\":\"b\"}]", Corpus.canonical(entries.get("bootstrap")));
    }

    @Test
    void flattenBlocksMergesLabelledBlocksButKeepsBracketedLists() throws HclException {
        Map<String, Object> tree = Hcl.parse("""
                service "web" { policy = "read" }
                service "db" { policy = "write" }
                ports { http = 1 }
                ports { dns = 2 }
                checks = [{ id = "a" }, { id = "b" }]
                """);
        assertEquals("{\"checks\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"ports\":{\"dns\":2,\"http\":1},"
                + "\"service\":{\"db\":{\"policy\":\"write\"},\"web\":{\"policy\":\"read\"}}}",
                Corpus.canonical(Hcl.flattenBlocks(tree)));
    }

    @Test
    void doesNotChangeTheTreeItFlattens() throws HclException {
        Map<String, Object> tree = Hcl.parse(AGENT_CONFIG);
        String before = Corpus.canonical(tree);
        Hcl.flatten(tree, Set.of("services", "services.checks"), Set.of());
        Hcl.flattenBlocks(tree);
        assertEquals(before, Corpus.canonical(tree));
    }
}
