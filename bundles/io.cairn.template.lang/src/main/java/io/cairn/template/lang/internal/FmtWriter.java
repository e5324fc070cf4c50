package io.cairn.template.lang.internal;

import io.cairn.go.lang.GoQuote;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Writes one formatted value with the current flags, width and precision (Go's internal fmt struct): integers in
 * any base, floats, runes, strings, quoting and padding. {@link GoFmt} parses formats and picks the method.
 */
final class FmtWriter {
    final StringBuilder buf = new StringBuilder();
    boolean plus;
    boolean minus;
    boolean sharp;
    boolean space;
    boolean zero;
    boolean plusV;
    boolean sharpV;
    boolean widPresent;
    boolean precPresent;
    int wid;
    int prec;

    void clearFlags() {
        plus = minus = sharp = space = zero = plusV = sharpV = widPresent = precPresent = false;
        wid = prec = 0;
    }

    void writePadding(int n) {
        if (n <= 0) {
            return;
        }
        char c = zero && !minus ? '0' : ' ';
        buf.append(String.valueOf(c).repeat(n));
    }

    void pad(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }

    void padString(String s) {
        pad(s);
    }


    void fmtInt(BigInteger v, int base, int verb, boolean upper) {
        boolean negative = v.signum() < 0;
        BigInteger u = v.abs();
        int precision = 0;
        if (precPresent) {
            precision = prec;
            if (precision == 0 && u.signum() == 0) {
                boolean z = zero;
                zero = false;
                writePadding(wid);
                zero = z;
                return;
            }
        } else if (zero && !minus && widPresent) {
            precision = wid;
            if (negative || plus || space) {
                precision--;
            }
        }
        String digits = u.toString(base);
        if (upper) {
            digits = digits.toUpperCase();
        }
        StringBuilder b = new StringBuilder();
        if (digits.length() < precision) {
            b.append("0".repeat(precision - digits.length()));
        }
        b.append(digits);
        if (sharp) {
            switch (base) {
                case 2 -> b.insert(0, "0b");
                case 8 -> {
                    if (b.charAt(0) != '0') {
                        b.insert(0, '0');
                    }
                }
                case 16 -> b.insert(0, upper ? "0X" : "0x");
                default -> {
                }
            }
        }
        if (verb == 'O') {
            b.insert(0, "0o");
        }
        if (negative) {
            b.insert(0, '-');
        } else if (plus) {
            b.insert(0, '+');
        } else if (space) {
            b.insert(0, ' ');
        }
        boolean z = zero;
        zero = false;
        pad(b.toString());
        zero = z;
    }

    static int toRune(BigInteger v) {
        if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(Character.MAX_CODE_POINT)) > 0) {
            return 0xFFFD;
        }
        int r = v.intValue();
        return r >= 0xD800 && r <= 0xDFFF ? 0xFFFD : r;
    }

    void fmtC(BigInteger v) {
        pad(new String(Character.toChars(toRune(v))));
    }

    void fmtQc(BigInteger v) {
        pad(plus ? GoQuote.quoteRuneToAscii(toRune(v)) : GoQuote.quoteRune(toRune(v)));
    }

    void fmtUnicode(BigInteger v) {
        int precision = precPresent && prec > 4 ? prec : 4;
        String hex = v.signum() < 0 ? v.add(BigInteger.ONE.shiftLeft(64)).toString(16) : v.toString(16);
        hex = hex.toUpperCase();
        StringBuilder b = new StringBuilder("U+");
        if (hex.length() < precision) {
            b.append("0".repeat(precision - hex.length()));
        }
        b.append(hex);
        if (sharp && v.signum() >= 0 && v.compareTo(BigInteger.valueOf(Character.MAX_CODE_POINT)) <= 0
                && GoQuote.isPrint(v.intValue())) {
            b.append(" '").appendCodePoint(v.intValue()).append('\'');
        }
        boolean z = zero;
        zero = false;
        pad(b.toString());
        zero = z;
    }

    void fmtFloat(double v, char verb, int precision, boolean f32) {
        if (precPresent) {
            precision = prec;
        }
        String num;
        if (Double.isNaN(v)) {
            num = "+NaN";
        } else if (Double.isInfinite(v)) {
            num = v > 0 ? "+Inf" : "-Inf";
        } else {
            boolean neg = Double.doubleToRawLongBits(v) < 0;
            String body = verb == 'b' || verb == 'x' || verb == 'X'
                    ? GoFloat.formatBinary(Math.abs(v), verb, verb == 'b' ? -1 : precision)
                    : GoFloat.format(Math.abs(v), verb, precision, f32);
            num = (neg ? "-" : "+") + body;
        }
        if (space && num.charAt(0) == '+' && !plus) {
            num = " " + num.substring(1);
        }
        if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
            boolean z = zero;
            zero = false;
            if (num.charAt(1) == 'N' && !space && !plus) {
                num = num.substring(1);
            }
            pad(num);
            zero = z;
            return;
        }
        if (sharp && verb != 'b') {
            num = sharpFloat(num, verb, precision);
        }
        if (plus || num.charAt(0) != '+') {
            if (zero && !minus && widPresent && wid > num.length()) {
                buf.append(num.charAt(0));
                writePadding(wid - num.length());
                buf.append(num, 1, num.length());
                return;
            }
            pad(num);
            return;
        }
        pad(num.substring(1));
    }

    /** The # flag: always a decimal point, and %g keeps its trailing zeros up to the precision. */
    static String sharpFloat(String num, char verb, int precision) {
        int digits = 0;
        boolean hex = verb == 'x' || verb == 'X';
        if (verb == 'g' || verb == 'G' || hex) {
            digits = precision == -1 ? 6 : precision;
        }
        String tail = "";
        StringBuilder n = new StringBuilder(num);
        boolean hasPoint = false;
        boolean sawNonzero = false;
        for (int i = 1; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '.') {
                hasPoint = true;
            } else if (c == 'p' || c == 'P' || (!hex && (c == 'e' || c == 'E'))) {
                tail = n.substring(i);
                n.setLength(i);
                break;
            } else {
                if (c != '0') {
                    sawNonzero = true;
                }
                if (sawNonzero) {
                    digits--;
                }
            }
        }
        if (!hasPoint) {
            if (n.length() == 2 && n.charAt(1) == '0') {
                digits--;
            }
            n.append('.');
        }
        while (digits > 0) {
            n.append('0');
            digits--;
        }
        return n.append(tail).toString();
    }

    String truncate(String s) {
        if (precPresent && s.codePointCount(0, s.length()) > prec) {
            return s.substring(0, s.offsetByCodePoints(0, prec));
        }
        return s;
    }

    void fmtS(String s) {
        padString(truncate(s));
    }

    void fmtQ(String s) {
        s = truncate(s);
        if (sharp && GoLiterals.canBackquote(s)) {
            padString("`" + s + "`");
            return;
        }
        padString(plus ? GoQuote.quoteToAscii(s) : GoQuote.quote(s));
    }

    void fmtSx(String s, boolean upper) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        String digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        int length = b.length;
        if (precPresent && prec < length) {
            length = prec;
        }
        int width = 2 * length;
        if (width > 0) {
            if (space) {
                if (sharp) {
                    width *= 2;
                }
                width += length - 1;
            } else if (sharp) {
                width += 2;
            }
        } else {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width);
        }
        if (sharp) {
            buf.append('0').append(upper ? 'X' : 'x');
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append('0').append(upper ? 'X' : 'x');
                }
            }
            int c = b[i] & 0xff;
            buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xf));
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width);
        }
    }
}
