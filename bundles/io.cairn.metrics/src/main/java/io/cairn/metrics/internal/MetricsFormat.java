package io.cairn.metrics.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The formats {@code /v1/agent/metrics} answers in, and how a request picks one, as Consul does: JSON unless
 * the client asks for Prometheus with {@code ?format=prometheus} or an {@code Accept} header naming a Prometheus
 * text format; OpenMetrics whenever {@code Accept} names it (a Prometheus server scraping sends both and prefers
 * OpenMetrics).
 */
enum MetricsFormat {
    JSON("application/json"),
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8"),
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private final String contentType;

    MetricsFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    static MetricsFormat negotiate(Optional<String> formatParam, Optional<String> accept) {
        String acceptValue = accept.orElse("").toLowerCase(Locale.ROOT).replace(" ", "");
        if (acceptValue.contains("application/openmetrics-text")) {
            return OPENMETRICS;
        }
        if (formatParam.filter("prometheus"::equals).isPresent() || acceptsPrometheusText(acceptValue)) {
            return PROMETHEUS_TEXT;
        }
        return JSON;
    }

    /** {@code text/plain;version=0.0.4} (Prometheus' own text format; Consul also accepts {@code 0.4.0}). */
    private static boolean acceptsPrometheusText(String accept) {
        for (String range : accept.split(",")) {
            if (range.startsWith("text/plain;") && (range.contains("version=0.0.4") || range.contains("version=0.4.0"))) {
                return true;
            }
        }
        return false;
    }
}
