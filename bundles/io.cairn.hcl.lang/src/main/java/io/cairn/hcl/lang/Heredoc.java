package io.cairn.hcl.lang;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Heredoc rules of hcl v1: which line ends one, and the string value of its token text ({@code <<EOF\n...\nEOF\n}).
 * The value is cut from the text by byte counts as hcl v1 does, so its quirks carry over: a terminator indented in a
 * plain {@code <<EOF} heredoc leaves that indentation at the end of the value.
 */
final class Heredoc {
    private Heredoc() {
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Whether {@code line} is blank space, then the anchor, then nothing but carriage returns. */
    static boolean isTerminator(String line, String anchor) {
        int i = 0;
        while (i < line.length() && isSpace(line.charAt(i))) {
            i++;
        }
        if (!line.startsWith(anchor, i)) {
            return false;
        }
        for (int j = i + anchor.length(); j < line.length(); j++) {
            if (line.charAt(j) != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The value of a heredoc token; {@code <<-} heredocs lose the terminator's indentation from every line. */
    static String value(String tokenText) {
        byte[] text = tokenText.getBytes(StandardCharsets.UTF_8);
        int idx = utf8Length(tokenText.substring(0, tokenText.indexOf('\n'))); // in bytes, as hcl v1 counts
        boolean unindent = text[2] == '-';
        if (!unindent) {
            return slice(text, idx + 1, text.length - idx + 1);
        }
        List<String> lines = Arrays.asList(slice(text, idx + 1, text.length - idx + 2).split("\n", -1));
        String prefix = lines.get(lines.size() - 1);
        if (!lines.stream().allMatch(l -> l.startsWith(prefix))) {
            return stripTrailingBlanks(slice(text, idx + 1, text.length - idx + 1));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size() - 1; i++) {
            out.append(lines.get(i).substring(prefix.length())).append('\n');
        }
        return out.toString();
    }

    private static String slice(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    private static String stripTrailingBlanks(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Go's {@code [[:space:]]}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }
}
