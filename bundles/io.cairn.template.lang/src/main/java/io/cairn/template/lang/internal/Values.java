package io.cairn.template.lang.internal;

import io.cairn.template.lang.GoFunc;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** How Java values play Go's types: kinds, truth, type names, lengths and sorted map keys. */
final class Values {
    enum Kind { INVALID, BOOL, INT, FLOAT, STRING, LIST, MAP, FUNC, OTHER }

    private Values() {
    }

    static Kind kind(Object v) {
        if (v == null) {
            return Kind.INVALID;
        }
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            return Kind.INT;
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            return Kind.FLOAT;
        }
        if (v instanceof CharSequence || v instanceof Character) {
            return Kind.STRING;
        }
        // A Path iterates over its name elements but is a single value to template authors.
        if ((v instanceof Iterable && !(v instanceof java.nio.file.Path)) || v.getClass().isArray()) {
            return Kind.LIST;
        }
        if (v instanceof Map) {
            return Kind.MAP;
        }
        if (v instanceof GoFunc) {
            return Kind.FUNC;
        }
        return Kind.OTHER;
    }

    static boolean isInt(Object v) {
        return kind(v) == Kind.INT;
    }

    static BigInteger bigInt(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
    }

    static double toDouble(Object v) {
        return ((Number) v).doubleValue();
    }

    static String str(Object v) {
        return v.toString();
    }

    /** Go's truth: false for nil, false, zero numbers and empty strings, lists and maps; true otherwise. */
    static boolean isTrue(Object v) {
        switch (kind(v)) {
            case INVALID:
                return false;
            case BOOL:
                return (Boolean) v;
            case INT:
                return bigInt(v).signum() != 0;
            case FLOAT:
                return toDouble(v) != 0;
            case STRING:
                return str(v).length() > 0;
            case LIST:
                return length(v) > 0;
            case MAP:
                return !((Map<?, ?>) v).isEmpty();
            default:
                return true;
        }
    }

    /** Elements of a list-like value: List, other Collection, or array. */
    static List<Object> asList(Object v) {
        if (v instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) l;
            return list;
        }
        if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (v instanceof Iterable<?> it) {
            List<Object> copy = new ArrayList<>();
            it.forEach(copy::add);
            return copy;
        }
        return new AbstractList<>() {
            @Override
            public Object get(int i) {
                return Array.get(v, i);
            }

            @Override
            public int size() {
                return Array.getLength(v);
            }
        };
    }

    /** Whether a list's elements are Go interface{} values: true for collections and Object arrays. */
    static boolean untypedElements(Object list) {
        return !list.getClass().isArray() || list.getClass().getComponentType() == Object.class;
    }

    static int length(Object v) {
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        if (v instanceof Iterable<?>) {
            return asList(v).size();
        }
        return Array.getLength(v);
    }

    /** Length as Go's len: UTF-8 bytes for strings. */
    static long goLen(Object v) {
        switch (kind(v)) {
            case STRING:
                return str(v).getBytes(StandardCharsets.UTF_8).length;
            case LIST:
                return length(v);
            case MAP:
                return ((Map<?, ?>) v).size();
            case INVALID:
                throw new ExecError("len of nil pointer");
            default:
                throw new ExecError("len of type " + typeName(v));
        }
    }

    /** The Go type name fmt's %T prints for this value. */
    static String typeName(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof Integer) {
            return "int32";
        }
        if (v instanceof Short) {
            return "int16";
        }
        if (v instanceof Byte) {
            return "int8";
        }
        if (v instanceof BigInteger) {
            return "*big.Int";
        }
        if (v instanceof Double || v instanceof BigDecimal) {
            return "float64";
        }
        if (v instanceof Float) {
            return "float32";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof CharSequence || v instanceof Character) {
            return "string";
        }
        if (v instanceof Map) {
            return "map[string]interface {}";
        }
        if (kind(v) == Kind.LIST && !v.getClass().isArray()) {
            return "[]interface {}";
        }
        if (v.getClass().isArray()) {
            return "[]" + componentName(v.getClass().getComponentType());
        }
        if (v instanceof GoFunc) {
            return "func(...interface {}) (interface {}, error)";
        }
        return v.getClass().getSimpleName();
    }

    private static String componentName(Class<?> c) {
        if (c == long.class || c == Long.class) {
            return "int";
        }
        if (c == int.class || c == Integer.class) {
            return "int32";
        }
        if (c == byte.class || c == Byte.class) {
            return "uint8";
        }
        if (c == double.class || c == Double.class) {
            return "float64";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "bool";
        }
        if (c == String.class) {
            return "string";
        }
        return "interface {}";
    }

    /** Record components in declaration order, or null when the value is not a record. */
    static RecordComponent[] recordComponents(Object v) {
        return v != null && v.getClass().isRecord() ? v.getClass().getRecordComponents() : null;
    }

    static Object componentValue(Object record, RecordComponent c) {
        try {
            var m = c.getAccessor();
            m.trySetAccessible();
            return m.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new ExecError("cannot read " + c.getName() + ": " + e);
        }
    }

    /** Map keys sorted as Go's fmt and range sort them: nil, then numbers, strings, booleans, by value. */
    static List<Object> sortedKeys(Map<?, ?> m) {
        List<Object> keys = new ArrayList<>(m.keySet());
        keys.sort(KEY_ORDER);
        return keys;
    }

    private static int rank(Object k) {
        switch (kind(k)) {
            case INVALID:
                return 0;
            case BOOL:
                return 1;
            case INT:
                return 2;
            case FLOAT:
                return 3;
            case STRING:
                return 4;
            default:
                return 5;
        }
    }

    static final Comparator<Object> KEY_ORDER = (a, b) -> {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        switch (kind(a)) {
            case BOOL:
                return Boolean.compare((Boolean) a, (Boolean) b);
            case INT:
                return bigInt(a).compareTo(bigInt(b));
            case FLOAT:
                return Double.compare(toDouble(a), toDouble(b));
            case STRING:
                return compareStrings(str(a), str(b));
            case INVALID:
                return 0;
            default:
                return a.toString().compareTo(b.toString());
        }
    };

    /** Byte-wise UTF-8 order, which is code point order. */
    static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Looks a key up the way index and field access do: integer keys match whatever integer type the map uses. */
    static Object mapGet(Map<?, ?> m, Object key, boolean[] found) {
        if (m.containsKey(key)) {
            found[0] = true;
            return m.get(key);
        }
        if (isInt(key) || key instanceof Character) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object k = e.getKey();
                if (isInt(k) && isInt(key) && bigInt(k).equals(bigInt(key))) {
                    found[0] = true;
                    return e.getValue();
                }
                if (key instanceof Character && key.toString().equals(k)) {
                    found[0] = true;
                    return e.getValue();
                }
            }
        }
        found[0] = false;
        return null;
    }
}
