package io.cairn.template.internal.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * consul-template's string helpers. Arguments are in template order: the piped string comes last, so
 * {@code {{ .Name | trimPrefix "web-" }}} calls {@code trimPrefix("web-", name)}.
 */
final class StringFunctions {

    private StringFunctions() {
    }

    static String join(String separator, List<String> parts) {
        return String.join(separator, parts);
    }

    /** Go's {@code strings.Split} of the trimmed string; an empty string gives an empty list. */
    static List<String> split(String separator, String s) {
        s = trimSpace(s);
        if (s.isEmpty()) {
            return List.of();
        }
        return goSplit(s, separator);
    }

    /** {@code "a=1,b=2"} to a map; parts without the second separator are left out. */
    static Map<String, String> splitToMap(String pairSeparator, String keySeparator, String s) {
        s = trimSpace(s);
        Map<String, String> map = new TreeMap<>();
        if (s.isEmpty()) {
            return map;
        }
        for (String part : goSplit(s, pairSeparator)) {
            int at = part.indexOf(keySeparator);
            if (at >= 0) {
                map.put(part.substring(0, at), part.substring(at + keySeparator.length()));
            }
        }
        return map;
    }

    /** Go's {@code strings.Split}: an empty separator splits into characters; no regular expressions. */
    static List<String> goSplit(String s, String separator) {
        List<String> parts = new ArrayList<>();
        if (separator.isEmpty()) {
            s.codePoints().forEach(c -> parts.add(new String(Character.toChars(c))));
            return parts;
        }
        int from = 0;
        for (int at = s.indexOf(separator); at >= 0; at = s.indexOf(separator, from)) {
            parts.add(s.substring(from, at));
            from = at + separator.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** Go's {@code strings.Trim}: drops leading and trailing characters that are in {@code cutset}. */
    static String trim(String cutset, String s) {
        int start = 0;
        int end = s.length();
        while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    static String trimPrefix(String prefix, String s) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    static String trimSuffix(String suffix, String s) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    /** Go's {@code strings.TrimSpace}, whose notion of space includes U+0085 and U+00A0. */
    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isGoSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isGoSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** Go's {@code unicode.IsSpace}. */
    static boolean isGoSpace(int c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c == 0x85 || c == 0xa0
                || Character.getType(c) == Character.SPACE_SEPARATOR || c == 0x2028 || c == 0x2029;
    }

    static String toLower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String toUpper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** Upper-cases the first letter of every word, leaving the rest as it is ({@code cases.NoLower}). */
    static String toTitle(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean inWord = false;
        for (int i = 0; i < s.length();) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            boolean wordChar = Character.isLetterOrDigit(c) || c == '\'' || c == '\u2019'
                    || Character.getType(c) == Character.NON_SPACING_MARK;
            b.appendCodePoint(!inWord && Character.isLetter(c) ? Character.toTitleCase(c) : c);
            inWord = wordChar && (inWord || Character.isLetterOrDigit(c));
        }
        return b.toString();
    }

    static String replaceAll(String from, String to, String s) {
        return s.replace(from, to);
    }

    /** Prefixes every line that is not empty with {@code spaces} spaces. */
    static String indent(long spaces, String s) {
        if (spaces < 0) {
            throw new IllegalArgumentException("indent value must be a positive integer");
        }
        String prefix = " ".repeat((int) spaces);
        StringBuilder b = new StringBuilder(s.length());
        boolean lineStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (lineStart && c != '\n') {
                b.append(prefix);
            }
            b.append(c);
            lineStart = c == '\n';
        }
        return b.toString();
    }
}
