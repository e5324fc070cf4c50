package io.cairn.gossip.internal.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.cairn.gossip.internal.clock.VirtualScheduler;

class SuspicionTest {
    private static final Duration MIN = Duration.ofSeconds(4);
    private static final Duration MAX = Duration.ofSeconds(24);

    @Test
    void theTimeoutStartsAtTheMaximumAndReachesTheMinimumWithTheExpectedConfirmations() {
        assertEquals(MAX, Suspicion.timeout(0, 3, MIN, MAX));
        assertEquals(MIN, Suspicion.timeout(3, 3, MIN, MAX));
        Duration one = Suspicion.timeout(1, 3, MIN, MAX);
        assertTrue(one.compareTo(MIN) > 0 && one.compareTo(MAX) < 0);
        assertEquals(MIN, Suspicion.timeout(0, 0, MIN, MAX), "nobody to confirm: the minimum at once");
    }

    @Test
    void onlyIndependentConfirmationsBringTheDeadlineForward() {
        VirtualScheduler clock = new VirtualScheduler();
        AtomicReference<Duration> firedAt = new AtomicReference<>();
        Suspicion suspicion = new Suspicion("a", 2, MIN, MAX, clock,
                () -> firedAt.set(Duration.ofNanos(clock.nanoTime())));

        clock.advance(Duration.ofSeconds(1));
        assertFalse(suspicion.confirm("a"), "the first suspector again");
        assertTrue(suspicion.confirm("b"));
        assertFalse(suspicion.confirm("b"));
        assertTrue(suspicion.confirm("c"));
        assertFalse(suspicion.confirm("d"), "more than expected");
        clock.advance(Duration.ofSeconds(10));

        assertEquals(MIN, firedAt.get());
    }

    @Test
    void aCancelledSuspicionNeverFires() {
        VirtualScheduler clock = new VirtualScheduler();
        AtomicReference<String> fired = new AtomicReference<>();
        Suspicion suspicion = new Suspicion("a", 2, MIN, MAX, clock, () -> fired.set("fired"));

        suspicion.cancel();
        clock.advance(Duration.ofMinutes(1));

        assertEquals(null, fired.get());
    }
}
