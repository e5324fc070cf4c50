package io.cairn.go.lang;

/**
 * A string as Go's {@code encoding/json} encoder writes it (Go 1.22 and later): in double quotes, {@code "} and
 * {@code \} backslashed, {@code \b \f \n \r \t} for those controls and <code>&#92;u00XX</code> (lower-case hex)
 * for the other ASCII controls, U+2028 and U+2029 as <code>&#92;u2028</code> and <code>&#92;u2029</code>, an
 * unpaired surrogate (invalid UTF-8 in Go) as <code>&#92;ufffd</code>, and, unless HTML escaping is switched off as
 * with {@code Encoder.SetEscapeHTML(false)}, {@code <}, {@code >} and {@code &} as <code>&#92;u003c</code>,
 * <code>&#92;u003e</code> and <code>&#92;u0026</code>. Everything else, DEL and non-ASCII included, is written as
 * it is.
 */
public final class GoJsonString {
    private static final String HEX = "0123456789abcdef";

    private GoJsonString() {
    }

    /** {@code s} as {@code json.Marshal} writes it, with HTML escaping. */
    public static String quote(String s) {
        return quote(s, true);
    }

    /** {@code s} as Go's encoder writes it, with or without its HTML escaping of {@code < > &}. */
    public static String quote(String s, boolean escapeHtml) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u2028', '\u2029' -> unicodeEscape(out, c);
                default -> {
                    if (c < 0x20 || escapeHtml && (c == '<' || c == '>' || c == '&')) {
                        unicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append("\\ufffd");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(HEX.charAt(c >> shift & 0xf));
        }
    }
}
