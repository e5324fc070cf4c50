package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** When the agent counts as started: boot bundles started, then endpoint components registered or given up on. */
class BootReadinessTest {
    private static final Duration GRACE = Duration.ofSeconds(60);

    /** Signals set by the test. */
    private static final class FakeSignals implements BootReadiness.Signals {
        boolean bundlesStarted;
        boolean stopping;
        final List<String> waiting = new ArrayList<>();
        int endpointQueries;

        @Override
        public boolean bundlesStarted() {
            return bundlesStarted;
        }

        @Override
        public List<String> waitingEndpoints() {
            endpointQueries++;
            return List.copyOf(waiting);
        }

        @Override
        public boolean stopping() {
            return stopping;
        }
    }

    private final FakeSignals signals = new FakeSignals();
    private long now = 1_000;
    private final BootReadiness readiness = new BootReadiness(signals, () -> now, GRACE);

    @Test
    void notStartedWhileTheBootBundlesAreNot() {
        assertFalse(readiness.check());
        assertFalse(readiness.getAsBoolean());
        assertEquals(0, signals.endpointQueries, "endpoints are asked about only once the bundles started");
    }

    @Test
    void startedOnceTheBundlesAreAndNoEndpointWaits() {
        assertFalse(readiness.check());
        signals.bundlesStarted = true;
        assertTrue(readiness.check());
        assertTrue(readiness.getAsBoolean());
    }

    @Test
    void notStartedOnceTheAgentShutsDown() {
        signals.bundlesStarted = true;
        assertTrue(readiness.check());
        signals.stopping = true;
        assertFalse(readiness.getAsBoolean(), "subsystems remove their endpoints while the agent stops");
    }

    @Test
    void waitsForEndpointComponentsThatWaitForServices() {
        signals.bundlesStarted = true;
        signals.waiting.add("io.cairn.kv.internal.http.KvRoutes (needs store)");
        assertFalse(readiness.check());
        now += GRACE.toNanos() / 2;
        assertFalse(readiness.check());
        assertFalse(readiness.getAsBoolean());
        signals.waiting.clear();
        assertTrue(readiness.check());
    }

    @Test
    void givesUpOnAnEndpointComponentThatStillWaitsAfterTheGrace() {
        signals.waiting.add("io.cairn.txn.internal.http.TxnEndpoint (needs kv)");
        assertFalse(readiness.check());
        now += GRACE.toNanos() * 2;
        assertFalse(readiness.check(), "the grace counts from when the bundles started, not from the first check");
        signals.bundlesStarted = true;
        assertFalse(readiness.check());
        now += GRACE.toNanos() - 1;
        assertFalse(readiness.check());
        now += 1;
        assertTrue(readiness.check());
    }

    @Test
    void onceStartedStaysStartedWhateverComesAndGoes() {
        signals.bundlesStarted = true;
        assertTrue(readiness.check());
        int asked = signals.endpointQueries;
        signals.bundlesStarted = false;
        signals.waiting.add("io.cairn.txn.internal.http.TxnEndpoint (needs kv)");
        assertTrue(readiness.check());
        assertTrue(readiness.getAsBoolean());
        assertEquals(asked, signals.endpointQueries, "no more questions once started");
    }
}
