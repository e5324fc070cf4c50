package io.cairn.filter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go's {@code regexp} (RE2 syntax) on {@link java.util.regex}: translates a Go pattern into an equivalent Java one
 * and refuses what Go refuses, with Go's error text ({@code error parsing regexp: missing closing ): `(`}).
 * Translated: {@code $} without {@code m} is end of text, {@code \s} and {@code \v} are Go's, {@code \b} is ASCII,
 * {@code (?U)} swaps greediness, named groups become plain groups, POSIX classes and {@code \p} scripts, octal and
 * {@code \x{...}} escapes; refused: backreferences, look-around, possessive and nested repetition, repeat counts
 * over 1000, unknown escapes. Matching is unanchored, like Go's {@code MatchString}.
 */
final class GoRegex {
    private static final Map<String, String> POSIX = Map.ofEntries(Map.entry("alnum", "Alnum"),
            Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"), Map.entry("blank", "Blank"),
            Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"), Map.entry("graph", "Graph"),
            Map.entry("lower", "Lower"), Map.entry("print", "Print"), Map.entry("punct", "Punct"),
            Map.entry("space", "Space"), Map.entry("upper", "Upper"), Map.entry("word", "Alnum_"),
            Map.entry("xdigit", "XDigit"));
    private static final String GO_SPACE = "\\t\\n\\f\\r ";
    private static final String WORD_BOUNDARY = "(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))";

    private final String re;
    private int pos;
    private final StringBuilder out = new StringBuilder();
    /** Flags of the enclosing groups: multi-line and ungreedy decide how {@code $} and quantifiers translate. */
    private final Deque<boolean[]> flags = new ArrayDeque<>();
    private boolean multiLine;
    private boolean ungreedy;

    private GoRegex(String re) {
        this.re = re;
    }

