package io.cairn.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and mutated expressions: parse throws only {@link FilterException}, matches never throws. */
class FilterFuzzTest {
    private static final List<String> TOKENS = List.of("Node", "Meta", ".", "env", "Checks", "Status", "Service",
            "Tags", "Port", "ServicePort", "==", "!=", " in ", " not ", " contains ", " matches ", " is ", "empty",
            " and ", " or ", "not ", "(", ")", "\"", "`", "\\", "[", "]", "\"x\"", "`y`", "80", "-1", "0.5", " ",
            "\n", "passing", "\"(\"", "\"[a-\"", "é", "\"\\u00e9\"", "ServiceTags", "Weights", "Passing");
    private static final List<String> SEEDS = List.of("Meta.env == prod and v1 in ServiceTags",
            "Checks.Status != passing or not (Service.Port == 80)", "Service.Meta[\"a-b\"] matches `^x.*$`",
            "\"build\" in Tags and Status == 1", "Node.Meta is not empty");

    @Test
    void neverThrowsAnythingElse() throws Exception {
        JsonNode fixtures = FilterCorpusTest.fixtures();
        List<String> shapes = List.of("NODE", "SERVICE_NODE", "HEALTH_CHECK", "SERVICE_ENTRY", "AGENT_SERVICE",
                "MEMBER");
        Random random = new Random(22);
        int parsed = 0;
        for (int i = 0; i < 4000; i++) {
            String expression = i % 2 == 0 ? randomTokens(random) : mutate(random, SEEDS.get(i % SEEDS.size()));
            String shapeName = shapes.get(random.nextInt(shapes.size()));
            Filter filter;
            try {
                filter = Filter.parse(expression, FilterCorpusTest.shape(shapeName));
            } catch (FilterException e) {
                assertTrue(e.getMessage().startsWith("Failed to create boolean expression evaluator: "));
                continue;
            }
            parsed++;
            for (String name : shapes) {
                for (JsonNode element : fixtures.get(name)) {
                    filter.matches(element);
                }
            }
        }
        assertTrue(parsed > 0);
    }

    private static String randomTokens(Random random) {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            b.append(TOKENS.get(random.nextInt(TOKENS.size())));
        }
        return b.toString();
    }

    private static String mutate(Random random, String seed) {
        StringBuilder b = new StringBuilder(seed);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
                default -> b.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return b.toString();
    }
}
