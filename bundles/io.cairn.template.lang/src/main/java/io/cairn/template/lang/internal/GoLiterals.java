package io.cairn.template.lang.internal;

import io.cairn.go.lang.GoQuote;

/**
 * The forms of Go's fmt that the template language needs beyond {@link GoQuote}: {@code %#U} and the
 * backquoting test of {@code %#q}; quoting and unquoting themselves are {@link GoQuote}'s.
 */
final class GoLiterals {
    private GoLiterals() {
    }

    /** The %#U form: {@code U+0041 'A'}. */
    static String unicodeName(int r) {
        String hex = String.format("U+%04X", r);
        return GoQuote.isPrint(r) ? hex + " '" + new String(Character.toChars(r)) + "'" : hex;
    }

    /** Whether strconv.CanBackquote accepts the string (for %#q). */
    static boolean canBackquote(String s) {
        return s.codePoints().allMatch(r -> r != '`' && r != 0xFEFF && (r == '\t' || (r >= ' ' && r != 0x7f)));
    }
}
