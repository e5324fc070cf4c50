package io.cairn.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class MetricsFormatTest {

    @Test
    void jsonUnlessPrometheusIsAskedFor() {
        assertEquals(MetricsFormat.JSON, MetricsFormat.negotiate(Optional.empty(), Optional.empty()));
        assertEquals(MetricsFormat.JSON, MetricsFormat.negotiate(Optional.of("json"), Optional.of("*/*")));
        assertEquals(MetricsFormat.JSON, MetricsFormat.negotiate(Optional.empty(), Optional.of("text/plain")));
    }

    @Test
    void formatParameterSelectsPrometheusText() {
        assertEquals(MetricsFormat.PROMETHEUS_TEXT, MetricsFormat.negotiate(Optional.of("prometheus"), Optional.empty()));
    }

    @Test
    void acceptHeaderSelectsPrometheusText() {
        assertEquals(MetricsFormat.PROMETHEUS_TEXT,
                MetricsFormat.negotiate(Optional.empty(), Optional.of("text/plain; version=0.0.4")));
        assertEquals(MetricsFormat.PROMETHEUS_TEXT,
                MetricsFormat.negotiate(Optional.empty(), Optional.of("text/plain;version=0.4.0;q=0.5,*/*;q=0.1")));
    }

    @Test
    void openMetricsWinsWhenAccepted() {
        String prometheusScraper = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
                + "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
        assertEquals(MetricsFormat.OPENMETRICS,
                MetricsFormat.negotiate(Optional.of("prometheus"), Optional.of(prometheusScraper)));
        assertEquals(MetricsFormat.OPENMETRICS, MetricsFormat.negotiate(Optional.empty(), Optional.of(prometheusScraper)));
    }
}
