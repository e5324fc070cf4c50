package io.cairn.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Expressions over endpoint JSON in the shape Cairn emits ({@code fixtures.json}), with the elements each one
 * keeps or the error text Consul answers ({@code corpus.txt}).
 */
class FilterCorpusTest {
    static JsonNode fixtures() throws IOException {
        try (InputStream in = FilterCorpusTest.class.getResourceAsStream("fixtures.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Shape shape(String name) throws ReflectiveOperationException {
        return (Shape) ConsulShapes.class.getField(name).get(null);
    }

    private static String id(JsonNode element) {
        for (String field : List.of("CheckID", "ID", "Name")) {
            if (element.hasNonNull(field)) {
                return element.get(field).asText();
            }
        }
        return element.path("Service").path("ID").asText();
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        JsonNode fixtures = fixtures();
        String text;
        try (InputStream in = getClass().getResourceAsStream("corpus.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int first = line.indexOf(" | ");
            int last = line.lastIndexOf(" |");
            String shapeName = line.substring(0, first).trim();
            String expression = line.substring(first + 3, last);
            String want = line.substring(last + 2).trim();
            tests.add(DynamicTest.dynamicTest(shapeName + ": " + expression, () -> {
                String got;
                try {
                    Filter filter = Filter.parse(expression, shape(shapeName));
                    List<String> ids = new ArrayList<>();
                    for (JsonNode element : fixtures.get(shapeName)) {
                        if (filter.matches(element)) {
                            ids.add(id(element));
                        }
                    }
                    got = String.join(" ", ids);
                    assertEquals(expression, filter.expression());
                } catch (FilterException e) {
                    got = "!" + e.getMessage();
                }
                assertEquals(want, got);
            }));
        }
        assertTrue(tests.size() >= 150, "corpus size " + tests.size());
        return tests.stream();
    }
}
