package io.cairn.template.internal.functions;

import java.util.List;
import java.util.Map;

/**
 * Argument checks for functions called from templates, with the messages Go's {@code text/template} gives when
 * a call does not fit a function's signature.
 */
final class Args {

    private Args() {
    }

    /** Fails unless exactly {@code n} arguments were passed. */
    static void count(String function, List<Object> args, int n) {
        if (args.size() != n) {
            throw new IllegalArgumentException("wrong number of args for " + function + ": want " + n + " got "
                    + args.size());
        }
    }

    /** Fails unless at least {@code n} arguments were passed (variadic functions). */
    static void atLeast(String function, List<Object> args, int n) {
        if (args.size() < n) {
            throw new IllegalArgumentException("wrong number of args for " + function + ": want at least " + n
                    + " got " + args.size());
        }
    }

    static String string(List<Object> args, int i) {
        Object v = args.get(i);
        if (v instanceof String s) {
            return s;
        }
        throw wrongType("string", v);
    }

    static long integer(List<Object> args, int i) {
        Object v = args.get(i);
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer n) {
            return n;
        }
        throw wrongType("int", v);
    }

    static boolean bool(List<Object> args, int i) {
        Object v = args.get(i);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType("bool", v);
    }

    static List<?> list(List<Object> args, int i) {
        Object v = args.get(i);
        if (v instanceof List<?> l) {
            return l;
        }
        throw wrongType("[]interface {}", v);
    }

    /** A list of strings, such as Go's {@code []string} parameters (tags, split results). */
    static List<String> strings(List<Object> args, int i) {
        Object v = args.get(i);
        if (v instanceof List<?> l && l.stream().allMatch(e -> e instanceof String)) {
            @SuppressWarnings("unchecked")
            List<String> strings = (List<String>) l;
            return strings;
        }
        throw wrongType("[]string", v);
    }

    static Map<?, ?> map(List<Object> args, int i) {
        Object v = args.get(i);
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw wrongType("map[string]interface {}", v);
    }

    static IllegalArgumentException wrongType(String expected, Object got) {
        if (got == null) {
            return new IllegalArgumentException("invalid value; expected " + expected);
        }
        return new IllegalArgumentException("wrong type for value; expected " + expected + "; got "
                + goType(got));
    }

    /** Go's name ({@code %T}) for the type of a template value. */
    static String goType(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Long || v instanceof Integer) {
            return "int";
        }
        if (v instanceof Double || v instanceof Float) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof List<?> l) {
            return l.isEmpty() ? "[]interface {}" : "[]" + goType(l.get(0));
        }
        if (v instanceof Map<?, ?>) {
            return "map[string]interface {}";
        }
        if (v.getClass().isRecord()) {
            return "*dependency." + v.getClass().getSimpleName();
        }
        return v.getClass().getSimpleName();
    }
}
