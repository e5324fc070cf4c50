package io.cairn.template.internal.functions;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

import io.cairn.go.lang.GoQuote;

/**
 * consul-template's arithmetic. Go passes the piped value last, so {@code {{ 10 | subtract 3 }}} calls
 * {@code subtract(3, 10)} and computes {@code 10 - 3}: the <em>second</em> argument is the left operand. Two
 * integers give an integer (wrapping on overflow, truncating division); a float on either side gives a float.
 */
final class GoMath {

    private GoMath() {
    }

    static Object add(Object b, Object a) {
        return apply("add", b, a, (x, y) -> x + y, (x, y) -> x + y);
    }

    static Object subtract(Object b, Object a) {
        return apply("subtract", b, a, (x, y) -> x - y, (x, y) -> x - y);
    }

    static Object multiply(Object b, Object a) {
        return apply("multiply", b, a, (x, y) -> x * y, (x, y) -> x * y);
    }

    static Object divide(Object b, Object a) {
        return apply("divide", b, a, (x, y) -> x / nonZero(y), (x, y) -> x / y);
    }

    /** Integers only, as in consul-template. */
    static Object modulo(Object b, Object a) {
        check("modulo", a, false);
        check("modulo", b, false);
        return asLong(a) % nonZero(asLong(b));
    }

    /** The smaller operand, keeping its own type (an int stays an int next to a float). */
    static Object minimum(Object b, Object a) {
        check("minimum", a, true);
        check("minimum", b, true);
        return compare(a, b) < 0 ? normal(a) : normal(b);
    }

    static Object maximum(Object b, Object a) {
        check("maximum", a, true);
        check("maximum", b, true);
        return compare(a, b) > 0 ? normal(a) : normal(b);
    }

    private static Object apply(String name, Object b, Object a, LongBinaryOperator ints, DoubleBinaryOperator floats) {
        check(name, a, true);
        check(name, b, true);
        if (isInt(a) && isInt(b)) {
            return ints.applyAsLong(asLong(a), asLong(b));
        }
        return floats.applyAsDouble(asDouble(a), asDouble(b));
    }

    private static long nonZero(long divisor) {
        if (divisor == 0) {
            // What Go's runtime panic says; text/template turns it into the call's error.
            throw new ArithmeticException("runtime error: integer divide by zero");
        }
        return divisor;
    }

    private static void check(String name, Object v, boolean floats) {
        if (!isInt(v) && !(floats && isFloat(v))) {
            throw new IllegalArgumentException(name + ": unknown type for " + quoteValue(v) + " (" + Args.goType(v)
                    + ")");
        }
    }

    /** Go's {@code %q} of a {@code reflect.Value}, as consul-template's error messages print it. */
    private static String quoteValue(Object v) {
        if (v == null) {
            return "%!q(<invalid reflect.Value>)";
        }
        if (v instanceof String s) {
            return GoQuote.quote(s);
        }
        return "%!q(" + Args.goType(v) + "=" + v + ")";
    }

    private static int compare(Object a, Object b) {
        return isInt(a) && isInt(b) ? Long.compare(asLong(a), asLong(b)) : Double.compare(asDouble(a), asDouble(b));
    }

    private static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Integer;
    }

    private static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float;
    }

    private static long asLong(Object v) {
        return ((Number) v).longValue();
    }

    private static double asDouble(Object v) {
        return ((Number) v).doubleValue();
    }

    private static Object normal(Object v) {
        return isInt(v) ? (Object) asLong(v) : (Object) asDouble(v);
    }
}
