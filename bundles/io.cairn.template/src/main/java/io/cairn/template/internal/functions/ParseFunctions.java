package io.cairn.template.internal.functions;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.cairn.go.lang.GoNumberException;
import io.cairn.go.lang.GoQuote;
import io.cairn.go.lang.GoStrconv;

/** {@code parseBool}, {@code parseInt}, ... with Go's {@code strconv} grammar and error messages. */
final class ParseFunctions {

    private ParseFunctions() {
    }

    static boolean parseBool(String s) {
        return s.isEmpty() ? false : parsing("parseBool", () -> GoStrconv.parseBool(s));
    }

    static long parseInt(String s) {
        return s.isEmpty() ? 0 : parsing("parseInt", () -> GoStrconv.parseInt(s, 10, 64));
    }

    /**
     * Parses an unsigned decimal. Go's {@code uint64} goes up to 2^64-1; templates here have signed 64-bit
     * integers only, so larger values are reported out of range.
     */
    static long parseUint(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        long value = parsing("parseUint", () -> GoStrconv.parseUint(s, 10, 64));
        if (value < 0) {
            throw new IllegalArgumentException("parseUint: strconv.ParseUint: parsing " + GoQuote.quote(s)
                    + ": value out of range");
        }
        return value;
    }

    static double parseFloat(String s) {
        return s.isEmpty() ? 0 : parsing("parseFloat", () -> GoStrconv.parseFloat(s, 64));
    }

    /** JSON to template values (numbers become float64, as in Go); an empty string is an empty map. */
    static Object parseJSON(String s) {
        if (s.isEmpty()) {
            Map<String, Object> empty = new TreeMap<>();
            return empty;
        }
        return GoJson.parse(s);
    }

    /** Go's error, prefixed with the template function's name as consul-template reports it. */
    private static <T> T parsing(String function, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (GoNumberException e) {
            throw new IllegalArgumentException(function + ": " + e.getMessage());
        }
    }
}
