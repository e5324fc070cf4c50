package io.cairn.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.filter.Expression.Binary;
import io.cairn.filter.Expression.Match;
import io.cairn.filter.Expression.Not;
import io.cairn.filter.Expression.Operator;
import io.cairn.filter.Shape.ListShape;
import io.cairn.filter.Shape.MapShape;
import io.cairn.filter.Shape.Scalar;
import io.cairn.filter.Shape.Struct;
import io.cairn.go.lang.GoQuote;
import io.cairn.go.lang.GoStrconv;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code ?filter=} expression, parsed and validated against the {@link Shape} of the elements it filters, the
 * way Consul's go-bexpr filter does; immutable and thread-safe. A selector that walks through a list applies to
 * any of its elements; a missing map key makes {@code ==}, {@code in}, {@code is not empty} and {@code matches}
 * false and every other operator true (nothing equals, contains or matches a missing key, as go-bexpr has it); a missing or {@code null} struct field reads as its Go zero value.
 */
public final class Filter {
    private static final String PREFIX = "Failed to create boolean expression evaluator: ";

    private final String expression;
    private final Node root;

    private Filter(String expression, Node root) {
        this.expression = expression;
        this.root = root;
    }

    /**
     * Parses {@code expression} and validates it against {@code shape} (a struct, or a map of the elements);
     * the exception's message is Consul's error text.
     */
    public static Filter parse(String expression, Shape shape) throws FilterException {
        Expression ast;
        try {
            ast = Parser.parse(expression);
        } catch (FilterException e) {
            throw new FilterException(PREFIX + e.getMessage());
        }
        try {
            return new Filter(expression, compile(ast, shape));
        } catch (IllegalArgumentException e) {
            throw new FilterException(PREFIX + e.getMessage());
        }
    }

    /** Whether one element, in the endpoint's JSON shape, matches; never throws. */
    public boolean matches(JsonNode value) {
        return root.test(value);
    }

    /** The expression as given. */
    public String expression() {
        return expression;
    }

    // ---- validation: go-bexpr's field configurations derived from the shape ----------------------------------

    private interface Node {
        boolean test(JsonNode value);
    }

    private static Node compile(Expression e, Shape shape) {
        if (e instanceof Binary b) {
            Node left = compile(b.left(), shape);
            Node right = compile(b.right(), shape);
            return b.and() ? v -> left.test(v) && right.test(v) : v -> left.test(v) || right.test(v);
        }
        if (e instanceof Not n) {
            Node operand = compile(n.operand(), shape);
            return v -> !operand.test(v);
        }
        return compileMatch((Match) e, shape);
    }

    private static Node compileMatch(Match m, Shape root) {
        List<String> path = m.selector();
        Shape shape = root;
        for (int i = 0; i < path.size(); i++) {
            shape = child(shape, path.get(i));
            if (shape == null) {
                throw new IllegalArgumentException("Selector " + GoQuote.quote(String.join(".", path.subList(0, i + 1)))
                        + " is not valid");
            }
        }
        Shape target = shape;
        if (!operators(target).contains(m.operator())) {
            throw new IllegalArgumentException("Invalid match operator " + GoQuote.quote(m.operator().goName)
                    + " for selector " + GoQuote.quote(m.selectorText()));
        }
        Object value = m.value() == null ? null : coerce(m, target);
        return v -> walk(m, value, 0, v, root);
    }

    /** The shape a selector part leads to from {@code shape}, walking through lists; {@code null} if none. */
    private static Shape child(Shape shape, String name) {
        if (shape instanceof Struct s) {
            return s.fields().get(name);
        }
        if (shape instanceof MapShape m) {
            return m.value;
        }
        if (shape instanceof ListShape l && !(l.element instanceof Scalar)) {
            return child(l.element, name);
        }
        return null;
    }

    private static Set<Operator> operators(Shape shape) {
        if (shape == Scalar.STRING) {
            return Set.of(Operator.EQUAL, Operator.NOT_EQUAL, Operator.IN, Operator.NOT_IN, Operator.MATCHES,
                    Operator.NOT_MATCHES);
        }
        if (shape instanceof Scalar) {
            return Set.of(Operator.EQUAL, Operator.NOT_EQUAL);
        }
        if (shape instanceof ListShape l) {
            return l.element instanceof Scalar
                    ? Set.of(Operator.IN, Operator.NOT_IN, Operator.IS_EMPTY, Operator.IS_NOT_EMPTY)
                    : Set.of(Operator.IS_EMPTY, Operator.IS_NOT_EMPTY);
        }
        if (shape instanceof MapShape) {
            return Set.of(Operator.IS_EMPTY, Operator.IS_NOT_EMPTY, Operator.IN, Operator.NOT_IN);
        }
        return Set.of();
    }

