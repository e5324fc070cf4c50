package io.cairn.health.api;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A check as the agent registers it (Consul's {@code CheckDefinition}/{@code CheckType}), neutral about which
 * {@link CheckType} runs it. Unset text is {@code ""}, unset durations are {@link Duration#ZERO}, unset
 * collections are empty. Build one with {@link #builder()} or decode a JSON object with {@link #fromMap(Map)}.
 *
 * @param id                             the check's ID, unique on the agent
 * @param name                           human-readable name
 * @param notes                          free text
 * @param serviceId                      the service instance it watches, {@code ""} for a node-level check
 * @param status                         initial status; {@code null} means {@link CheckStatus#CRITICAL}
 * @param interval                       how often a polled check runs
 * @param timeout                        how long one run may take ({@code ZERO}: the engine's default, 10 s)
 * @param ttl                            time to live of a TTL check
 * @param http                           URL of an HTTP check
 * @param method                         HTTP method ({@code ""}: GET)
 * @param header                         HTTP request headers, each name with its values
 * @param body                           HTTP request body
 * @param tlsSkipVerify                  whether TLS checks skip certificate verification
 * @param tlsServerName                  server name for TLS checks
 * @param tcp                            {@code host:port} of a TCP check
 * @param args                           command of a script or Docker check ({@code Args} ≡ {@code ScriptArgs};
 *                                       a legacy {@code Script} string becomes {@code /bin/sh -c <script>})
 * @param dockerContainerId              container of a Docker check
 * @param shell                          shell of a Docker check
 * @param grpc                           target of a gRPC check
 * @param grpcUseTls                     whether the gRPC check uses TLS
 * @param successBeforePassing           consecutive successes needed before the status becomes passing/warning
 * @param failuresBeforeWarning          consecutive failures before the status becomes warning (0: same as
 *                                       {@code failuresBeforeCritical})
 * @param failuresBeforeCritical         consecutive failures before the status becomes critical
 * @param deregisterCriticalServiceAfter deregister the service after it was critical this long ({@code ZERO}:
 *                                       never)
 * @param outputMaxSize                  the most bytes of output kept (0 or unset: {@value #DEFAULT_OUTPUT_MAX_SIZE})
 * @param extra                          fields Cairn's definition does not model, by the name they were given
 *                                       with, for check types contributed by other bundles
 */
public record CheckDefinition(String id, String name, String notes, String serviceId, CheckStatus status,
        Duration interval, Duration timeout, Duration ttl, String http, String method,
        Map<String, List<String>> header, String body, boolean tlsSkipVerify, String tlsServerName, String tcp,
        List<String> args, String dockerContainerId, String shell, String grpc, boolean grpcUseTls,
        int successBeforePassing, int failuresBeforeWarning, int failuresBeforeCritical,
        Duration deregisterCriticalServiceAfter, int outputMaxSize, Map<String, Object> extra) {

    /** Consul's default output limit, 4 KiB. */
    public static final int DEFAULT_OUTPUT_MAX_SIZE = 4096;

    public CheckDefinition {
        id = text(id);
        name = text(name);
        notes = text(notes);
        serviceId = text(serviceId);
        interval = duration(interval, "Interval");
        timeout = duration(timeout, "Timeout");
        ttl = duration(ttl, "TTL");
        http = text(http);
        method = text(method);
        header = headers(header);
        body = text(body);
        tlsServerName = text(tlsServerName);
        tcp = text(tcp);
        args = args == null ? List.of() : List.copyOf(args);
        dockerContainerId = text(dockerContainerId);
        shell = text(shell);
        grpc = text(grpc);
        count(successBeforePassing, "SuccessBeforePassing");
        count(failuresBeforeWarning, "FailuresBeforeWarning");
        count(failuresBeforeCritical, "FailuresBeforeCritical");
        deregisterCriticalServiceAfter = duration(deregisterCriticalServiceAfter, "DeregisterCriticalServiceAfter");
        count(outputMaxSize, "OutputMaxSize");
        outputMaxSize = outputMaxSize == 0 ? DEFAULT_OUTPUT_MAX_SIZE : outputMaxSize;
        extra = extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** An empty builder. */
    public static CheckDefinitionBuilder builder() {
        return new CheckDefinitionBuilder();
    }

    /** A builder holding this definition's values. */
    public CheckDefinitionBuilder toBuilder() {
        return new CheckDefinitionBuilder(this);
    }

    /**
     * Decodes a check definition given as a JSON object (Consul's API or config-file form): names match
     * case-insensitively and with or without underscores ({@code DockerContainerID}, {@code docker_container_id});
     * {@code ID} and {@code CheckID}, {@code Args} and {@code ScriptArgs} are the same field; durations are Go
     * duration strings or numbers of nanoseconds; other fields go to {@link #extra()}.
     *
     * @throws IllegalArgumentException naming the field whose value cannot be used
     */
    public static CheckDefinition fromMap(Map<String, ?> fields) {
        return DefinitionDecoder.decode(fields);
    }

    /**
     * The value of a field named as in Consul (any case, underscores ignored, {@link #extra()} included), or
     * empty when it is unset: null, {@code ""}, an empty collection, {@code false}, zero.
     */
    public Optional<Object> field(String fieldName) {
        Object value = switch (normalise(fieldName)) {
            case "id", "checkid" -> id;
            case "name" -> name;
            case "notes" -> notes;
            case "serviceid" -> serviceId;
            case "status" -> status == null ? null : status.text();
            case "interval" -> interval;
            case "timeout" -> timeout;
            case "ttl" -> ttl;
            case "http" -> http;
            case "method" -> method;
            case "header" -> header;
            case "body" -> body;
            case "tlsskipverify" -> tlsSkipVerify;
            case "tlsservername" -> tlsServerName;
            case "tcp" -> tcp;
            case "args", "scriptargs" -> args;
            case "dockercontainerid" -> dockerContainerId;
            case "shell" -> shell;
            case "grpc" -> grpc;
            case "grpcusetls" -> grpcUseTls;
            case "successbeforepassing" -> successBeforePassing;
            case "failuresbeforewarning" -> failuresBeforeWarning;
            case "failuresbeforecritical" -> failuresBeforeCritical;
            case "deregistercriticalserviceafter" -> deregisterCriticalServiceAfter;
            case "outputmaxsize" -> outputMaxSize;
            default -> extraField(fieldName);
        };
        return isUnset(value) ? Optional.empty() : Optional.of(value);
    }

    /** Whether this is a TTL check: it has a {@link #ttl()}, and its status comes from updates, not from runs. */
    public boolean isTtl() {
        return !ttl.isZero();
    }

    /**
     * Whether the check runs a command on the agent's machine: it has {@link #args()} and is not a Docker check
     * (which runs its command inside a container). Consul lets such checks register only with
     * {@code enable_script_checks} (or {@code enable_local_script_checks} for local definitions).
     */
    public boolean isScript() {
        return !args.isEmpty() && dockerContainerId.isEmpty();
    }

    /** Whether {@link #field(String)} has a value. */
    public boolean isSet(String fieldName) {
        return field(fieldName).isPresent();
    }

    private Object extraField(String fieldName) {
        String wanted = normalise(fieldName);
        for (Map.Entry<String, Object> entry : extra.entrySet()) {
            if (normalise(entry.getKey()).equals(wanted)) {
                return entry.getValue();
            }
        }
        return null;
    }

    static String normalise(String fieldName) {
        return fieldName.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static boolean isUnset(Object value) {
        return value == null
                || value instanceof String s && s.isEmpty()
                || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty()
                || Boolean.FALSE.equals(value)
                || value instanceof Duration d && d.isZero()
                || value instanceof Number n && n.doubleValue() == 0;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Duration duration(Duration value, String field) {
        if (value == null) {
            return Duration.ZERO;
        }
        if (value.isNegative()) {
            throw new IllegalArgumentException("Invalid check: " + field + " must not be negative");
        }
        return value;
    }

    private static void count(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException("Invalid check: " + field + " must not be negative");
        }
    }

    private static Map<String, List<String>> headers(Map<String, List<String>> header) {
        if (header == null || header.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new TreeMap<>();
        header.forEach((headerName, values) -> copy.put(headerName, values == null ? List.of() : List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