    /** Compiles Go pattern {@code re}; throws {@link IllegalArgumentException} with Go's error text. */
    static Pattern compile(String re) {
        GoRegex t = new GoRegex(re);
        t.translate();
        try {
            return Pattern.compile(t.out.toString(), Pattern.UNIX_LINES | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw error("invalid or unsupported Perl syntax", re);
        }
    }

    private static IllegalArgumentException error(String code, String arg) {
        return new IllegalArgumentException("error parsing regexp: " + code + ": `" + arg + "`");
    }

    private void translate() {
        boolean canRepeat = false;
        int lastAtom = -1;
        while (pos < re.length()) {
            int c = re.codePointAt(pos);
            int start = pos;
            pos += Character.charCount(c);
            switch (c) {
                case '(' -> {
                    group(start);
                    canRepeat = false;
                    continue;
                }
                case ')' -> {
                    if (flags.isEmpty()) {
                        throw error("unexpected )", re);
                    }
                    out.append(')');
                    boolean[] f = flags.pop();
                    multiLine = f[0];
                    ungreedy = f[1];
                }
                case '|' -> {
                    out.append('|');
                    canRepeat = false;
                    continue;
                }
                case '*', '+', '?' -> {
                    repeat(start, canRepeat, lastAtom, String.valueOf((char) c));
                    canRepeat = false;
                    lastAtom = start;
                    continue;
                }
                case '{' -> {
                    int end = re.indexOf('}', pos);
                    String body = end < 0 ? null : re.substring(pos, end);
                    if (body != null && body.matches("\\d+(,\\d*)?")) {
                        pos = end + 1;
                        checkCount(body, re.substring(start, pos));
                        repeat(start, canRepeat, lastAtom, re.substring(start, pos));
                        canRepeat = false;
                        lastAtom = start;
                        continue;
                    }
                    out.append("\\{");
                }
                case '[' -> charClass(start);
                case '\\' -> escape(false);
                case '.' -> out.append('.');
                case '^' -> out.append('^');
                case '$' -> out.append(multiLine ? "$" : "\\z");
                default -> literal(c);
            }
            canRepeat = c != '^' && c != '$';
            lastAtom = start;
        }
        if (!flags.isEmpty()) {
            throw error("missing closing )", re);
        }
    }

    private void repeat(int start, boolean canRepeat, int lastAtom, String op) {
        if (!canRepeat) {
            if (lastAtom >= 0 && out.length() > 0 && isQuantifierEnd()) {
                throw error("invalid nested repetition operator", re.substring(lastAtom, pos));
            }
            throw error("missing argument to repetition operator", op);
        }
        boolean lazy = pos < re.length() && re.charAt(pos) == '?';
        if (lazy) {
            pos++;
        }
        if (pos < re.length() && "*+?{".indexOf(re.charAt(pos)) >= 0 && !(re.charAt(pos) == '{'
                && !re.substring(pos).matches("\\{\\d+(,\\d*)?}.*"))) {
            throw error("invalid nested repetition operator", re.substring(start, pos + 1));
        }
        out.append(op);
        if (lazy != ungreedy) {
            out.append('?');
        }
    }

    private boolean isQuantifierEnd() {
        char last = out.charAt(out.length() - 1);
        return last == '*' || last == '+' || last == '?' || last == '}';
    }

    private static void checkCount(String body, String text) {
        String[] parts = body.split(",", -1);
        long min = parts[0].length() > 4 ? Long.MAX_VALUE : Long.parseLong(parts[0]);
        long max = parts.length == 1 ? min
                : parts[1].isEmpty() ? -1 : parts[1].length() > 4 ? Long.MAX_VALUE : Long.parseLong(parts[1]);
        if (min > 1000 || max > 1000 || (max >= 0 && max < min)) {
            throw error("invalid repeat count", text);
        }
    }

    private void group(int start) {
        flags.push(new boolean[] {multiLine, ungreedy});
        if (!re.startsWith("?", pos)) {
            out.append('(');
            return;
        }
        String rest = re.substring(pos);
        if (rest.startsWith("?P<") || (rest.startsWith("?<") && !rest.startsWith("?<=") && !rest.startsWith("?<!"))) {
            int nameStart = pos + (rest.startsWith("?P<") ? 3 : 2);
            int end = re.indexOf('>', nameStart);
            String name = end < 0 ? "" : re.substring(nameStart, end);
            if (end < 0 || name.isEmpty() || !name.matches("[A-Za-z0-9_]+")) {
                throw error("invalid named capture", re.substring(start, end < 0 ? re.length() : end + 1));
            }
            pos = end + 1;
            out.append('(');
            return;
        }
        int i = pos + 1;
        boolean negate = false;
        boolean sawFlag = false;
        StringBuilder javaFlags = new StringBuilder();
        boolean m = multiLine;
        boolean u = ungreedy;
        while (i < re.length()) {
            char c = re.charAt(i);
            if (c == ':' || c == ')') {
                if (!sawFlag && !(c == ':' && !negate) || (negate && javaFlags.charAt(javaFlags.length() - 1) == '-')) {
                    throw error("invalid or unsupported Perl syntax", re.substring(start, i + 1));
                }
                pos = i + 1;
                String jf = javaFlags.toString().replace("-", negate ? "-" : "");
                if (c == ':') {
                    out.append("(?").append(jf.isEmpty() || jf.equals("-") ? "" : jf).append(':');
                    multiLine = m;
                    ungreedy = u;
                } else {
                    flags.pop();
                    multiLine = m;
                    ungreedy = u;
                    if (!jf.isEmpty() && !jf.equals("-")) {
                        out.append("(?").append(jf).append(')');
                    }
                }
                return;
            }
            if (c == '-' && !negate) {
                negate = true;
                javaFlags.append('-');
            } else if (c == 'i' || c == 'm' || c == 's' || c == 'U') {
                sawFlag = true;
                if (c == 'm') {
                    m = !negate;
                }
                if (c == 'U') {
                    u = !negate;
                } else {
                    javaFlags.append(c);
                }
            } else {
                throw error("invalid or unsupported Perl syntax", re.substring(start, i + 1));
            }
            i++;
        }
        throw error("missing closing )", re);
    }

    private void charClass(int start) {
        out.append('[');
        if (re.startsWith("^", pos)) {
            out.append('^');
            pos++;
        }
        boolean first = true;
        while (true) {
            if (pos >= re.length()) {
                throw error("missing closing ]", re.substring(start));
            }
            int c = re.codePointAt(pos);
            if (c == ']' && !first) {
                pos++;
                out.append(']');
                return;
            }
            first = false;
            if (c == '[' && re.startsWith("[:", pos)) {
                int end = re.indexOf(":]", pos + 2);
                if (end > 0) {
                    String name = re.substring(pos + 2, end);
                    boolean neg = name.startsWith("^");
                    String java = POSIX.get(neg ? name.substring(1) : name);
                    if (java == null) {
                        throw error("invalid character class range", re.substring(pos, end + 2));
                    }
                    out.append(java.equals("Alnum_") ? (neg ? "\\W" : "\\w") : (neg ? "\\P{" : "\\p{") + java + "}");
                    pos = end + 2;
                    continue;
                }
            }
            int lo = classAtom();
            if (lo >= 0 && re.startsWith("-", pos) && pos + 1 < re.length() && re.charAt(pos + 1) != ']') {
                int rangeStart = pos;
                pos++;
                out.append('-');
                int hi = classAtom();
                if (hi < 0 || hi < lo) {
                    throw error("invalid character class range", re.substring(rangeStart - Character.charCount(lo),
                            pos));
                }
            }
        }
    }

    /** One class member; returns its code point, or -1 for a class escape such as {@code \d}. */
    private int classAtom() {
        int c = re.codePointAt(pos);
        pos += Character.charCount(c);
        if (c == '\\') {
            return escape(true);
        }
        literal(c);
        return c;
    }

    /** Translates the escape after a backslash; returns its code point, or -1 for a class. */
    private int escape(boolean inClass) {
        int start = pos - 1;
        if (pos >= re.length()) {
            throw error("trailing backslash at end of expression", "");
        }
        int c = re.codePointAt(pos);
        pos += Character.charCount(c);
        switch (c) {
            case 'a' -> {
                return literal(7);
            }
            case 'f' -> {
                return literal('\f');
            }
            case 't' -> {
                return literal('\t');
            }
            case 'n' -> {
                return literal('\n');
            }
            case 'r' -> {
                return literal('\r');
            }
            case 'v' -> {
                return literal(0x0B);
            }
            case 'd', 'D', 'w', 'W' -> out.append('\\').appendCodePoint(c);
            case 's' -> out.append(inClass ? GO_SPACE : "[" + GO_SPACE + "]");
            case 'S' -> out.append(inClass ? "[^" + GO_SPACE + "]" : "[^" + GO_SPACE + "]");
            case 'p', 'P' -> unicodeClass(start, c == 'P');
            case 'b', 'B', 'A', 'z' -> {
                if (inClass) {
                    throw error("invalid escape sequence", re.substring(start, pos));
                }
                out.append(c == 'b' ? WORD_BOUNDARY : c == 'B' ? "(?!" + WORD_BOUNDARY + ")" : "\\" + (char) c);
            }
            case 'x' -> {
                return literal(hexEscape(start));
            }
            case 'Q' -> {
                int end = re.indexOf("\\E", pos);
                String lit = end < 0 ? re.substring(pos) : re.substring(pos, end);
                pos = end < 0 ? re.length() : end + 2;
                lit.codePoints().forEach(this::literal);
                return -1;
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                if (c != '0' && (pos >= re.length() || re.charAt(pos) < '0' || re.charAt(pos) > '7')) {
                    throw error("invalid escape sequence", re.substring(start, pos));
                }
                int v = c - '0';
                for (int k = 0; k < 2 && pos < re.length() && re.charAt(pos) >= '0' && re.charAt(pos) <= '7'; k++) {
                    v = v * 8 + (re.charAt(pos++) - '0');
                }
                return literal(v);
            }
            default -> {
                if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                    return literal(c);
                }
                throw error("invalid escape sequence", re.substring(start, pos));
            }
        }
        return -1;
    }

