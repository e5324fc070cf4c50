package io.cairn.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/** The path an instrumented bundle's meters take: its own composite, this service, the agent's registry. */
class BundleMeterRegistryTest {
    private final AgentRegistry agent = new AgentRegistry();

    @Test
    void metersCreatedBeforeTheServiceAppearsArePublished() {
        CompositeMeterRegistry bundleMeters = new CompositeMeterRegistry();
        Counter writes = bundleMeters.counter("cairn.test.writes");
        writes.increment();
        bundleMeters.add(new BundleMeterRegistry(agent));
        writes.increment(2);
        assertTrue(agent.scrape(MetricsFormat.PROMETHEUS_TEXT.contentType()).contains("cairn_test_writes_total 2.0"));
    }

    @Test
    void aBundleLettingGoTakesItsMetersOut() {
        CompositeMeterRegistry bundleMeters = new CompositeMeterRegistry();
        AtomicInteger depth = new AtomicInteger(5);
        Gauge.builder("cairn.test.depth", depth, AtomicInteger::get).register(bundleMeters);
        BundleMeterRegistry service = new BundleMeterRegistry(agent);
        bundleMeters.add(service);
        assertTrue(scrape().contains("cairn_test_depth 5.0"));

        bundleMeters.remove(service);
        service.deactivate();
        assertFalse(scrape().contains("cairn_test_depth"));
        assertTrue(agent.meters().stream().noneMatch(m -> m.getId().getName().equals("cairn.test.depth")));

        // the bundle comes back with a new object behind the same name: the agent reads the new one
        AtomicInteger newDepth = new AtomicInteger(9);
        CompositeMeterRegistry again = new CompositeMeterRegistry();
        Gauge.builder("cairn.test.depth", newDepth, AtomicInteger::get).register(again);
        again.add(new BundleMeterRegistry(agent));
        assertTrue(scrape().contains("cairn_test_depth 9.0"));
        assertEquals(1, agent.meters().stream().filter(m -> m.getId().getName().equals("cairn.test.depth")).count());
    }

    private String scrape() {
        return agent.scrape(MetricsFormat.PROMETHEUS_TEXT.contentType());
    }
}
