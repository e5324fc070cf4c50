package io.cairn.tcp;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/** A {@link Logger} that keeps what it is given, every level enabled; safe to read from a test thread. */
final class RecordingLogger {

    /** One message: its level ({@code warn}, ...), the text with its arguments filled in, the throwable if any. */
    record Entry(String level, String text, Throwable thrown) {
    }

    private final List<Entry> entries = new ArrayList<>();
    final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                String name = method.getName();
                if (name.startsWith("is") && name.endsWith("Enabled")) {
                    return true;
                }
                if (name.equals("getName")) {
                    return "recording";
                }
                if (List.of("trace", "debug", "info", "warn", "error").contains(name) && args != null
                        && args[0] instanceof String format) {
                    Object[] rest = flatten(Arrays.copyOfRange(args, 1, args.length));
                    var formatted = MessageFormatter.arrayFormat(format, rest);
                    Throwable thrown = formatted.getThrowable();
                    synchronized (entries) {
                        entries.add(new Entry(name, formatted.getMessage(), thrown));
                    }
                    return null;
                }
                if (name.equals("toString")) {
                    return "RecordingLogger";
                }
                if (name.equals("hashCode")) {
                    return System.identityHashCode(proxy);
                }
                if (name.equals("equals")) {
                    return proxy == args[0];
                }
                return null;
            });

    private static Object[] flatten(Object[] args) {
        if (args.length == 1 && args[0] instanceof Object[] varargs) {
            return varargs;
        }
        return args;
    }

    List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** The entries of one level whose text contains {@code part}. */
    List<Entry> find(String level, String part) {
        return entries().stream().filter(e -> e.level().equals(level) && e.text().contains(part)).toList();
    }

    @Override
    public String toString() {
        return entries().toString();
    }
}
