package io.cairn.template.internal.functions;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;

import io.cairn.template.lang.GoFunc;

/** Calls template functions by name the way the template engine does: arguments in template order. */
final class Calls {

    private final Map<String, GoFunc> functions;

    Calls(Map<String, GoFunc> functions) {
        this.functions = functions;
    }

    Object call(String name, Object... args) throws Exception {
        GoFunc f = functions.get(name);
        if (f == null) {
            throw new AssertionError("no function " + name);
        }
        return f.call(Arrays.asList(args));
    }

    /** The message of the exception the call fails with. */
    String error(String name, Object... args) {
        return assertThrows(Exception.class, () -> call(name, args)).getMessage();
    }
}
