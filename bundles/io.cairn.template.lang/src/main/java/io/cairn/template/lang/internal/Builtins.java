package io.cairn.template.lang.internal;

import io.cairn.go.lang.GoUrl;
import io.cairn.template.lang.GoFunc;
import io.cairn.template.lang.internal.Values.Kind;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The predefined functions other than the short-circuiting and/or (which the evaluator handles). Each takes the
 * evaluated arguments and throws {@link ExecError} with the text Go's function would return as its error.
 */
final class Builtins {
    static final Set<String> NAMES = Set.of("and", "or", "not", "len", "index", "slice", "print", "printf", "println",
            "eq", "ne", "lt", "le", "gt", "ge", "html", "js", "urlquery", "call");

    private Builtins() {
    }

    /** Minimum argument count, and whether more are allowed. */
    static int minArgs(String name) {
        switch (name) {
            case "print", "println", "html", "js", "urlquery":
                return 0;
            case "ne", "lt", "le", "gt", "ge":
                return 2;
            default:
                return 1;
        }
    }

    static boolean variadic(String name) {
        return !Set.of("not", "len", "ne", "lt", "le", "gt", "ge").contains(name);
    }

    static Object call(String name, List<Object> a) throws Exception {
        switch (name) {
            case "not":
                return !Values.isTrue(a.get(0));
            case "len":
                return Values.goLen(a.get(0));
            case "index":
                return index(a.get(0), a.subList(1, a.size()));
            case "slice":
                return slice(a.get(0), a.subList(1, a.size()));
            case "print":
                return GoFmt.sprint(a);
            case "println":
                return GoFmt.sprintln(a);
            case "printf":
                return GoFmt.sprintf(a.get(0).toString(), a.subList(1, a.size()));
            case "eq":
                return eq(a.get(0), a.subList(1, a.size()));
            case "ne":
                return !eq(a.get(0), a.subList(1, 2));
            case "lt":
                return lt(a.get(0), a.get(1));
            case "le":
                return lt(a.get(0), a.get(1)) || eq(a.get(0), a.subList(1, 2));
            case "gt":
                return !(lt(a.get(0), a.get(1)) || eq(a.get(0), a.subList(1, 2)));
            case "ge":
                return !lt(a.get(0), a.get(1));
            case "html":
                return Escape.html(Escape.evalArgs(a));
            case "js":
                return Escape.js(Escape.evalArgs(a));
            case "urlquery":
                return GoUrl.queryEscape(Escape.evalArgs(a));
            default:
                throw new IllegalStateException("not a builtin: " + name);
        }
    }

    /** The call builtin: {@code calleeName} is how the function argument was written, for the error message. */
    static Object callFunction(String calleeName, Object fn, List<Object> args) throws Exception {
        if (fn == null) {
            throw new ExecError("call of nil");
        }
        if (!(fn instanceof GoFunc f)) {
            throw new ExecError("non-function " + calleeName + " of type " + Values.typeName(fn));
        }
        return f.call(new ArrayList<>(args));
    }

    // ---- index and slice ----

    private static int indexArg(Object index, int cap) {
        if (index == null) {
            throw new ExecError("cannot index slice/array with nil");
        }
        if (!Values.isInt(index)) {
            throw new ExecError("cannot index slice/array with type " + Values.typeName(index));
        }
        BigInteger x = Values.bigInt(index);
        if (x.signum() < 0 || x.compareTo(BigInteger.valueOf(cap)) > 0) {
            throw new ExecError("index out of range: " + x);
        }
        return x.intValue();
    }

    static Object index(Object item, List<Object> indexes) {
        if (item == null) {
            throw new ExecError("index of untyped nil");
        }
        for (Object index : indexes) {
            if (item == null) {
                throw new ExecError("index of nil pointer");
            }
            switch (Values.kind(item)) {
                case STRING -> {
                    byte[] b = Values.str(item).getBytes(StandardCharsets.UTF_8);
                    int x = indexArg(index, b.length);
                    if (x == b.length) {
                        throw new ExecError("index out of range: " + x);
                    }
                    item = (long) (b[x] & 0xff);
                }
                case LIST -> {
                    List<Object> l = Values.asList(item);
                    int x = indexArg(index, l.size());
                    if (x == l.size()) {
                        throw new ExecError("index out of range: " + x);
                    }
                    item = l.get(x);
                }
                case MAP -> {
                    Map<?, ?> m = (Map<?, ?>) item;
                    checkKeyType(m, index);
                    item = Values.mapGet(m, index, new boolean[1]);
                }
                default -> throw new ExecError("can't index item of type " + Values.typeName(item));
            }
        }
        return item;
    }

