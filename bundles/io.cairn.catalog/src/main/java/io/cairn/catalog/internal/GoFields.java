package io.cairn.catalog.internal;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cairn.health.api.GoDuration;

/**
 * The number and duration fields of catalog request bodies, read as strictly as Go's {@code encoding/json} reads
 * them into Consul's typed structs. The bodies declare these fields as {@code Object}, so they receive what the
 * JSON held instead of what Jackson could coerce it to (a {@code String}, an {@code Integer}, {@code Long} or
 * {@code BigInteger} for an integer literal, a {@code Double} for one with a fraction or an exponent, a
 * {@code Boolean}, a {@code Map}, a {@code List}, or {@code null}), and convert them here: a string where a number
 * belongs, a fraction for an integer or a number out of range is refused with Go's text.
 * <p>
 * {@code field} names the field as Go's decoding errors do: its path from the request's type, without list
 * indexes or map keys ({@code RegisterRequest.Service.Port}).
 */
final class GoFields {

    /** The largest port, and the largest DNS SRV weight. */
    static final int MAX_U16 = 65_535;

    private static final double TWO_TO_63 = 0x1p63;

    private GoFields() {
    }

    /**
     * A value Go's decoder would refuse, in Go's words ({@code json: cannot unmarshal string into Go struct field
     * RegisterRequest.Service.Port of type int}); the endpoint adds its prefix ({@code Request decode failed: }).
     */
    static final class DecodeError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        DecodeError(String found, String field, String goType) {
            super("json: cannot unmarshal " + found + " into Go struct field " + field + " of type " + goType);
        }
    }

    /**
     * A port: Go's {@code int}, and from 0 to {@value #MAX_U16} (a DNS SRV record has 16 bits for it); absent is 0.
     */
    static int port(Object value, String field) {
        long port = int64(value, field, "int");
        if (port < 0 || port > MAX_U16) {
            throw new IllegalArgumentException("Invalid port " + port + " in " + field + ": a port is from 0 to "
                    + MAX_U16);
        }
        return (int) port;
    }

    /**
     * A DNS SRV weight: Go's {@code int}, and from 0 to {@value #MAX_U16}, with the text Consul's agent refuses
     * others with; absent is 0.
     */
    static int weight(Object value, String field) {
        long weight = int64(value, field, "int");
        if (weight < 0 || weight > MAX_U16) {
            throw new IllegalArgumentException("Invalid Weights: DNS Weight must be between 0 and " + MAX_U16
                    + " (" + field + " is " + weight + ")");
        }
        return (int) weight;
    }

    /** Go's {@code uint64}, such as a modify index; absent is 0, and above 2^63 - 1 the long is negative. */
    static long uint64(Object value, String field) {
        BigInteger n = integer(value, field, "uint64");
        if (n.signum() < 0 || n.bitLength() > 64) {
            throw new DecodeError("number " + n, field, "uint64");
        }
        return n.longValue();
    }

    /**
     * Go's {@code time.Duration} as Consul's definitions take it: Go duration text, or a number of nanoseconds of
     * which a fraction is dropped (Consul converts a float64); absent is zero.
     */
    static Duration duration(Object value, String field) {
        if (value == null) {
            return Duration.ZERO;
        }
        if (value instanceof String text) {
            try {
                return GoDuration.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid " + field + " duration '" + text
                        + "': use a number with a unit such as 10s, 1m30s or 500ms", e);
            }
        }
        if (value instanceof Double d) {
            if (!(Math.abs(d) < TWO_TO_63)) {
                throw new DecodeError(number(d), field, "time.Duration");
            }
            return Duration.ofNanos(d.longValue());
        }
        return Duration.ofNanos(int64(value, field, "time.Duration"));
    }

    private static long int64(Object value, String field, String goType) {
        BigInteger n = integer(value, field, goType);
        if (n.bitLength() > 63) {
            throw new DecodeError("number " + n, field, goType);
        }
        return n.longValue();
    }

    private static BigInteger integer(Object value, String field, String goType) {
        if (value == null) {
            return BigInteger.ZERO;
        }
        if (value instanceof Integer || value instanceof Long) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big;
        }
        throw new DecodeError(value instanceof Double d ? number(d) : kind(value), field, goType);
    }

    /** A JSON value's kind as Go's errors name it. */
    private static String kind(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof List) {
            return "array";
        }
        return value instanceof Number ? "number" : "value";
    }

    /** A number with a fraction or an exponent; it keeps its fraction so that it reads as the reason. */
    private static String number(double d) {
        return "number " + Double.toString(d).replace('E', 'e');
    }
}
