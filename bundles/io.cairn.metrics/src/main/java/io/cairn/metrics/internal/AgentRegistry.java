package io.cairn.metrics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The agent's metrics: one Prometheus registry that every bundle's {@link BundleMeterRegistry} writes into,
 * plus the JVM's own meters. Registered under its own class, so only this bundle's components bind it; other
 * bundles see a {@code MeterRegistry}.
 */
@Component(service = AgentRegistry.class)
public final class AgentRegistry {
    private final PrometheusRegistry prometheus = new PrometheusRegistry();
    private final PrometheusMeterRegistry own = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, prometheus,
            Clock.SYSTEM);
    private final Set<MeterRegistry> bundles = new CopyOnWriteArraySet<>();
    private final JvmMeters jvm;

    @Activate
    public AgentRegistry() {
        jvm = JvmMeters.bindTo(own);
    }

    @Deactivate
    void deactivate() {
        jvm.close();
        own.close();
    }

    /** The Prometheus registry that bundle registries publish into. */
    PrometheusRegistry prometheus() {
        return prometheus;
    }

    /** Publishes a bundle's meters in the agent's metrics until {@link #release}d. */
    void track(MeterRegistry registry) {
        bundles.add(registry);
    }

    /** Takes a bundle's meters out of the agent's metrics. */
    void release(MeterRegistry registry) {
        bundles.remove(registry);
        // removing the meters unregisters their collectors from the shared Prometheus registry
        registry.clear();
        registry.close();
    }

    /** Every meter: the JVM's and those of every bundle. */
    List<Meter> meters() {
        List<Meter> meters = new ArrayList<>(own.getMeters());
        for (MeterRegistry registry : bundles) {
            meters.addAll(registry.getMeters());
        }
        return meters;
    }

    /** All meters in a Prometheus text format ({@code contentType} picks which). */
    String scrape(String contentType) {
        return own.scrape(contentType);
    }
}
