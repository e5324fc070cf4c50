package io.cairn.template.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden corpus: each {@code NAME.tmpl} is parsed and executed with {@code NAME.json} as data (integers as
 * Long, other numbers as Double, objects as maps) and the functions of {@link #funcs()}; the output must equal
 * {@code NAME.out}, or the error message must equal {@code NAME.err}. Expected files hold what Go's
 * text/template produces for the same data and functions: {@code src/test/go} runs the corpus through Go.
 */
class GoldenTest {
    private static final Path DIR = Paths.get("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    static Map<String, GoFunc> funcs() {
        Map<String, GoFunc> f = new LinkedHashMap<>();
        f.put("upper", a -> a.get(0).toString().toUpperCase());
        f.put("fail", a -> {
            throw new IllegalStateException("boom " + a);
        });
        f.put("pair", a -> Arrays.asList(a.get(0), a.get(1)));
        f.put("add", a -> ((Number) a.get(0)).longValue() + ((Number) a.get(1)).longValue());
        f.put("join", a -> {
            List<String> parts = new ArrayList<>();
            for (Object o : (List<?>) a.get(1)) {
                parts.add(String.valueOf(o));
            }
            return String.join((String) a.get(0), parts);
        });
        f.put("nilfn", a -> null);
        f.put("argcount", a -> (long) a.size());
        f.put("int32", a -> ((Number) a.get(0)).intValue());
        f.put("getfn", a -> (GoFunc) b -> ((Number) b.get(0)).longValue() + ((Number) b.get(1)).longValue());
        return f;
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        List<Path> templates;
        try (Stream<Path> s = Files.list(DIR)) {
            templates = s.filter(p -> p.toString().endsWith(".tmpl")).sorted().toList();
        }
        assertTrue(templates.size() >= Integer.getInteger("golden.min", 80), "corpus has " + templates.size() + " cases");
        return templates.stream().map(t -> DynamicTest.dynamicTest(base(t), () -> runCase(t)));
    }

    private static String base(Path t) {
        String n = t.getFileName().toString();
        return n.substring(0, n.length() - ".tmpl".length());
    }

    private static void runCase(Path tmpl) throws Exception {
        String name = base(tmpl);
        String text = Files.readString(tmpl, StandardCharsets.UTF_8);
        Path json = DIR.resolve(name + ".json");
        Object data = Files.exists(json) ? JSON.readValue(json.toFile(), Object.class) : null;
        Path out = DIR.resolve(name + ".out");
        Path err = DIR.resolve(name + ".err");
        assertTrue(Files.exists(out) != Files.exists(err), name + ": exactly one of .out and .err");
        String actual;
        try {
            actual = Template.parse(name, text, funcs()).execute(data);
        } catch (TemplateException e) {
            assertTrue(Files.exists(err), name + ": unexpected error " + e.getMessage());
            assertEquals(Files.readString(err, StandardCharsets.UTF_8).strip(), e.getMessage(), name);
            return;
        }
        assertFalse(Files.exists(err), name + ": expected an error, got output " + actual);
        assertEquals(Files.readString(out, StandardCharsets.UTF_8), actual, name);
    }
}