    private int hexEscape(int start) {
        String digits;
        if (re.startsWith("{", pos)) {
            int end = re.indexOf('}', pos);
            if (end < 0) {
                throw error("invalid escape sequence", re.substring(start));
            }
            digits = re.substring(pos + 1, end);
            pos = end + 1;
        } else {
            digits = re.substring(pos, Math.min(pos + 2, re.length()));
            pos += digits.length();
        }
        if (digits.isEmpty() || digits.length() > 8 || !digits.matches("[0-9A-Fa-f]+")
                || (digits.length() < 2 && re.charAt(pos - 1) != '}')) {
            throw error("invalid escape sequence", re.substring(start, pos));
        }
        long v = Long.parseLong(digits, 16);
        if (v > Character.MAX_CODE_POINT) {
            throw error("invalid escape sequence", re.substring(start, pos));
        }
        return (int) v;
    }

    private void unicodeClass(int start, boolean negated) {
        String name;
        if (re.startsWith("{", pos)) {
            int end = re.indexOf('}', pos);
            if (end < 0) {
                throw error("invalid character class range", re.substring(start));
            }
            name = re.substring(pos + 1, end);
            pos = end + 1;
        } else if (pos < re.length()) {
            name = re.substring(pos, pos + 1);
            pos++;
        } else {
            throw error("invalid character class range", re.substring(start));
        }
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1);
        }
        String java = name.equals("Any") ? "[\\x{0}-\\x{10FFFF}]"
                : name.length() <= 2 ? "\\p{" + name + "}" : "\\p{Is" + name + "}";
        try {
            Pattern.compile(java);
        } catch (PatternSyntaxException e) {
            throw error("invalid character class range", re.substring(start, pos));
        }
        if (name.equals("Any")) {
            out.append(negated ? "[^\\x{0}-\\x{10FFFF}]" : java);
        } else {
            out.append(negated ? java.replace("\\p", "\\P") : java);
        }
    }

    private int literal(int c) {
        if (c < 0x80 && !Character.isLetterOrDigit(c) && c != ' ' && c != '_') {
            out.append(String.format("\\x{%x}", c));
        } else {
            out.appendCodePoint(c);
        }
        return c;
    }
}
