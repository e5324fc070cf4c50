package io.cairn.catalog.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cairn.health.api.CheckDefinition;

/**
 * What the catalog records of a check's {@link CheckDefinition} (Consul's {@code HealthCheckDefinition}): only the
 * fields that say how the check runs, not its ID, name, command or thresholds. The UDP and OS-service targets,
 * which the health API's definition does not model, are kept in its {@link CheckDefinition#extra()} under
 * {@value #UDP} and {@value #OS_SERVICE}.
 */
public final class CheckDefinitions {

    /** The {@link CheckDefinition#extra()} name of a UDP check's {@code host:port}. */
    public static final String UDP = "UDP";
    /** The {@link CheckDefinition#extra()} name of an OS-service check's service name. */
    public static final String OS_SERVICE = "OSService";

    private CheckDefinitions() {
    }

    /**
     * A definition as the catalog records it; {@code null} values are unset.
     *
     * @param udp       {@code host:port} of a UDP check
     * @param osService OS service name of an OS-service check
     */
    public static CheckDefinition of(String http, Map<String, List<String>> header, String method, String body,
            String tlsServerName, boolean tlsSkipVerify, String tcp, String udp, String grpc, boolean grpcUseTls,
            String osService, Duration interval, Duration timeout, Duration deregisterCriticalServiceAfter) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (udp != null && !udp.isEmpty()) {
            extra.put(UDP, udp);
        }
        if (osService != null && !osService.isEmpty()) {
            extra.put(OS_SERVICE, osService);
        }
        return CheckDefinition.builder().http(http).header(header).method(method).body(body)
                .tlsServerName(tlsServerName).tlsSkipVerify(tlsSkipVerify).tcp(tcp).grpc(grpc).grpcUseTls(grpcUseTls)
                .interval(interval).timeout(timeout).deregisterCriticalServiceAfter(deregisterCriticalServiceAfter)
                .extra(extra).build();
    }

    /** The part of {@code definition} the catalog records; {@code null} is a definition with nothing set. */
    public static CheckDefinition recorded(CheckDefinition definition) {
        CheckDefinition d = definition == null ? CheckDefinition.builder().build() : definition;
        return of(d.http(), d.header(), d.method(), d.body(), d.tlsServerName(), d.tlsSkipVerify(), d.tcp(), udp(d),
                d.grpc(), d.grpcUseTls(), osService(d), d.interval(), d.timeout(), d.deregisterCriticalServiceAfter());
    }

    /** The {@code host:port} of a UDP check, {@code ""} if {@code definition} has none. */
    public static String udp(CheckDefinition definition) {
        return text(definition, UDP);
    }

    /** The OS service name of an OS-service check, {@code ""} if {@code definition} has none. */
    public static String osService(CheckDefinition definition) {
        return text(definition, OS_SERVICE);
    }

    private static String text(CheckDefinition definition, String field) {
        return definition.field(field).map(String::valueOf).orElse("");
    }
}
