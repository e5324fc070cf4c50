package io.cairn.metrics.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The {@link MeterRegistry} service, one registry per bundle that uses it, all publishing into the
 * {@link AgentRegistry}'s Prometheus registry. When the bundle lets go of it (the bundle stops, or its component
 * deactivates) its meters leave the agent's metrics: otherwise a stopped bundle would leave gauges reading
 * objects nobody updates, and a restarted one would be handed the stale gauge back under the same name.
 * <p>
 * Instrumented bundles keep their own {@link CompositeMeterRegistry}, create their meters on it at activation
 * and add this service to it through an optional dynamic reference: without the metrics feature their meters
 * are no-ops, and they never restart when the feature comes or goes. Meter names must differ between bundles
 * (each uses its own {@code cairn.<subsystem>.} prefix): Prometheus allows one meter family per name.
 */
@Component(service = MeterRegistry.class, scope = ServiceScope.BUNDLE)
public final class BundleMeterRegistry extends PrometheusMeterRegistry {
    private final AgentRegistry agent;

    @Activate
    public BundleMeterRegistry(@Reference AgentRegistry agent) {
        super(PrometheusConfig.DEFAULT, agent.prometheus(), Clock.SYSTEM);
        this.agent = agent;
        agent.track(this);
    }

    @Deactivate
    void deactivate() {
        agent.release(this);
    }
}
