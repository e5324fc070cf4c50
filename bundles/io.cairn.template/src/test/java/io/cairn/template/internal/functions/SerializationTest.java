package io.cairn.template.internal.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.template.internal.data.AgentWeights;
import io.cairn.template.internal.data.KeyPair;

class SerializationTest {

    private final Calls f = new Calls(HelperFunctions.all());

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void toJsonLikeGo() throws Exception {
        assertEquals("[\"a\",\"b\",\"c\"]", f.call("toJSON", List.of("a", "b", "c")));
        assertEquals("{\"a\":1,\"b\":[true,null],\"z\":{}}",
                f.call("toJSON", map("z", Map.of(), "b", Arrays.asList(true, null), "a", 1L)), "keys sorted");
        assertEquals("\"\\u003cb\\u003e \\u0026 \\\"q\\\" \\\\ \\n\\t\\u0001\\b\\f \\u2028\"",
                f.call("toJSON", "<b> & \"q\" \\ \n\t\u0001\b\f \u2028"));
        assertEquals("\"<b> & é\"", f.call("toUnescapedJSON", "<b> & é"));
        assertEquals("null", f.call("toJSON", (Object) null));
    }

    @Test
    void floatsInGosShortestForm() throws Exception {
        assertEquals("[1,0.5,1e+21,1e-7,100000000000000000000,-0,0.000001,3.14]",
                f.call("toJSON", List.of(1.0, 0.5, 1e21, 1e-7, 1e20, -0.0, 1e-6, 3.14)));
        assertEquals("toJSON: json: unsupported value: NaN", f.error("toJSON", Double.NaN));
    }

    @Test
    void recordsAreStructsWithFieldsInOrder() throws Exception {
        KeyPair pair = new KeyPair("app/a", "a", "<1>", 1, 2, 0, 0, "");
        assertEquals("{\"Path\":\"app/a\",\"Key\":\"a\",\"Value\":\"\\u003c1\\u003e\",\"CreateIndex\":1,"
                + "\"ModifyIndex\":2,\"LockIndex\":0,\"Flags\":0,\"Session\":\"\"}", f.call("toJSON", pair));
    }

    @Test
    void prettyJsonIndentsByTwo() throws Exception {
        assertEquals("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": []\n}",
                f.call("toJSONPretty", map("c", List.of(), "b", Map.of(), "a", List.of(1L, 2L))));
        assertEquals("{\n  \"x\": \"<\"\n}", f.call("toUnescapedJSONPretty", Map.of("x", "<")));
        assertEquals("{\n  \"x\": \"\\u003c\"\n}", f.call("toJSONPretty", Map.of("x", "<")));
    }

    @Test
    void yamlLikeYamlV2() throws Exception {
        assertEquals("foo: bar", f.call("toYAML", Map.of("foo", "bar")));
        assertEquals("a:\n  b: 1\n  c:\n  - x\n  - \"true\"\nd: []\ne: {}\nf: 1.5\ng: null",
                f.call("toYAML", map("g", null, "f", 1.5, "e", Map.of(), "d", List.of(),
                        "a", map("c", List.of("x", "true"), "b", 1L))));
        assertEquals("- a: 1\n  b: 2\n- - x\n  - \"y\"", f.call("toYAML",
                List.of(map("b", 2L, "a", 1L), List.of("x", "y"))), "y is a YAML 1.1 bool");
        assertEquals("k: \"\"\nm: \"123\"\ns: 'a: b'\nt: '- x'\nu: '#c'\nv: ' lead'", f.call("toYAML",
                map("k", "", "m", "123", "s", "a: b", "t", "- x", "u", "#c", "v", " lead")));
        assertEquals("text: |-\n  line 1\n  line 2", f.call("toYAML", Map.of("text", "line 1\nline 2")));
        assertEquals("a2: 1\na10: 2", f.call("toYAML", map("a10", 2L, "a2", 1L)), "numbers sorted by value");
        assertEquals("passing: 1\nwarning: 1", f.call("toYAML", new AgentWeights(1, 1)), "lower-cased fields");
        assertEquals("plain", f.call("toYAML", "plain"));
    }

    @Test
    void tomlLikeBurntSushi() throws Exception {
        assertEquals("foo = \"bar\"", f.call("toTOML", Map.of("foo", "bar")));
        assertEquals("a = 1\nb = 2.0\nl = [1, 2]\n\n[t]\n  s = \"x\\ny\"\n  [t.u]\n    v = true",
                f.call("toTOML", map("t", map("u", map("v", true), "s", "x\ny"), "l", List.of(1L, 2L), "b", 2.0,
                        "a", 1L)));
        assertEquals("[[servers]]\n  name = \"a\"\n\n[[servers]]\n  name = \"b\"",
                f.call("toTOML", Map.of("servers", List.of(Map.of("name", "a"), Map.of("name", "b")))));
        assertEquals("\"a b\" = 1", f.call("toTOML", Map.of("a b", 1L)));
        assertEquals("toTOML: toml: top-level values must be Go maps or structs", f.error("toTOML", "x"));
    }
}
