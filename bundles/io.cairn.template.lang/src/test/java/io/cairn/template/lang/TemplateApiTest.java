package io.cairn.template.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Go's Template API: sets of associated templates, options, delimiters, output targets. */
class TemplateApiTest {

    @Test
    void customDelimiters() throws Exception {
        Template t = Template.parse("t", "<<.X>> {{.X}} <<- .Y ->>  z <</* c */>>", Map.of(), "<<", ">>");
        assertEquals("1 {{.X}}2z ", t.execute(Map.of("X", 1L, "Y", 2L)));
        assertEquals("x!", Template.parse("t", "[[.]]!", null, "[[", "]]").execute("x"));
    }

    @Test
    void missingKeyOptions() throws Exception {
        Map<String, Object> empty = Map.of();
        assertEquals("<no value>", Template.create("t").option("missingkey=zero").parse("{{.A}}").execute(empty));
        Template strict = Template.create("t").option("missingkey=error").parse("{{.A}}");
        assertEquals("template: t:1:2: executing \"t\" at <.A>: map has no entry for key \"A\"",
                assertThrows(TemplateException.class, () -> strict.execute(empty)).getMessage());
        assertEquals("template: t:1:2: executing \"t\" at <.A>: nil data; no entry for key \"A\"",
                assertThrows(TemplateException.class, () -> strict.execute(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Template.create("t").option("missingkey=maybe"));
    }

    @Test
    void associatedTemplatesShareOneSet() throws Exception {
        Template root = Template.parse("root", "{{define \"x\"}}X{{.}}{{end}}root", Map.of());
        root.newTemplate("other").parse("other {{template \"x\" 1}}");
        assertEquals("other X1", root.executeTemplate("other", null));
        assertEquals("root", root.execute(null));
        assertNotNull(root.lookup("x"));
        assertNull(root.lookup("nope"));
        assertEquals(Set.of("other", "root", "x"), root.templateNames());
        assertEquals("X2", root.lookup("x").execute(2L));

        // A later definition replaces the earlier one; a blank one does not.
        root.newTemplate("z").parse("{{define \"x\"}}Y{{.}}{{end}}");
        root.newTemplate("x").parse("  \n");
        assertEquals("other Y1", root.executeTemplate("other", null));
    }

    @Test
    void executingUnknownOrEmptyTemplates() {
        Template root = Template.create("root");
        assertEquals("template: root: \"root\" is an incomplete or empty template",
                assertThrows(TemplateException.class, () -> root.execute(null)).getMessage());
        assertEquals("template: no template \"nope\" associated with template \"root\"",
                assertThrows(TemplateException.class, () -> root.executeTemplate("nope", null)).getMessage());
    }

    @Test
    void functionsMustBeKnownWhenParsing() throws Exception {
        GoFunc hello = args -> "hello " + args.get(0);
        assertEquals("hello w", Template.create("t").funcs(Map.of("hi", hello)).parse("{{hi \"w\"}}").execute(null));
        TemplateException e = assertThrows(TemplateException.class,
                () -> Template.create("t").parse("x\n{{hi \"w\"}}").funcs(Map.of("hi", hello)));
        assertEquals("template: t:2: function \"hi\" not defined", e.getMessage());
    }

    @Test
    void userFunctionsMayReplaceBuiltins() throws Exception {
        GoFunc shout = args -> "LEN";
        assertEquals("LEN", Template.parse("t", "{{len \"abc\"}}", Map.of("len", shout)).execute(null));
    }

    @Test
    void functionNamedBreakIsAFunction() throws Exception {
        assertEquals("b", Template.parse("t", "{{break}}", Map.of("break", args -> "b")).execute(null));
    }

    @Test
    void outputBeforeAnErrorStaysWritten() {
        StringBuilder out = new StringBuilder();
        assertThrows(TemplateException.class,
                () -> Template.parse("t", "kept{{index . 3}}", Map.of()).execute(List.of(), out));
        assertEquals("kept", out.toString());
    }

    @Test
    void writeFailuresBecomeTemplateExceptions() throws Exception {
        Appendable broken = new Appendable() {
            @Override
            public Appendable append(CharSequence csq) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(char c) throws IOException {
                throw new IOException("disk full");
            }
        };
        TemplateException e = assertThrows(TemplateException.class,
                () -> Template.parse("t", "text", Map.of()).execute(null, broken));
        assertEquals(IOException.class, e.getCause().getClass());
    }

    @Test
    void functionExceptionsKeepTheirCause() {
        IllegalStateException boom = new IllegalStateException("no backend");
        TemplateException e = assertThrows(TemplateException.class, () -> Template.parse("t", "{{key \"a\"}}",
                Map.of("key", args -> {
                    throw boom;
                })).execute(null));
        assertEquals("template: t:1:2: executing \"t\" at <key \"a\">: error calling key: no backend", e.getMessage());
        assertSame(boom, e.getCause());
        assertEquals(1, e.line());
        assertEquals(2, e.column());
    }

    @Test
    void recursionIsBoundedWithAnError() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> Template.parse("t", "{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\"}}", Map.of())
                        .execute(null));
        assertEquals("template: t:1:25: executing \"r\" at <{{template \"r\" .}}>: exceeded maximum template depth "
                + "(100000)", e.getMessage());
    }

    @Test
    void concurrentExecutionsDoNotInterfere() throws Exception {
        Template t = Template.parse("t", "{{range $i, $e := .}}{{$x := $e}}{{$x}}{{end}}", Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                List<Object> data = List.of((long) i, (long) i + 1);
                results.add(pool.submit(() -> t.execute(data)));
            }
            for (int i = 0; i < 200; i++) {
                assertEquals(i + "" + (i + 1), results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void mapsWithNonStringKeys() throws Exception {
        Map<Object, Object> m = new HashMap<>();
        m.put(2L, "two");
        m.put(10L, "ten");
        m.put(1L, "one");
        assertEquals("map[1:one 2:two 10:ten] one|two|ten| ten", Template.parse("t",
                "{{.}} {{range .}}{{.}}|{{end}} {{index . 10}}", Map.of()).execute(m));
    }
}
