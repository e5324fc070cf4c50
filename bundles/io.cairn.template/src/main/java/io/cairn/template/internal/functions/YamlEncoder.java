package io.cairn.template.internal.functions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * YAML as consul-template's {@code toYAML} (gopkg.in/yaml.v2) writes it: block style, map keys sorted, struct
 * fields by their lower-cased names in declaration order, lists of a map entry not indented, strings plain
 * unless YAML would read them as something else (then double-quoted) or they contain YAML syntax (then
 * single-quoted), multi-line strings as literal blocks. The result has no trailing newline.
 */
final class YamlEncoder {

    /** What YAML 1.1 reads as a bool, a null, a number: such strings must be quoted. */
    private static final Pattern NOT_A_STRING = Pattern.compile(
            "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL"
                    + "|[-+]?(0b[01_]+|0[0-7_]+|0x[0-9a-fA-F_]+|(0|[1-9][0-9_]*)|[1-9][0-9_]*(:[0-5]?[0-9])+)"
                    + "|[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
                    + "|<<|=");

    private final StringBuilder out = new StringBuilder();

    private YamlEncoder() {
    }

    static String encode(Object value) {
        YamlEncoder e = new YamlEncoder();
        Map<String, Object> map = asMap(value);
        if (map != null && !map.isEmpty()) {
            e.mapping(map, 0, false);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            e.sequence(list, 0, false);
        } else {
            e.out.append(e.scalar(value, 2));
        }
        return StringFunctions.trimSpace(e.out.toString());
    }

    /** Entries at {@code indent}; with {@code firstInline} the first one continues the current line. */
    private void mapping(Map<String, Object> map, int indent, boolean firstInline) {
        boolean first = true;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (!(first && firstInline)) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(scalar(e.getKey(), indent + 2)).append(':');
            Object v = e.getValue();
            Map<String, Object> child = asMap(v);
            if (child != null && !child.isEmpty()) {
                out.append('\n');
                mapping(child, indent + 2, false);
            } else if (v instanceof List<?> list && !list.isEmpty()) {
                // yaml.v2 does not indent a sequence under a mapping key.
                out.append('\n');
                sequence(list, indent, false);
            } else {
                out.append(' ').append(scalar(v, indent + 2)).append('\n');
            }
        }
    }

    /** Items at {@code indent}; with {@code firstInline} the first one continues the current line. */
    private void sequence(List<?> list, int indent, boolean firstInline) {
        boolean first = true;
        for (Object item : list) {
            if (!(first && firstInline)) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append("- ");
            Map<String, Object> child = asMap(item);
            if (child != null && !child.isEmpty()) {
                mapping(child, indent + 2, true);
            } else if (item instanceof List<?> l && !l.isEmpty()) {
                sequence(l, indent + 2, true);
            } else {
                out.append(scalar(item, indent + 2)).append('\n');
            }
        }
    }

    private static Map<String, Object> asMap(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> keys = new ArrayList<>();
            m.keySet().forEach(k -> keys.add(String.valueOf(k)));
            keys.sort(YamlEncoder::compareKeys);
            Map<String, Object> sorted = new LinkedHashMap<>();
            for (String k : keys) {
                sorted.put(k, m.containsKey(k) ? m.get(k) : null);
            }
            return sorted;
        }
        if (v != null && v.getClass().isRecord()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            GoJson.fields(v).forEach((k, x) -> fields.put(k.toLowerCase(Locale.ROOT), x));
            return fields;
        }
        return null;
    }

    /** yaml.v2 sorts keys "naturally": runs of digits by value, and letters after other characters. */
    static int compareKeys(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int ei = i;
                int ej = j;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                String na = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
                continue;
            }
            if (x != y) {
                boolean lx = Character.isLetter(x);
                boolean ly = Character.isLetter(y);
                if (lx != ly) {
                    return lx ? 1 : -1;
                }
                return Character.compare(x, y);
            }
            i++;
            j++;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** A value on one line, or a literal block whose lines are indented by {@code indent}. */
    private String scalar(Object v, int indent) {
        if (v == null) {
            return "null";
        }
        if (v instanceof List<?>) {
            return "[]";
        }
        if (asMap(v) != null) {
            return "{}";
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return ".nan";
            }
            if (d.isInfinite()) {
                return d > 0 ? ".inf" : "-.inf";
            }
            return GoFormat.formatFloat(d);
        }
        if (v instanceof String s) {
            return string(s, indent);
        }
        return String.valueOf(v);
    }

    private static String string(String s, int indent) {
        if (s.contains("\n")) {
            return literal(s, indent);
        }
        if (s.isEmpty() || NOT_A_STRING.matcher(s).matches()) {
            return doubleQuoted(s);
        }
        if (plainAllowed(s)) {
            return s;
        }
        return s.chars().allMatch(c -> c >= 0x20 && c != 0x7f) ? "'" + s.replace("'", "''") + "'" : doubleQuoted(s);
    }

    /** A literal block ({@code |-}, {@code |} or {@code |+} by its trailing newlines), indented under the key. */
    private static String literal(String s, int indent) {
        String chomp = !s.endsWith("\n") ? "-" : s.endsWith("\n\n") ? "+" : "";
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        String pad = " ".repeat(indent);
        String indicator = body.startsWith(" ") ? "2" : "";
        StringBuilder b = new StringBuilder("|").append(indicator).append(chomp);
        for (String line : body.split("\n", -1)) {
            b.append('\n').append(line.isEmpty() ? "" : pad + line);
        }
        return b.toString();
    }

    private static boolean plainAllowed(String s) {
        char first = s.charAt(0);
        if (Character.isWhitespace(first) || Character.isWhitespace(s.charAt(s.length() - 1))
                || s.startsWith("---") || s.startsWith("...")) {
            return false;
        }
        if ("#,[]{}&*!|>'\"%@`".indexOf(first) >= 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean followedBySpace = i + 1 >= s.length() || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t';
            if ((c == '?' || c == '-') && i == 0 && followedBySpace) {
                return false;
            }
            if (c == ':' && followedBySpace) {
                return false;
            }
            if (c == '#' && i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
                return false;
            }
            if (c < 0x20 && c != '\t' || c == 0x7f || c == '\ufeff') {
                return false;
            }
        }
        return true;
    }

    private static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\0' -> b.append("\\0");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case 0x1b -> b.append("\\e");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
