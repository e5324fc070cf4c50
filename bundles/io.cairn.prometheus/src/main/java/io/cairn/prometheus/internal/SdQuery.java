package io.cairn.prometheus.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.cairn.catalog.api.ServiceQuery;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;

/**
 * What a {@code /v1/prometheus/sd} request asks for: the services (all when none is named), and the filters
 * of Consul's health endpoint ({@code tag} repeatable and all required, {@code node-meta=key:value}
 * repeatable, {@code passing} read by value as Go's {@code strconv.ParseBool} reads it, a bare
 * {@code ?passing} meaning true). The server refuses a {@code dc} other than this agent's.
 */
record SdQuery(List<String> services, ServiceQuery filter) {

    static SdQuery of(Request request) {
        List<String> services = List.copyOf(new LinkedHashSet<>(request.params("service")));
        return new SdQuery(services, new ServiceQuery(request.params("tag"), nodeMeta(request.params("node-meta")),
                passing(request.param("passing"))));
    }

    static Map<String, String> nodeMeta(List<String> values) {
        Map<String, String> meta = new LinkedHashMap<>();
        for (String value : values) {
            int colon = value.indexOf(':');
            if (colon < 0) {
                throw HttpException.badRequest("Invalid node-meta '" + value + "': use key:value");
            }
            meta.put(value.substring(0, colon), value.substring(colon + 1));
        }
        return meta;
    }

    static boolean passing(Optional<String> value) {
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "", "1", "t", "true" -> true;
            case "0", "f", "false" -> false;
            default -> throw HttpException.badRequest("Invalid value for ?passing");
        };
    }
}
