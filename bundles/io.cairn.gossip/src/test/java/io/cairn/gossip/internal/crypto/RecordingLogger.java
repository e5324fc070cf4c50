package io.cairn.gossip.internal.crypto;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/** A {@link Logger} that keeps each message as "level: text", every level enabled. */
final class RecordingLogger {

    private final List<String> entries = new ArrayList<>();
    final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                String name = method.getName();
                if (name.startsWith("is") && name.endsWith("Enabled")) {
                    return true;
                }
                if (List.of("trace", "debug", "info", "warn", "error").contains(name) && args != null
                        && args[0] instanceof String format) {
                    Object[] rest = Arrays.copyOfRange(args, 1, args.length);
                    if (rest.length == 1 && rest[0] instanceof Object[] varargs) {
                        rest = varargs;
                    }
                    synchronized (entries) {
                        entries.add(name + ": " + MessageFormatter.arrayFormat(format, rest).getMessage());
                    }
                    return null;
                }
                return switch (name) {
                    case "getName" -> "recording";
                    case "toString" -> "RecordingLogger";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                };
            });

    /** The messages at {@code level}. */
    List<String> at(String level) {
        synchronized (entries) {
            return entries.stream().filter(e -> e.startsWith(level + ": "))
                    .map(e -> e.substring(level.length() + 2)).toList();
        }
    }
}
