package io.cairn.template.lang.internal;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Field access on plain Java objects: a public method named exactly like the template field (Go-style names such
 * as {@code Contains}, or a record component accessor), else a public field. Methods of the JDK's own classes are
 * not offered, so {@code .size} on a map is a key lookup, never {@code Map.size()}.
 */
final class JavaMembers {
    private JavaMembers() {
    }

    /** A method argument that does not convert to its parameter type; {@code index} says which. */
    static final class ArgumentError extends ExecError {
        private static final long serialVersionUID = 1L;
        final int index;

        ArgumentError(String message, int index) {
            super(message);
            this.index = index;
        }
    }

    private static boolean offered(Method m) {
        String pkg = m.getDeclaringClass().getPackageName();
        return !Modifier.isStatic(m.getModifiers()) && !pkg.startsWith("java.") && !pkg.startsWith("javax.")
                && !m.isSynthetic() && !m.isBridge();
    }

    /** Offered methods by name, per class, computed once. */
    private static final ClassValue<Map<String, List<Method>>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, List<Method>> computeValue(Class<?> type) {
            Map<String, List<Method>> byName = new java.util.HashMap<>();
            for (Method m : type.getMethods()) {
                if (offered(m)) {
                    byName.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m);
                }
            }
            return byName;
        }
    };

    private static List<Method> methods(Object receiver, String name) {
        return METHODS.get(receiver.getClass()).getOrDefault(name, List.of());
    }

    /** Whether the method's declared result is Object, Go's interface{}. */
    static boolean returnsObject(Object receiver, String name) {
        return methods(receiver, name).stream().allMatch(m -> m.getReturnType() == Object.class);
    }

    static boolean fieldIsObject(Object receiver, String name) {
        try {
            return receiver.getClass().getField(name).getType() == Object.class;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    static boolean hasMethod(Object receiver, String name) {
        return !methods(receiver, name).isEmpty();
    }

    /** Calls the method whose parameters accept the arguments; Go-worded errors for arity and type mismatches. */
    static Object invoke(Object receiver, String name, List<Object> args) throws InvocationTargetException {
        List<Method> candidates = methods(receiver, name);
        ExecError firstMismatch = null;
        for (Method m : candidates) {
            Object[] converted;
            try {
                converted = convertAll(m, args);
            } catch (ExecError e) {
                if (firstMismatch == null) {
                    firstMismatch = e;
                }
                continue;
            }
            if (converted == null) {
                continue;
            }
            try {
                m.trySetAccessible();
                Object result = m.invoke(receiver, converted);
                // Go methods always return a value; a void Java method acts like one returning "".
                return m.getReturnType() == void.class ? "" : result;
            } catch (IllegalAccessException e) {
                throw new ExecError("cannot call " + name + ": " + e.getMessage());
            }
        }
        if (firstMismatch != null) {
            throw firstMismatch;
        }
        Method m = candidates.get(0);
        int want = m.getParameterCount();
        if (m.isVarArgs()) {
            throw new ExecError("wrong number of args for " + name + ": want at least " + (want - 1) + " got "
                    + args.size());
        }
        throw new ExecError("wrong number of args for " + name + ": want " + want + " got " + args.size());
    }

    /** Converted arguments, or null when the arity does not fit. */
    private static Object[] convertAll(Method m, List<Object> args) {
        Class<?>[] types = m.getParameterTypes();
        int n = types.length;
        if (m.isVarArgs()) {
            if (args.size() < n - 1) {
                return null;
            }
            Object[] out = new Object[n];
            for (int i = 0; i < n - 1; i++) {
                out[i] = convert(args.get(i), types[i]);
            }
            Class<?> elem = types[n - 1].getComponentType();
            Object rest = java.lang.reflect.Array.newInstance(elem, args.size() - (n - 1));
            for (int i = n - 1; i < args.size(); i++) {
                java.lang.reflect.Array.set(rest, i - (n - 1), convert(args.get(i), elem));
            }
            out[n - 1] = rest;
            return out;
        }
        if (args.size() != n) {
            return null;
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            try {
                out[i] = convert(args.get(i), types[i]);
            } catch (ExecError e) {
                throw new ArgumentError(e.getMessage(), i);
            }
        }
        return out;
    }

    private static Object convert(Object v, Class<?> type) {
        if (v == null) {
            if (type.isPrimitive()) {
                throw new ExecError("invalid value; expected " + type.getSimpleName());
            }
            return null;
        }
        if (type == Object.class || (!type.isPrimitive() && type.isInstance(v) && !(v instanceof Number))) {
            return v;
        }
        if (Values.isInt(v)) {
            try {
                return convertInteger(v, type);
            } catch (ArithmeticException e) {
                throw new ExecError("value " + v + " overflows " + goName(type));
            }
        }
        return convertOther(v, type);
    }

    private static Object convertInteger(Object v, Class<?> type) {
        BigInteger b = Values.bigInt(v);
        if (type == long.class || type == Long.class) {
            return b.longValueExact();
        }
        if (type == int.class || type == Integer.class) {
            return b.intValueExact();
        }
        if (type == short.class || type == Short.class) {
            return b.shortValueExact();
        }
        if (type == byte.class || type == Byte.class) {
            return b.byteValueExact();
        }
        if (type == BigInteger.class || type == Number.class) {
            return v instanceof BigInteger ? v : b;
        }
        if (type == double.class || type == Double.class) {
            return b.doubleValue();
        }
        if (type == float.class || type == Float.class) {
            return b.floatValue();
        }
        return convertOther(v, type);
    }

    private static Object convertOther(Object v, Class<?> type) {
        if (v instanceof Number num && !Values.isInt(v)) {
            if (type == double.class || type == Double.class || type == Number.class) {
                return num.doubleValue();
            }
            if (type == float.class || type == Float.class) {
                return num.floatValue();
            }
            if (type == BigDecimal.class) {
                return v instanceof BigDecimal ? v : new BigDecimal(num.doubleValue());
            }
        }
        if ((type == boolean.class || type == Boolean.class) && v instanceof Boolean) {
            return v;
        }
        if (type == String.class && v instanceof CharSequence) {
            return v.toString();
        }
        if (type == List.class || type == Collection.class || type == Iterable.class) {
            if (v.getClass().isArray()) {
                return new ArrayList<>(Values.asList(v));
            }
        }
        if (type.isInstance(v) || (type == Map.class && v instanceof Map)) {
            return v;
        }
        throw new ExecError("wrong type for value; expected " + goName(type) + "; got " + Values.typeName(v));
    }

    private static String goName(Class<?> type) {
        if (type == long.class || type == Long.class) {
            return "int";
        }
        if (type == int.class || type == Integer.class) {
            return "int32";
        }
        if (type == double.class || type == Double.class) {
            return "float64";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "bool";
        }
        if (type == String.class) {
            return "string";
        }
        return type.getSimpleName();
    }

    /** A public instance field named {@code name}; sets found[0]. */
    static Object field(Object receiver, String name, boolean[] found) {
        try {
            Field f = receiver.getClass().getField(name);
            if (Modifier.isStatic(f.getModifiers())) {
                found[0] = false;
                return null;
            }
            f.trySetAccessible();
            found[0] = true;
            return f.get(receiver);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            found[0] = false;
            return null;
        }
    }
}