    /** Java maps carry no key type: the type of an existing key stands for it. */
    private static void checkKeyType(Map<?, ?> m, Object index) {
        Object sample = m.keySet().stream().filter(k -> k != null).findFirst().orElse(null);
        if (sample == null) {
            return;
        }
        if (index == null) {
            throw new ExecError("value is nil; should be of type " + Values.typeName(sample));
        }
        if (Values.kind(sample) != Values.kind(index)) {
            throw new ExecError("value has type " + Values.typeName(index) + "; should be "
                    + Values.typeName(sample));
        }
    }

    static Object slice(Object item, List<Object> indexes) {
        if (item == null) {
            throw new ExecError("slice of untyped nil");
        }
        if (indexes.size() > 3) {
            throw new ExecError("too many slice indexes: " + indexes.size());
        }
        Kind kind = Values.kind(item);
        int cap;
        byte[] bytes = null;
        List<Object> list = null;
        if (kind == Kind.STRING) {
            if (indexes.size() == 3) {
                throw new ExecError("cannot 3-index slice a string");
            }
            bytes = Values.str(item).getBytes(StandardCharsets.UTF_8);
            cap = bytes.length;
        } else if (kind == Kind.LIST) {
            list = Values.asList(item);
            cap = list.size();
        } else {
            throw new ExecError("can't slice item of type " + Values.typeName(item));
        }
        int[] idx = {0, kind == Kind.STRING ? cap : list.size()};
        for (int i = 0; i < indexes.size(); i++) {
            int x = indexArg(indexes.get(i), cap);
            if (i < 2) {
                idx[i] = x;
            }
        }
        if (idx[0] > idx[1]) {
            throw new ExecError("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.size() == 3) {
            int max = indexArg(indexes.get(2), cap);
            if (idx[1] > max) {
                throw new ExecError("invalid slice index: " + idx[1] + " > " + max);
            }
        }
        if (bytes != null) {
            byte[] part = new byte[idx[1] - idx[0]];
            System.arraycopy(bytes, idx[0], part, 0, part.length);
            return new String(part, StandardCharsets.UTF_8);
        }
        return new ArrayList<>(list.subList(idx[0], idx[1]));
    }

    // ---- comparison ----

    private static Kind basicKind(Object v) {
        Kind k = Values.kind(v);
        return switch (k) {
            case BOOL, INT, FLOAT, STRING -> k;
            default -> null;
        };
    }

    static boolean eq(Object arg1, List<Object> others) {
        if (others.isEmpty()) {
            throw new ExecError("missing argument for comparison");
        }
        Kind k1 = basicKind(arg1);
        for (Object arg : others) {
            Kind k2 = basicKind(arg);
            boolean truth;
            if (arg1 == null || arg == null) {
                truth = arg1 == arg; // nil equals only nil, and is never an error
            } else if (k1 != k2) {
                throw new ExecError("incompatible types for comparison");
            } else if (k1 != null) {
                truth = switch (k1) {
                    case BOOL -> arg1.equals(arg);
                    case INT -> Values.bigInt(arg1).equals(Values.bigInt(arg));
                    case FLOAT -> Values.toDouble(arg1) == Values.toDouble(arg);
                    default -> Values.str(arg1).equals(Values.str(arg));
                };
            } else {
                truth = eqComposite(arg1, arg);
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    /** Lists, maps, functions and objects: only values of one type compare, and lists and maps never do. */
    private static boolean eqComposite(Object arg1, Object arg) {
        String t1 = Values.typeName(arg1);
        String t2 = Values.typeName(arg);
        if (!t1.equals(t2) || arg1.getClass() != arg.getClass() && Values.kind(arg1) == Values.Kind.OTHER) {
            throw new ExecError("non-comparable types " + asS(arg1) + ": " + t1 + ", " + t2 + ": "
                    + GoFmt.sprint(List.of(arg)));
        }
        Kind k = Values.kind(arg);
        if (k == Kind.LIST || k == Kind.MAP || k == Kind.FUNC) {
            throw new ExecError("non-comparable type " + asS(arg) + ": " + t2);
        }
        return arg1 == arg || arg1.equals(arg);
    }

    private static String asS(Object v) {
        return GoFmt.sprintf("%s", List.of(v));
    }

    static boolean lt(Object arg1, Object arg2) {
        Kind k1 = basicKind(arg1);
        Kind k2 = basicKind(arg2);
        if (k1 == null || k2 == null) {
            throw new ExecError("invalid type for comparison");
        }
        if (k1 != k2) {
            throw new ExecError("incompatible types for comparison");
        }
        switch (k1) {
            case INT:
                return Values.bigInt(arg1).compareTo(Values.bigInt(arg2)) < 0;
            case FLOAT:
                return Values.toDouble(arg1) < Values.toDouble(arg2);
            case STRING:
                return Values.compareStrings(Values.str(arg1), Values.str(arg2)) < 0;
            default:
                throw new ExecError("invalid type for comparison");
        }
    }
}
