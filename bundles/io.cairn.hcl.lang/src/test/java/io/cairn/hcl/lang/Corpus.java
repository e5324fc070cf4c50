package io.cairn.hcl.lang;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The corpus file {@code corpus.txt}: cases of HCL input and what hashicorp/hcl v1 (v1.0.0) gives for them, and
 * the canonical text the tests compare trees by.
 *
 * <p>Format: {@code === name} starts a case (a name ending in {@code [noeol]} drops the input's final newline),
 * the input lines follow up to a {@code ---} line (in them {@code <CR>} and {@code <NUL>} stand for a carriage
 * return and a NUL character), then expectation lines: a JSON tree (sorted keys; a number with
 * a point or exponent is a float) or {@code error: <message>} for {@link Hcl#parse}, and optionally
 * {@code blocks: <JSON>} for {@link Hcl#flattenBlocks} of the parsed tree.
 */
record Corpus(String name, String input, String expected, String blocks) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    @Override
    public String toString() {
        return name;
    }

    static List<Corpus> load() throws IOException {
        String text;
        try (InputStream in = Corpus.class.getResourceAsStream("corpus.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Corpus> cases = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("=== ")) {
                i++;
                continue;
            }
            String name = lines[i++].substring(4);
            List<String> input = new ArrayList<>();
            while (!lines[i].equals("---")) {
                input.add(lines[i++]);
            }
            i++;
            String expected = lines[i++];
            String blocks = null;
            if (i < lines.length && lines[i].startsWith("blocks: ")) {
                blocks = lines[i++].substring("blocks: ".length());
            }
            String source = input.isEmpty() ? "" : String.join("\n", input) + "\n";
            if (name.endsWith("[noeol]")) {
                source = source.substring(0, source.length() - 1);
            }
            source = source.replace("<CR>", "\r").replace("<NUL>", "\0");
            cases.add(new Corpus(name, source, expected, blocks));
        }
        return cases;
    }

    /** The canonical text of a JSON document as the corpus writes trees. */
    static String canonicalJson(String json) throws IOException {
        return canonical(JSON.readValue(json, Object.class));
    }

    /** A tree as text with sorted keys: equal trees (maps in any order, floats as floats) give equal texts. */
    static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            new TreeMap<>(map).forEach((k, v) -> out.append(out.length() > 1 ? "," : "")
                    .append(quote(String.valueOf(k))).append(':').append(canonical(v)));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object element : list) {
                out.append(out.length() > 1 ? "," : "").append(canonical(element));
            }
            return out.append(']').toString();
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Long || value instanceof Double || value instanceof Boolean || value == null) {
            return String.valueOf(value);
        }
        throw new AssertionError("not a tree value: " + value.getClass());
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
