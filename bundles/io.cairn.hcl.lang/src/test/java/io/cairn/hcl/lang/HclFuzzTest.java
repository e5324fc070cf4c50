package io.cairn.hcl.lang;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Seeded random inputs, mutated corpus cases and token soup: parsing and both flattenings may refuse them only
 * with {@link HclException}, never with another exception or a stack overflow, and quickly.
 */
class HclFuzzTest {
    private static final String[] PIECES = {
        "{", "}", "[", "]", "=", ",", "\"", "\\", "${", "$", "#", "//", "/*", "*/", "<<", "<<-", "EOF", "\n", "\r",
        " ", "\t", "a", "key", "\"k\"", "0", "0x", "0x1f", "017", "08", "-", "+", ".", "1.5", "1e", "e5", "9", "true",
        "\\u", "\\U0010ffff", "\\x", "\\7", "é", "\uE123", "\0", "\uD800", "😀", ":", "'", "{}", "[]", "= [",
    };

    @Test
    void refusesOnlyWithHclException() throws Exception {
        List<Corpus> corpus = Corpus.load();
        Random random = new Random(20261207L);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 40_000; i++) {
                String input = i % 2 == 0
                        ? mutate(corpus.get(random.nextInt(corpus.size())).input(), random)
                        : soup(random);
                parseAndFlatten(input);
            }
        });
    }

    private static String mutate(String input, Random random) {
        StringBuilder out = new StringBuilder(input);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> out.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 1 -> {
                    if (at < out.length()) {
                        out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(4)));
                    }
                }
                default -> {
                    if (at < out.length()) {
                        out.setCharAt(at, (char) random.nextInt(0x80));
                    }
                }
            }
        }
        return out.toString();
    }

    private static String soup(Random random) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(40);
        for (int k = 0; k < n; k++) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }

    private static void parseAndFlatten(String input) {
        try {
            var tree = Hcl.parse(input);
            Hcl.flattenBlocks(tree);
            Hcl.flatten(tree, Set.of(), Set.of());
        } catch (HclException expected) {
            // refused, as it may be
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("input " + Corpus.canonical(input) + " threw " + e, e);
        }
    }
}
