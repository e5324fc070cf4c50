package io.cairn.template.lang.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The variable stack of one template invocation. Control structures take a {@link #mark()} and {@link #pop} back
 * to it, so a variable lives until the {@code end} of the structure that declared it. Each variable also records
 * whether it holds a Go interface{}-typed value (a list or map element), which changes error wording and makes a
 * nil one a nil pointer.
 */
final class Variables {
    private final List<String> names = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private final List<Boolean> iface = new ArrayList<>();

    void push(String name, Object value, boolean isIface) {
        names.add(name);
        values.add(value);
        iface.add(isIface);
    }

    int mark() {
        return names.size();
    }

    void pop(int mark) {
        names.subList(mark, names.size()).clear();
        values.subList(mark, values.size()).clear();
        iface.subList(mark, iface.size()).clear();
    }

    /** Index of the innermost variable of that name. */
    int indexOf(String name) {
        for (int i = names.size() - 1; i >= 0; i--) {
            if (names.get(i).equals(name)) {
                return i;
            }
        }
        throw new ExecError("undefined variable: " + name);
    }

    Object value(int index) {
        return values.get(index);
    }

    boolean isIface(int index) {
        return iface.get(index);
    }

    /** {@code $x = value}: assigns the innermost variable of that name. */
    void set(String name, Object value, boolean isIface) {
        int i = indexOf(name);
        values.set(i, value);
        iface.set(i, isIface);
    }

    /** Sets the n-th variable from the top (1 = top): how range stores its element and index. */
    void setTop(int n, Object value, boolean isIface) {
        values.set(values.size() - n, value);
        iface.set(iface.size() - n, isIface);
    }
}
