package io.cairn.template.lang.internal;

import io.cairn.go.lang.GoNumberException;
import io.cairn.go.lang.GoQuote;
import io.cairn.go.lang.GoStrconv;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Go's template number constants: how text/template classifies a literal as int, uint and float on top of
 * {@link GoStrconv}'s {@code ParseInt}, {@code ParseUint} and {@code ParseFloat} (base 0, 64 bits), and
 * character constants read by {@link GoQuote#unquoteChar}.
 */
final class GoNumbers {
    private GoNumbers() {
    }

    /** Builds the number node, or throws IllegalArgumentException with Go's message. */
    static Node.NumberNode parse(int pos, String text, boolean charConstant) {
        if (charConstant) {
            GoQuote.UnquotedChar c = GoQuote.unquoteChar(text, 1, text.charAt(0)); // Go's "invalid syntax"
            if (!text.substring(c.end()).equals("'")) {
                throw new IllegalArgumentException("malformed character constant: " + text);
            }
            int r = c.value();
            return new Node.NumberNode(pos, text, true, true, true, r, BigInteger.valueOf(r), r);
        }
        BigInteger u = parseUint(text);
        Long i = parseInt(text);
        boolean isUint = u != null;
        boolean isInt = i != null;
        long intValue = isInt ? i : 0;
        if (isInt && intValue == 0) {
            isUint = true;
            u = BigInteger.ZERO;
        }
        boolean isFloat = false;
        double f = 0;
        if (isInt) {
            isFloat = true;
            f = intValue;
        } else if (isUint) {
            isFloat = true;
            f = u.doubleValue();
        } else {
            Double parsed = parseFloat(text);
            if (parsed != null) {
                if (!containsAny(text, ".eEpP")) {
                    throw new IllegalArgumentException("integer overflow: " + GoQuote.quote(text));
                }
                isFloat = true;
                f = parsed;
                if (!Double.isInfinite(f) && f == Math.rint(f) && Math.abs(f) < 0x1p63) {
                    isInt = true;
                    intValue = (long) f;
                }
                if (!Double.isInfinite(f) && f == Math.rint(f) && f >= 0 && f < 0x1p64) {
                    isUint = true;
                    u = new BigDecimal(f).toBigInteger();
                }
            }
        }
        if (!isInt && !isUint && !isFloat) {
            throw new IllegalArgumentException("illegal number syntax: " + GoQuote.quote(text));
        }
        return new Node.NumberNode(pos, text, isInt, isUint, isFloat, intValue, u, f);
    }

    /** The value an untyped constant takes when passed as an interface{}: int, or float64 if written as one. */
    static Object idealConstant(Node.NumberNode n) {
        String t = n.text();
        boolean hexInt = t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')
                && !containsAny(t, "pP");
        boolean runeInt = t.startsWith("'");
        if (n.isFloat() && !hexInt && !runeInt && containsAny(t, ".eEpP")) {
            return n.floatValue();
        }
        if (n.isInt()) {
            return n.intValue();
        }
        if (n.isUint()) {
            throw new ExecError(t + " overflows int");
        }
        return n.floatValue();
    }

    static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code strconv.ParseUint(s, 0, 64)}, or null where Go's fails. */
    private static BigInteger parseUint(String s) {
        try {
            return new BigInteger(Long.toUnsignedString(GoStrconv.parseUint(s, 0, 64)));
        } catch (GoNumberException e) {
            return null;
        }
    }

    /** {@code strconv.ParseInt(s, 0, 64)}, or null where Go's fails. */
    private static Long parseInt(String s) {
        try {
            return GoStrconv.parseInt(s, 0, 64);
        } catch (GoNumberException e) {
            return null;
        }
    }

    /** {@code strconv.ParseFloat(s, 64)}, or null where Go's fails (out of range included). */
    private static Double parseFloat(String s) {
        try {
            return GoStrconv.parseFloat(s, 64);
        } catch (GoNumberException e) {
            return null;
        }
    }
}
