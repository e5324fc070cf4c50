package io.cairn.template.lang.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * strconv.FormatFloat for the 'e', 'f' and 'g' formats: exact decimal expansion of the binary value, rounded half
 * to even, and Go's "shortest representation that round-trips" when the precision is -1.
 */
final class GoFloat {
    private GoFloat() {
    }

    /** Decimal digits without trailing zeros and the decimal point position: value = 0.digits * 10^dp. */
    private record Digits(String d, int dp) {
        int nd() {
            return d.length();
        }
    }

    private static Digits digitsOf(BigDecimal b) {
        if (b.signum() == 0) {
            return new Digits("", 0);
        }
        BigDecimal s = b.stripTrailingZeros();
        String d = s.unscaledValue().abs().toString();
        return new Digits(d, d.length() - s.scale());
    }

    private static Digits shortest(double v, boolean float32) {
        if (v == 0) {
            return new Digits("", 0);
        }
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            boolean back = float32 ? r.floatValue() == (float) v : r.doubleValue() == v;
            if (back) {
                return digitsOf(r);
            }
        }
        return digitsOf(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    /** Formats |v| (the caller handles the sign, infinities and NaN) in format e/E/f/g/G with prec (-1 = shortest). */
    static String format(double v, char fmt, int prec, boolean float32) {
        boolean shortest = prec < 0;
        Digits digs;
        BigDecimal exact = new BigDecimal(v);
        char lower = Character.toLowerCase(fmt);
        if (shortest) {
            digs = shortest(v, float32);
            switch (lower) {
                case 'e' -> prec = Math.max(digs.nd() - 1, 0);
                case 'f' -> prec = Math.max(digs.nd() - digs.dp(), 0);
                default -> prec = digs.nd();
            }
        } else if (lower == 'e') {
            digs = v == 0 ? new Digits("", 0) : digitsOf(exact.round(new MathContext(prec + 1, RoundingMode.HALF_EVEN)));
        } else if (lower == 'f') {
            digs = digitsOf(exact.setScale(prec, RoundingMode.HALF_EVEN));
        } else {
            if (prec == 0) {
                prec = 1;
            }
            digs = v == 0 ? new Digits("", 0) : digitsOf(exact.round(new MathContext(prec, RoundingMode.HALF_EVEN)));
        }
        switch (lower) {
            case 'e':
                return fmtE(digs, prec, fmt);
            case 'f':
                return fmtF(digs, prec);
            default:
                int eprec = prec;
                if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
                    eprec = digs.nd();
                }
                if (shortest) {
                    eprec = 6;
                }
                int exp = digs.dp() - 1;
                if (exp < -4 || exp >= eprec) {
                    if (prec > digs.nd()) {
                        prec = digs.nd();
                    }
                    return fmtE(digs, prec - 1, fmt == 'G' ? 'E' : 'e');
                }
                if (prec > digs.dp()) {
                    prec = digs.nd();
                }
                return fmtF(digs, Math.max(prec - digs.dp(), 0));
        }
    }

    private static String fmtE(Digits digs, int prec, char fmt) {
        StringBuilder b = new StringBuilder();
        b.append(digs.nd() == 0 ? '0' : digs.d().charAt(0));
        if (prec > 0) {
            b.append('.');
            int m = Math.min(digs.nd(), prec + 1);
            if (m > 1) {
                b.append(digs.d(), 1, m);
            }
            for (int i = Math.max(m, 1); i <= prec; i++) {
                b.append('0');
            }
        }
        b.append(fmt == 'E' ? 'E' : 'e');
        int exp = digs.nd() == 0 ? 0 : digs.dp() - 1;
        b.append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            b.append('0');
        }
        return b.append(exp).toString();
    }

    private static String fmtF(Digits digs, int prec) {
        StringBuilder b = new StringBuilder();
        if (digs.dp() > 0) {
            int m = Math.min(digs.nd(), digs.dp());
            b.append(digs.d(), 0, m);
            for (; m < digs.dp(); m++) {
                b.append('0');
            }
        } else {
            b.append('0');
        }
        if (prec > 0) {
            b.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = digs.dp() + i - 1;
                b.append(j >= 0 && j < digs.nd() ? digs.d().charAt(j) : '0');
            }
        }
        return b.toString();
    }

    /** The binary formats of |v|: 'b' (mantissa p exponent) and 'x'/'X' (hexadecimal mantissa and exponent). */
    static String formatBinary(double v, char fmt, int prec) {
        long bits = Double.doubleToRawLongBits(v) & Long.MAX_VALUE;
        int exp = (int) (bits >>> 52) & 0x7ff;
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1L << 52;
        }
        exp -= 1023;
        if (fmt == 'b') {
            int e = exp - 52;
            return mant + "p" + (e >= 0 ? "+" : "-") + Math.abs(e);
        }
        if (mant == 0) {
            exp = 0;
        }
        mant <<= 60 - 52;
        while (mant != 0 && (mant & (1L << 60)) == 0) {
            mant <<= 1;
            exp--;
        }
        if (prec >= 0 && prec < 15) {
            int shift = prec * 4;
            long extra = (mant << shift) & ((1L << 60) - 1);
            mant >>>= 60 - shift;
            if ((extra | (mant & 1)) > (1L << 59)) {
                mant++;
            }
            mant <<= 60 - shift;
            if ((mant & (1L << 61)) != 0) {
                mant >>>= 1;
                exp++;
            }
        }
        String hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        StringBuilder b = new StringBuilder("0").append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
        mant <<= 4;
        if (prec < 0 && mant != 0) {
            b.append('.');
            while (mant != 0) {
                b.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        } else if (prec > 0) {
            b.append('.');
            for (int i = 0; i < prec; i++) {
                b.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        }
        b.append(fmt == 'X' ? 'P' : 'p').append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            b.append('0');
        }
        return b.append(exp).toString();
    }
}
