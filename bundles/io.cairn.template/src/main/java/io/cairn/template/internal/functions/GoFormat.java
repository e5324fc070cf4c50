package io.cairn.template.internal.functions;

import java.math.BigDecimal;

/** Go's {@code strconv} formatting of floats, shortest form ({@code 'e'} and {@code 'g'} with precision -1). */
final class GoFormat {

    private GoFormat() {
    }

    /** {@code strconv.FormatFloat(d, 'g', -1, 64)}: {@code 0.5}, {@code 100000}, {@code 1e+06}, {@code 1e-05}. */
    static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal b = decimal(d);
        int exp = b.precision() - b.scale() - 1;
        // Shortest 'g' switches to an exponent outside [1e-4, 1e6).
        return exp < -4 || exp >= 6 ? exponent(d) : b.toPlainString();
    }

    /** {@code strconv.FormatFloat(d, 'e', -1, 64)}: {@code 1e+21}, {@code 1.5e-07}. */
    static String exponent(double d) {
        BigDecimal b = decimal(d);
        String digits = b.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - b.scale();
        StringBuilder s = new StringBuilder();
        if (d < 0) {
            s.append('-');
        }
        s.append(digits.charAt(0));
        if (digits.length() > 1) {
            s.append('.').append(digits, 1, digits.length());
        }
        s.append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) {
            s.append('0');
        }
        return s.append(a).toString();
    }

    /** The shortest decimal that reads back as {@code d}, without trailing zeros. */
    private static BigDecimal decimal(double d) {
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        return b.signum() == 0 ? BigDecimal.ZERO : b;
    }
}
