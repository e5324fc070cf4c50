package io.cairn.hcl.lang;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cairn.go.lang.GoNumberException;
import io.cairn.go.lang.GoQuote;
import io.cairn.go.lang.GoStrconv;

/**
 * The Go conversions hcl v1's decoder applies to token text: {@code strconv.ParseInt(s, 0, 64)} and
 * {@code strconv.ParseFloat(s, 64)} with their errors as {@link HclException}s, and hcl's own copy of
 * {@code strconv.Unquote}, which keeps {@code ${...}} interpolations verbatim, lets them span lines, and (being
 * older than Go's check) turns a surrogate escape such as <code>&#92;ud800</code> into U+FFFD instead of failing.
 */
final class HclStrconv {
    /** A <code>&#92;u</code> or <code>&#92;U</code> escape of a UTF-16 surrogate. */
    private static final Pattern SURROGATE_ESCAPE =
            Pattern.compile("\\\\(u|U0000)[dD][89a-fA-F][0-9a-fA-F]{2}");

    private HclStrconv() {
    }

    /** {@code strconv.ParseInt(s, 0, 64)}. */
    static long parseInt(String s) throws HclException {
        try {
            return GoStrconv.parseInt(s, 0, 64);
        } catch (GoNumberException e) {
            throw new HclException(e.getMessage());
        }
    }

    /** {@code strconv.ParseFloat(s, 64)}. */
    static double parseFloat(String s) throws HclException {
        try {
            return GoStrconv.parseFloat(s, 64);
        } catch (GoNumberException e) {
            throw new HclException(e.getMessage());
        }
    }

    /**
     * hcl v1's unquoting of a double-quoted string token, or null where it fails ({@code invalid syntax}). Escapes
     * giving bytes that are not UTF-8 ({@code \xff}) become U+FFFD, as a Java string cannot hold them.
     */
    static String unquote(String quoted) {
        int n = quoted.length();
        if (n < 2 || quoted.charAt(0) != '"' || quoted.charAt(n - 1) != '"') {
            return null;
        }
        String s = quoted.substring(1, n - 1);
        boolean interpolates = s.indexOf('$') >= 0 || s.indexOf('{') >= 0;
        if (!interpolates && s.indexOf('\n') >= 0) {
            return null;
        }
        if (s.indexOf('\\') < 0 && s.indexOf('"') < 0 && s.indexOf('$') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("${", i)) {
                i = copyInterpolation(s, i, out);
            } else if (s.charAt(i) == '\n') {
                return null;
            } else {
                i = unquoteChar(s, i, out);
            }
            if (i < 0) {
                return null;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Copies {@code ${...}} from {@code start} as it is; gives the index after it, or -1 if unbalanced. */
    private static int copyInterpolation(String s, int start, ByteArrayOutputStream out) {
        int braces = 1;
        int i = start + 2;
        while (i < s.length() && braces > 0) {
            int cp = s.codePointAt(i);
            if (cp == 0xFFFD || cp <= Character.MAX_VALUE && Character.isSurrogate((char) cp)) {
                return -1; // Go sees utf8.RuneError here
            }
            braces += cp == '{' ? 1 : cp == '}' ? -1 : 0;
            i += Character.charCount(cp);
        }
        if (braces != 0) {
            return -1;
        }
        out.writeBytes(s.substring(start, i).getBytes(StandardCharsets.UTF_8));
        return i;
    }

    /** Decodes one character or escape at {@code i} as Go does; gives the index after it, or -1 if invalid. */
    private static int unquoteChar(String s, int i, ByteArrayOutputStream out) {
        try {
            GoQuote.UnquotedChar c = GoQuote.unquoteChar(s, i, '"');
            c.appendTo(out);
            return c.end();
        } catch (IllegalArgumentException e) {
            Matcher surrogate = SURROGATE_ESCAPE.matcher(s).region(i, s.length());
            if (!surrogate.lookingAt()) {
                return -1;
            }
            out.writeBytes("\uFFFD".getBytes(StandardCharsets.UTF_8)); // Go encodes a surrogate as U+FFFD
            return surrogate.end();
        }
    }
}
