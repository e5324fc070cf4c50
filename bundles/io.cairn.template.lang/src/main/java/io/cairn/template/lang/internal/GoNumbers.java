package io.cairn.template.lang.internal;

import io.cairn.go.lang.GoQuote;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Go's numeric literal rules (strconv.ParseInt/ParseUint/ParseFloat with base 0) for template constants. */
final class GoNumbers {
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private GoNumbers() {
    }

    /** Builds the number node, or throws IllegalArgumentException with Go's message. */
    static Node.NumberNode parse(int pos, String text, boolean charConstant) {
        if (charConstant) {
            int r = GoLiterals.unquoteChar(text);
            if (r == -1) {
                throw new IllegalArgumentException("invalid syntax");
            }
            if (r < 0) {
                throw new IllegalArgumentException("malformed character constant: " + text);
            }
            return new Node.NumberNode(pos, text, true, true, true, r, BigInteger.valueOf(r), r);
        }
        BigInteger u = parseInteger(text, false);
        BigInteger i = parseInteger(text, true);
        boolean isUint = u != null;
        boolean isInt = i != null;
        long intValue = isInt ? i.longValue() : 0;
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

    /** ParseInt (signed) or ParseUint with base 0 and 64 bits; null when invalid or out of range. */
    static BigInteger parseInteger(String s, boolean signed) {
        String body = s;
        boolean neg = false;
        if (signed && !body.isEmpty() && (body.charAt(0) == '+' || body.charAt(0) == '-')) {
            neg = body.charAt(0) == '-';
            body = body.substring(1);
        }
        if (body.isEmpty()) {
            return null;
        }
        int base = 10;
        String digits = body;
        if (body.length() >= 2 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            if (p == 'x' || p == 'o' || p == 'b') {
                base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
                digits = body.substring(2);
            } else {
                base = 8;
                digits = body.substring(1);
            }
        }
        boolean underscores = digits.indexOf('_') >= 0;
        String clean = digits.replace("_", "");
        if (clean.isEmpty() || (underscores && !underscoreOk(s))) {
            return null;
        }
        BigInteger v;
        try {
            for (int k = 0; k < clean.length(); k++) {
                if (Character.digit(clean.charAt(k), base) < 0) {
                    return null;
                }
            }
            v = new BigInteger(clean, base);
        } catch (NumberFormatException e) {
            return null;
        }
        if (!signed) {
            return v.compareTo(UINT64_MAX) <= 0 ? v : null;
        }
        if (neg) {
            v = v.negate();
        }
        return v.bitLength() < 64 ? v : null;
    }

    static Double parseFloat(String s) {
        String body = s;
        String sign = "";
        if (!body.isEmpty() && (body.charAt(0) == '+' || body.charAt(0) == '-')) {
            sign = body.substring(0, 1);
            body = body.substring(1);
        }
        if (body.indexOf('_') >= 0) {
            if (!underscoreOk(s)) {
                return null;
            }
            body = body.replace("_", "");
        }
        if (body.isEmpty()) {
            return null;
        }
        try {
            if (body.length() > 1 && body.charAt(0) == '0' && (body.charAt(1) == 'x' || body.charAt(1) == 'X')) {
                if (!containsAny(body, "pP")) {
                    return null;
                }
                double d = Double.parseDouble(sign + body);
                return Double.isInfinite(d) ? null : d;
            }
            if (!body.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
                return null;
            }
            double d = new BigDecimal(body).doubleValue();
            if (Double.isInfinite(d)) {
                return null; // out of range: strconv.ParseFloat fails
            }
            return sign.equals("-") ? -d : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "boxBOX".indexOf(s.charAt(1)) >= 0) {
            i = 2;
            saw = '0';
            hex = Character.toLowerCase(s.charAt(1)) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lc = Character.toLowerCase(c);
            if ((c >= '0' && c <= '9') || (hex && lc >= 'a' && lc <= 'f')) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }
}
