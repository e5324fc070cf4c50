package io.cairn.template.internal.functions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go regular expressions (RE2 syntax) on {@link Pattern}. The common syntax is the same; the translation covers
 * what differs: {@code (?P<name>)} groups, POSIX classes such as {@code [[:alpha:]]}, characters that are
 * literal inside a Go class but not in Java's ({@code [}, {@code &&}), and {@code $}, which in Go matches only
 * at the very end of the text unless {@code (?m)} is set. Replacements use Go's {@code $1}, {@code ${1}},
 * {@code $name} and {@code $$}, where an unknown group expands to nothing.
 */
final class GoRegex {

    private GoRegex() {
    }

    static Pattern compile(String goRegex) {
        try {
            return Pattern.compile(translate(goRegex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("error parsing regexp: " + e.getDescription() + ": `" + goRegex + "`",
                    e);
        }
    }

    static String replaceAll(String goRegex, String replacement, String s) {
        Matcher m = compile(goRegex).matcher(s);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(s, last, m.start());
            expand(m, replacement, out);
            last = m.end();
        }
        return out.append(s.substring(last)).toString();
    }

    /** Go's {@code Regexp.Expand}: {@code $name} takes the longest run of letters, digits and {@code _}. */
    private static void expand(Matcher m, String template, StringBuilder out) {
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = template.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int end;
            if (next == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0 || !isName(template.substring(i + 2, close))) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 2, close);
                end = close + 1;
            } else {
                end = i + 1;
                while (end < template.length() && isNameChar(template.charAt(end))) {
                    end++;
                }
                if (end == i + 1) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 1, end);
            }
            out.append(group(m, name));
            i = end;
        }
    }

    private static String group(Matcher m, String name) {
        String value = null;
        if (name.chars().allMatch(Character::isDigit)) {
            try {
                int n = Integer.parseInt(name);
                value = n <= m.groupCount() ? m.group(n) : null;
            } catch (NumberFormatException e) {
                value = null;
            }
        } else {
            try {
                value = m.group(name);
            } catch (IllegalArgumentException e) {
                value = null;
            }
        }
        return value == null ? "" : value;
    }

    private static boolean isName(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> isNameChar((char) c));
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Rewrites the parts of Go syntax that {@link Pattern} reads differently. */
    static String translate(String re) {
        boolean multiline = re.matches("(?s).*\\(\\?[a-zA-Z]*m[a-zA-Z]*[):].*");
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                out.append(c).append(re.charAt(++i));
                continue;
            }
            if (inClass) {
                if (c == '[' && re.startsWith("[:", i)) {
                    int close = re.indexOf(":]", i + 2);
                    if (close > 0) {
                        out.append(posixClass(re.substring(i + 2, close)));
                        i = close + 1;
                        continue;
                    }
                }
                if (c == ']' && !classJustOpened(re, i)) {
                    inClass = false;
                    out.append(c);
                } else if (c == '[' || c == '&' || c == ']') {
                    out.append('\\').append(c);
                } else {
                    out.append(c);
                }
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                if (re.startsWith("[^", i)) {
                    out.append('^');
                    i++;
                }
            } else if (c == '(' && re.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 3;
            } else if (c == '$' && !multiline) {
                out.append("\\z");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A {@code ]} right after {@code [} or {@code [^} is a literal in Go. */
    private static boolean classJustOpened(String re, int i) {
        return re.charAt(i - 1) == '[' && (i < 2 || re.charAt(i - 2) != '\\')
                || i >= 2 && re.charAt(i - 1) == '^' && re.charAt(i - 2) == '[';
    }

    private static String posixClass(String name) {
        boolean negated = name.startsWith("^");
        String base = negated ? name.substring(1) : name;
        String java = switch (base) {
            case "alnum" -> "\\p{Alnum}";
            case "alpha" -> "\\p{Alpha}";
            case "ascii" -> "\\p{ASCII}";
            case "blank" -> "\\p{Blank}";
            case "cntrl" -> "\\p{Cntrl}";
            case "digit" -> "\\p{Digit}";
            case "graph" -> "\\p{Graph}";
            case "lower" -> "\\p{Lower}";
            case "print" -> "\\p{Print}";
            case "punct" -> "\\p{Punct}";
            case "space" -> "\\s";
            case "upper" -> "\\p{Upper}";
            case "word" -> "\\w";
            case "xdigit" -> "\\p{XDigit}";
            default -> throw new IllegalArgumentException("error parsing regexp: invalid character class range: `[:"
                    + name + ":]`");
        };
        return negated ? "[^" + java + "]" : java;
    }
}
