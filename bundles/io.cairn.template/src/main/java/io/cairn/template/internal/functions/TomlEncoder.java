package io.cairn.template.internal.functions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TOML as consul-template's {@code toTOML} (BurntSushi/toml) writes it: the value must be a map or a struct;
 * in every table the plain keys come first (sorted), then sub-tables ({@code [a.b]}) and arrays of tables
 * ({@code [[a]]}), each level indented by two spaces; {@code nil} values are left out. The result has no
 * leading or trailing blank lines.
 */
final class TomlEncoder {

    private static final String INDENT = "  ";

    private final StringBuilder out = new StringBuilder();

    private TomlEncoder() {
    }

    static String encode(Object value) {
        Map<String, Object> table = table(value);
        if (table == null) {
            throw new IllegalArgumentException("toml: top-level values must be Go maps or structs");
        }
        TomlEncoder e = new TomlEncoder();
        e.body(List.of(), table);
        return StringFunctions.trimSpace(e.out.toString());
    }

    private static Map<String, Object> table(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
            return sorted;
        }
        if (v != null && v.getClass().isRecord()) {
            return new LinkedHashMap<>(GoJson.fields(v));
        }
        return null;
    }

    private static boolean isTable(Object v) {
        return table(v) != null;
    }

    private static boolean isArrayOfTables(Object v) {
        return v instanceof List<?> l && !l.isEmpty() && isTable(l.get(0));
    }

    private void body(List<String> key, Map<String, Object> table) {
        List<String> sub = new ArrayList<>();
        for (Map.Entry<String, Object> e : table.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (isTable(v) || isArrayOfTables(v)) {
                sub.add(e.getKey());
                continue;
            }
            out.append(INDENT.repeat(key.size())).append(bareOrQuoted(e.getKey())).append(" = ");
            element(v);
            out.append('\n');
        }
        for (String name : sub) {
            List<String> child = new ArrayList<>(key);
            child.add(name);
            Object v = table.get(name);
            String indent = INDENT.repeat(child.size() - 1);
            if (isTable(v)) {
                if (child.size() == 1 && out.length() > 0) {
                    out.append('\n');
                }
                out.append(indent).append('[').append(path(child)).append("]\n");
                body(child, table(v));
            } else {
                for (Object item : (List<?>) v) {
                    if (item == null) {
                        continue;
                    }
                    if (out.length() > 0) {
                        out.append('\n');
                    }
                    out.append(indent).append("[[").append(path(child)).append("]]\n");
                    body(child, table(item));
                }
            }
        }
    }

    private void element(Object v) {
        if (v instanceof String s) {
            out.append(quoted(s));
        } else if (v instanceof Double d) {
            out.append(d.isNaN() ? "nan" : d.isInfinite() ? (d > 0 ? "+inf" : "-inf") : decimal(d));
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) {
                    throw new IllegalArgumentException("toml: cannot encode array with nil element");
                }
                out.append(i == 0 ? "" : ", ");
                element(list.get(i));
            }
            out.append(']');
        } else if (isTable(v)) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : table(v).entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                out.append(first ? "" : ", ").append(bareOrQuoted(e.getKey())).append(" = ");
                first = false;
                element(e.getValue());
            }
            out.append('}');
        } else {
            out.append(v);
        }
    }

    /** TOML floats always have a decimal point. */
    private static String decimal(double d) {
        String s = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    private static String path(List<String> key) {
        List<String> parts = new ArrayList<>();
        key.forEach(k -> parts.add(bareOrQuoted(k)));
        return String.join(".", parts);
    }

    private static String bareOrQuoted(String key) {
        return !key.isEmpty() && key.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9' || c == '_' || c == '-') ? key : quoted(key);
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\f' -> b.append("\\f");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
