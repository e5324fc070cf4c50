package io.cairn.template.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Java values playing Go's types: records as structs, methods with arguments, public fields, integer kinds. */
class ValueModelTest {

    public record Service(String Name, long Port, Tags Tags) {
    }

    /** A Go-style type with methods taking arguments. */
    public static final class Tags {
        private final List<String> values;

        public Tags(List<String> values) {
            this.values = values;
        }

        public boolean Contains(String tag) {
            return values.contains(tag);
        }

        public String Join(String sep, long limit) {
            return String.join(sep, values.subList(0, (int) Math.min(limit, values.size())));
        }

        public Object Fail() {
            throw new IllegalArgumentException("no tags today");
        }

        @Override
        public String toString() {
            return "tags" + values;
        }
    }

    public static final class Node {
        public String Address = "10.0.0.1";
        public Object Meta = null;
    }

    private static String run(String text, Object data) throws TemplateException {
        return Template.parse("t", text, Map.of()).execute(data);
    }

    private static final Service WEB = new Service("web", 80, new Tags(List.of("a", "b", "c")));

    @Test
    void recordComponentsAreFields() throws Exception {
        assertEquals("web:80", run("{{.Name}}:{{.Port}}", WEB));
    }

    @Test
    void recordsPrintLikeStructs() throws Exception {
        assertEquals("{web 80 tags[a, b, c]}|{Name:web Port:80 Tags:tags[a, b, c]}",
                run("{{.}}|{{printf \"%+v\" .}}", WEB));
    }

    @Test
    void methodsTakeTemplateArguments() throws Exception {
        assertEquals("yes no a-b", run("{{if .Tags.Contains \"a\"}}yes{{end}} {{if .Tags.Contains \"z\"}}yes{{else}}no"
                + "{{end}} {{.Tags.Join \"-\" 2}}", WEB));
        assertEquals("true", run("{{\"b\" | .Tags.Contains}}", WEB));
    }

    @Test
    void methodErrorsAreLocatedAndNamed() {
        TemplateException e = assertThrows(TemplateException.class, () -> run("x\n {{.Tags.Fail}}", WEB));
        // As in Go, a field chain is located at its last field.
        assertEquals("template: t:2:8: executing \"t\" at <.Tags.Fail>: error calling Fail: no tags today",
                e.getMessage());
        assertEquals(2, e.line());
        assertEquals(8, e.column());
        assertEquals(IllegalArgumentException.class, e.getCause().getClass());
    }

    @Test
    void methodArityAndTypesAreChecked() {
        assertEquals("template: t:1:7: executing \"t\" at <.Tags.Contains>: wrong number of args for Contains: want 1 got 0",
                assertThrows(TemplateException.class, () -> run("{{.Tags.Contains}}", WEB)).getMessage());
        assertEquals("template: t:1:17: executing \"t\" at <1>: wrong type for value; expected string; got int",
                assertThrows(TemplateException.class, () -> run("{{.Tags.Contains 1 | not}}", WEB)).getMessage());
        assertEquals("template: t:1:32: executing \"t\" at <2>: wrong type for value; expected string; got int",
                assertThrows(TemplateException.class, () -> run("{{.Tags.Join \"-\" 1 | .Tags.Join 2}}", WEB))
                        .getMessage());
    }

    @Test
    void publicFieldsAndMissingFields() throws Exception {
        assertEquals("10.0.0.1 <no value>", run("{{.Address}} {{.Meta}}", new Node()));
        assertEquals("template: t:1:2: executing \"t\" at <.Nope>: can't evaluate field Nope in type Node",
                assertThrows(TemplateException.class, () -> run("{{.Nope}}", new Node())).getMessage());
        assertEquals("template: t:1:2: executing \"t\" at <.Address>: Address has arguments but cannot be invoked as "
                + "function", assertThrows(TemplateException.class, () -> run("{{.Address 1}}", new Node()))
                        .getMessage());
    }

    @Test
    void jdkMethodsAreNotFields() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 1L);
        assertEquals("<no value>", run("{{.size}}", m));
        assertEquals("template: t:1:2: executing \"t\" at <.length>: can't evaluate field length in type string",
                assertThrows(TemplateException.class, () -> run("{{.length}}", "abc")).getMessage());
    }

    @Test
    void integerKindsCompareAcrossTypes() throws Exception {
        Map<String, Object> d = Map.of("i", 5, "s", (short) 5, "b", (byte) 5, "big", BigInteger.valueOf(5),
                "huge", new BigInteger("18446744073709551615"), "l", 5L);
        assertEquals("true true true true false true",
                run("{{eq .i .l}} {{eq .s 5}} {{eq .b .big}} {{le .big .i}} {{lt .huge .l}} {{gt .huge 1}}", d));
        assertEquals("int32 int16 int8 *big.Int int 18446744073709551615",
                run("{{printf \"%T %T %T %T %T %v\" .i .s .b .big .l .huge}}", d));
    }

    @Test
    void floatsAndOtherCollections() throws Exception {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("f", 0.1f);
        d.put("set", new LinkedHashSet<>(List.of("x", "y")));
        d.put("arr", new String[] {"p", "q"});
        d.put("longs", new long[] {1, 2});
        assertEquals("0.1 float32 [x y] 2 [p q] []string q [1 2] 0:x,1:y,",
                run("{{.f}} {{printf \"%T\" .f}} {{.set}} {{len .set}} {{.arr}} {{printf \"%T\" .arr}} "
                        + "{{index .arr 1}} {{.longs}} {{range $i, $e := .set}}{{$i}}:{{$e}},{{end}}", d));
    }

    @Test
    void objectsPrintWithToString() throws Exception {
        assertEquals("tags[a] |   tags[a]|%!d(Tags=tags[a])",
                run("{{.}} |{{printf \"%10s\" .}}|{{printf \"%d\" .}}", new Tags(List.of("a"))));
    }

    /** consul-template's scratch: a function returning an object whose methods take arguments. */
    public static final class Scratch {
        private final Map<String, Object> values = new LinkedHashMap<>();

        public void Set(String key, Object value) {
            values.put(key, value);
        }

        public Object Get(String key) {
            return values.get(key);
        }
    }

    @Test
    void methodsOnFunctionResults() throws Exception {
        Scratch scratch = new Scratch();
        Template t = Template.parse("t", "{{scratch.Set \"a\" 1}}[{{scratch.Get \"a\"}}]{{(scratch).Get \"zz\"}}",
                Map.of("scratch", args -> scratch));
        assertEquals("[1]<no value>", t.execute(null));
    }

    @Test
    void iterablesRangeLikeLists() throws Exception {
        Iterable<String> names = () -> List.of("x", "y").iterator();
        assertEquals("0x1y 2 [x y]", run("{{range $i, $e := .}}{{$i}}{{$e}}{{end}} {{len .}} {{.}}", names));
    }

    @Test
    void functionValuesAreCalledThroughCall() throws Exception {
        GoFunc twice = args -> ((Number) args.get(0)).longValue() * 2;
        assertEquals("42", run("{{call .F 21}}", Map.of("F", twice)));
        assertEquals("template: t:1:2: executing \"t\" at <{{.F}}>: can't print {{.F}} of type "
                + "func(...interface {}) (interface {}, error)",
                assertThrows(TemplateException.class, () -> run("{{.F}}", Map.of("F", twice))).getMessage());
    }
}
