package io.cairn.itests;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polling for a condition of a cluster that settles over time, for the integration tests. */
final class Await {

    private Await() {
    }

    /** How long a cluster is given to settle, unless a test says otherwise. */
    static final Duration SETTLE = Duration.ofSeconds(90);

    /** {@link #until(String, Duration, Callable)} within {@link #SETTLE}. */
    static void until(String what, Callable<Boolean> condition) throws Exception {
        until(what, SETTLE, condition);
    }

    /**
     * Asks {@code condition} every 200 ms until it holds, for up to {@code within}; a check that throws counts as
     * "not yet" until the time is up, when its failure is the test's.
     */
    static void until(String what, Duration within, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception | AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    /** The value of {@code callable}, its checked failure turned unchecked: for work handed to another thread. */
    static <T> T unchecked(Callable<T> callable) {
        try {
            return callable.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
