package io.cairn.health.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a decoded JSON object into a {@link CheckDefinition} (see {@link CheckDefinition#fromMap}). */
final class DefinitionDecoder {

    private DefinitionDecoder() {
    }

    static CheckDefinition decode(Map<String, ?> fields) {
        CheckDefinitionBuilder builder = CheckDefinition.builder();
        Map<String, Object> extra = new LinkedHashMap<>();
        String script = null;
        boolean argsGiven = false;
        for (Map.Entry<String, ?> entry : fields.entrySet()) {
            String field = entry.getKey();
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            try {
                switch (CheckDefinition.normalise(field)) {
                    case "id", "checkid" -> builder.id(text(value));
                    case "name" -> builder.name(text(value));
                    case "notes" -> builder.notes(text(value));
                    case "serviceid" -> builder.serviceId(text(value));
                    case "status" -> builder.status(status(value));
                    case "interval" -> builder.interval(duration(value));
                    case "timeout" -> builder.timeout(duration(value));
                    case "ttl" -> builder.ttl(duration(value));
                    case "http" -> builder.http(text(value));
                    case "method" -> builder.method(text(value));
                    case "header" -> builder.header(header(value));
                    case "body" -> builder.body(text(value));
                    case "tlsskipverify" -> builder.tlsSkipVerify(bool(value));
                    case "tlsservername" -> builder.tlsServerName(text(value));
                    case "tcp" -> builder.tcp(text(value));
                    case "args", "scriptargs" -> {
                        builder.args(strings(value));
                        argsGiven = true;
                    }
                    case "script" -> script = text(value);
                    case "dockercontainerid" -> builder.dockerContainerId(text(value));
                    case "shell" -> builder.shell(text(value));
                    case "grpc" -> builder.grpc(text(value));
                    case "grpcusetls" -> builder.grpcUseTls(bool(value));
                    case "successbeforepassing" -> builder.successBeforePassing(count(value));
                    case "failuresbeforewarning" -> builder.failuresBeforeWarning(count(value));
                    case "failuresbeforecritical" -> builder.failuresBeforeCritical(count(value));
                    case "deregistercriticalserviceafter" -> builder.deregisterCriticalServiceAfter(duration(value));
                    case "outputmaxsize" -> builder.outputMaxSize(count(value));
                    default -> extra.put(field, value);
                }
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new IllegalArgumentException("Invalid check: " + field + ": " + e.getMessage(), e);
            }
        }
        // Consul runs a legacy Script string through the shell; expressed as Args it needs no special case later.
        if (!argsGiven && script != null && !script.isEmpty()) {
            builder.args(List.of("/bin/sh", "-c", script));
        }
        return builder.extra(extra).build();
    }

    private static String text(Object value) {
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException("expected a string, got " + value);
        }
        return value.toString();
    }

    private static Duration duration(Object value) {
        return GoDuration.parse(value);
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("expected true or false, got " + value);
    }

    private static int count(Object value) {
        try {
            return value instanceof Number n ? Math.toIntExact(n.longValue()) : Integer.parseInt(value.toString());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, got " + value);
        }
    }

    private static CheckStatus status(Object value) {
        String text = text(value);
        if (text.isEmpty()) {
            return null;
        }
        return CheckStatus.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "expected passing, warning or critical, got " + value));
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            List<String> result = new ArrayList<>();
            list.forEach(item -> result.add(text(item)));
            return result;
        }
        return List.of(text(value));
    }

    private static Map<String, List<String>> header(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected an object of header names to lists of values");
        }
        Map<String, List<String>> header = new LinkedHashMap<>();
        map.forEach((headerName, values) -> header.put(text(headerName), values == null ? List.of() : strings(values)));
        return header;
    }
}