    /** The value coerced to the target's type (a list's element type; a map's key, a string). */
    private static Object coerce(Match m, Shape target) {
        Shape type = target instanceof ListShape l ? l.element : target instanceof MapShape ? Scalar.STRING : target;
        Object coerced;
        try {
            coerced = coerceScalar(m.value(), type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Failed to coerce value " + GoQuote.quote(m.value()) + " for selector "
                    + GoQuote.quote(m.selectorText()) + ": " + e.getMessage());
        }
        if (m.operator() == Operator.MATCHES || m.operator() == Operator.NOT_MATCHES) {
            try {
                return GoRegex.compile(m.value());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Failed to compile regular expression " + GoQuote.quote(m.value())
                        + ": " + e.getMessage());
            }
        }
        return coerced;
    }

    private static Object coerceScalar(String raw, Shape type) {
        if (type == Scalar.INTEGER) {
            return BigInteger.valueOf(GoStrconv.parseInt(raw, 0, 64));
        }
        if (type == Scalar.UNSIGNED) {
            return new BigInteger(Long.toUnsignedString(GoStrconv.parseUint(raw, 0, 64)));
        }
        if (type == Scalar.NUMBER) {
            return GoStrconv.parseFloat(raw, 64);
        }
        if (type == Scalar.BOOL) {
            return GoStrconv.parseBool(raw);
        }
        return raw;
    }

    // ---- evaluation: go-bexpr's walk over the value ----------------------------------------------------------

    private static boolean walk(Match m, Object value, int depth, JsonNode node, Shape shape) {
        if (depth == m.selector().size()) {
            return apply(m.operator(), value, node, shape);
        }
        if (shape instanceof ListShape l) {
            for (JsonNode element : elements(node)) {
                if (walk(m, value, depth, element, l.element)) {
                    return true;
                }
            }
            return false;
        }
        String name = m.selector().get(depth);
        if (shape instanceof MapShape map) {
            JsonNode entry = node != null && node.isObject() ? node.get(name) : null;
            if (entry == null) {
                return switch (m.operator()) {
                    case EQUAL, IS_NOT_EMPTY, IN, MATCHES -> false;
                    default -> true;
                };
            }
            return walk(m, value, depth + 1, entry, map.value);
        }
        Struct struct = (Struct) shape;
        JsonNode field = node != null && node.isObject() ? node.get(name) : null;
        return walk(m, value, depth + 1, field, struct.fields().get(name));
    }

    private static boolean apply(Operator op, Object value, JsonNode node, Shape shape) {
        return switch (op) {
            case EQUAL -> equal(value, node, shape);
            case NOT_EQUAL -> !equal(value, node, shape);
            case IN -> contains(value, node, shape);
            case NOT_IN -> !contains(value, node, shape);
            case IS_EMPTY -> size(node) == 0;
            case IS_NOT_EMPTY -> size(node) != 0;
            case MATCHES -> ((Pattern) value).matcher(text(node)).find();
            case NOT_MATCHES -> !((Pattern) value).matcher(text(node)).find();
        };
    }

    private static boolean equal(Object value, JsonNode node, Shape type) {
        if (type == Scalar.STRING) {
            return value.equals(text(node));
        }
        if (type == Scalar.BOOL) {
            return value.equals(node != null && node.isBoolean() && node.booleanValue());
        }
        if (type == Scalar.NUMBER) {
            return ((Double) value) == (node != null && node.isNumber() ? node.doubleValue() : 0.0);
        }
        BigInteger actual = node != null && node.isIntegralNumber() ? node.bigIntegerValue() : BigInteger.ZERO;
        return value.equals(actual);
    }

    private static boolean contains(Object value, JsonNode node, Shape shape) {
        if (shape instanceof ListShape l) {
            for (JsonNode element : elements(node)) {
                if (equal(value, element, l.element)) {
                    return true;
                }
            }
            return false;
        }
        if (shape instanceof MapShape) {
            return node != null && node.isObject() && node.has((String) value);
        }
        return text(node).contains((String) value);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : "";
    }

    private static int size(JsonNode node) {
        return node != null && node.isContainerNode() ? node.size() : 0;
    }

    private static Iterable<JsonNode> elements(JsonNode node) {
        return node != null && node.isArray() ? node : List.of();
    }

    @Override
    public String toString() {
        return expression;
    }

}
