package io.cairn.template.internal.functions;

import java.util.List;
import java.util.Map;

import io.cairn.template.lang.GoFunc;

/** {@code env}, {@code mustEnv} and {@code envOrDefault} over a given environment. */
final class EnvFunctions {

    private EnvFunctions() {
    }

    static Map<String, GoFunc> all(Map<String, String> environment) {
        Map<String, String> env = Map.copyOf(environment);
        return Map.of(
                "env", args -> {
                    Args.count("env", args, 1);
                    return env.getOrDefault(Args.string(args, 0), "");
                },
                "mustEnv", args -> {
                    Args.count("mustEnv", args, 1);
                    String name = Args.string(args, 0);
                    String value = env.getOrDefault(name, "");
                    if (value.isEmpty()) {
                        throw new IllegalArgumentException("required environment variable " + name + " is empty");
                    }
                    return value;
                },
                "envOrDefault", (List<Object> args) -> {
                    Args.count("envOrDefault", args, 2);
                    String value = env.get(Args.string(args, 0));
                    return value != null ? value : Args.string(args, 1);
                });
    }
}
