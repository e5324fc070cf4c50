package io.cairn.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of HIL that Consul's query templates use: text with {@code ${name.full}}, {@code ${name.prefix}},
 * {@code ${name.suffix}}, {@code ${agent.segment}} and {@code ${match(N)}} interpolated; {@code $${} is a literal
 * {@code ${}.
 */
final class Interpolation {

    /** The values a rendering sees. */
    record Scope(String full, String prefix, String suffix, IntFunction<String> match) {
    }

    private static final Pattern MATCH = Pattern.compile("match\\(\\s*(-?\\d+)\\s*\\)");

    /** A literal piece ({@code expression == null}) or one {@code ${...}}. */
    private record Part(String literal, String expression) {
    }

    private final List<Part> parts;

    private Interpolation(List<Part> parts) {
        this.parts = parts;
    }

    /** Parses {@code text}; {@link IllegalArgumentException} for an unterminated {@code ${}. */
    static Interpolation parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("expected \"}\" but found end of string");
                }
                parts.add(new Part(literal.toString(), null));
                literal.setLength(0);
                parts.add(new Part(null, text.substring(i + 2, end).trim()));
                i = end + 1;
            } else {
                literal.append(text.charAt(i++));
            }
        }
        parts.add(new Part(literal.toString(), null));
        return new Interpolation(parts);
    }

    /** The text with every expression evaluated; {@link IllegalArgumentException} for an unknown one. */
    String render(Scope scope) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            out.append(part.expression() == null ? part.literal() : evaluate(part.expression(), scope));
        }
        return out.toString();
    }

    private static String evaluate(String expression, Scope scope) {
        switch (expression) {
            case "name.full":
                return scope.full();
            case "name.prefix":
                return scope.prefix();
            case "name.suffix":
                return scope.suffix();
            case "agent.segment":
                return "";
            default:
                Matcher match = MATCH.matcher(expression);
                if (match.matches()) {
                    return scope.match().apply(Integer.parseInt(match.group(1)));
                }
                if (expression.contains("(")) {
                    throw new IllegalArgumentException("unknown function called: "
                            + expression.substring(0, expression.indexOf('(')).trim());
                }
                throw new IllegalArgumentException("unknown variable accessed: " + expression);
        }
    }
}
