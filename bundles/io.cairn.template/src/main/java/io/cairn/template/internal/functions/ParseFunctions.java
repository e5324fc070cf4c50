package io.cairn.template.internal.functions;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.cairn.go.lang.GoQuote;

/** {@code parseBool}, {@code parseInt}, ... with Go's {@code strconv} grammar and error messages. */
final class ParseFunctions {

    private static final Pattern DECIMAL_FLOAT =
            Pattern.compile("[+-]?(\\d+(_\\d+)*\\.?(\\d+(_\\d+)*)?|\\.\\d+(_\\d+)*)([eE][+-]?\\d+)?");
    private static final Pattern HEX_FLOAT =
            Pattern.compile("[+-]?0[xX]([0-9a-fA-F_]+\\.?[0-9a-fA-F_]*|\\.[0-9a-fA-F_]+)[pP][+-]?\\d+");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("(?i)[+-]?(inf|infinity|nan)");
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private ParseFunctions() {
    }

    static boolean parseBool(String s) {
        return switch (s) {
            case "" -> false;
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw syntax("parseBool", "ParseBool", s);
        };
    }

    static long parseInt(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        if (!s.matches("[+-]?\\d+")) {
            throw syntax("parseInt", "ParseInt", s);
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw range("parseInt", "ParseInt", s);
        }
    }

    /**
     * Parses an unsigned decimal. Go's {@code uint64} goes up to 2^64-1; templates here have signed 64-bit
     * integers only, so larger values are reported out of range.
     */
    static long parseUint(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        if (!s.matches("\\d+")) {
            throw syntax("parseUint", "ParseUint", s);
        }
        BigInteger value = new BigInteger(s);
        if (value.compareTo(MAX_UINT64) > 0 || value.bitLength() > 63) {
            throw range("parseUint", "ParseUint", s);
        }
        return value.longValue();
    }

    static double parseFloat(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        if (SPECIAL_FLOAT.matcher(s).matches()) {
            String lower = s.toLowerCase();
            if (lower.endsWith("nan")) {
                return Double.NaN;
            }
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        boolean hex = HEX_FLOAT.matcher(s).matches();
        // Go allows underscores only after a base prefix, i.e. in hexadecimal floats.
        if (!hex && (!DECIMAL_FLOAT.matcher(s).matches() || s.contains("_"))) {
            throw syntax("parseFloat", "ParseFloat", s);
        }
        double d = Double.parseDouble(s.replace("_", ""));
        if (Double.isInfinite(d)) {
            throw range("parseFloat", "ParseFloat", s);
        }
        return d;
    }

    /** JSON to template values (numbers become float64, as in Go); an empty string is an empty map. */
    static Object parseJSON(String s) {
        if (s.isEmpty()) {
            Map<String, Object> empty = new TreeMap<>();
            return empty;
        }
        return GoJson.parse(s);
    }

    private static IllegalArgumentException syntax(String function, String go, String s) {
        return new IllegalArgumentException(function + ": strconv." + go + ": parsing " + GoQuote.quote(s)
                + ": invalid syntax");
    }

    private static IllegalArgumentException range(String function, String go, String s) {
        return new IllegalArgumentException(function + ": strconv." + go + ": parsing " + GoQuote.quote(s)
                + ": value out of range");
    }
}
