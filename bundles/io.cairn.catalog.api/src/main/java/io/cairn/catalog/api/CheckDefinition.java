package io.cairn.catalog.api;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a check is run, as recorded in the catalog (Consul's {@code HealthCheckDefinition}). The catalog only
 * stores it; the agent that owns the check runs it.
 *
 * @param http                           URL of an HTTP check, else {@code ""}
 * @param header                         HTTP request headers
 * @param method                         HTTP method ({@code ""} = GET)
 * @param body                           HTTP request body
 * @param tlsServerName                  server name for TLS checks
 * @param tlsSkipVerify                  whether TLS checks skip certificate verification
 * @param tcp                            {@code host:port} of a TCP check, else {@code ""}
 * @param udp                            {@code host:port} of a UDP check, else {@code ""}
 * @param grpc                           target of a gRPC check, else {@code ""}
 * @param grpcUseTls                     whether the gRPC check uses TLS
 * @param osService                      OS service name of an OS-service check, else {@code ""}
 * @param interval                       how often the check runs ({@link Duration#ZERO} if not polled)
 * @param timeout                        how long one run may take ({@link Duration#ZERO} = default)
 * @param deregisterCriticalServiceAfter deregister the service after this long critical (ZERO = never)
 */
public record CheckDefinition(String http, Map<String, List<String>> header, String method, String body,
        String tlsServerName, boolean tlsSkipVerify, String tcp, String udp, String grpc, boolean grpcUseTls,
        String osService, Duration interval, Duration timeout, Duration deregisterCriticalServiceAfter) {

    /** A definition with nothing set. */
    public static final CheckDefinition NONE = new CheckDefinition(null, null, null, null, null, false, null, null,
            null, false, null, null, null, null);

    public CheckDefinition {
        http = Values.text(http);
        header = headers(header);
        method = Values.text(method);
        body = Values.text(body);
        tlsServerName = Values.text(tlsServerName);
        tcp = Values.text(tcp);
        udp = Values.text(udp);
        grpc = Values.text(grpc);
        osService = Values.text(osService);
        interval = interval == null ? Duration.ZERO : interval;
        timeout = timeout == null ? Duration.ZERO : timeout;
        deregisterCriticalServiceAfter = deregisterCriticalServiceAfter == null
                ? Duration.ZERO : deregisterCriticalServiceAfter;
    }

    private static Map<String, List<String>> headers(Map<String, List<String>> header) {
        if (header == null || header.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new TreeMap<>();
        header.forEach((name, values) -> copy.put(name, Values.list(values)));
        return Collections.unmodifiableMap(copy);
    }
}
