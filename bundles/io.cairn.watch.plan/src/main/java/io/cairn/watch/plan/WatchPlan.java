package io.cairn.watch.plan;

import java.io.IOException;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs one watch with Consul's rules: query at once and hand the result over; then block on the last index and
 * hand over again when the answer's index changed <em>and</em> its data differs from what was handed over last.
 * An index lower than the previous one (a restored or restarted cluster) resets the next query to index 0.
 * Failures back off quadratically ({@value #RETRY_MILLIS} ms times the square of the failures in a row, at most
 * {@value #MAX_BACKOFF_MILLIS} ms), reset by the next success.
 */
public final class WatchPlan {
    static final long RETRY_MILLIS = 5_000;
    static final long MAX_BACKOFF_MILLIS = 180_000;

    /** How the plan pauses between failed attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    private final WatchQuery query;
    private final WatchFetch fetch;
    private final Pause pause;
    private final Consumer<String> errors;
    private volatile boolean stopped;
    private volatile Thread runner;

    /**
     * @param spec   what to watch
     * @param fetch  how to reach the agent
     * @param pause  how to wait before a retry
     * @param errors where failures are reported (one line each)
     * @throws IllegalArgumentException if the spec is not valid
     */
    public WatchPlan(WatchSpec spec, WatchFetch fetch, Pause pause, Consumer<String> errors) {
        this.query = new WatchQuery(spec);
        this.fetch = fetch;
        this.pause = pause;
        this.errors = errors;
    }

    /** Runs until {@link #stop()} or until the handler throws {@link StopWatch}; returns normally then. */
    public void run(WatchHandler handler) {
        runner = Thread.currentThread();
        long lastIndex = 0;
        boolean handled = false;
        JsonNode lastResult = null;
        int failures = 0;
        while (!stopped) {
            Fetched answer;
            JsonNode result;
            try {
                answer = fetch.get(query.path, query.params, lastIndex);
                result = query.result(answer, lastIndex);
            } catch (IOException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                failures++;
                long retry = Math.min(RETRY_MILLIS * failures * failures, MAX_BACKOFF_MILLIS);
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                errors.accept("Watch errored (" + query.path + "): " + why + "; retry in "
                        + retry / 1000 + "s");
                lastIndex = 0;
                try {
                    pause.sleep(retry);
                } catch (InterruptedException interrupted) {
                    return;
                }
                continue;
            }
            if (stopped) {
                return;
            }
            failures = 0;
            long index = answer.index();
            if (handled && index == lastIndex) {
                continue;
            }
            long previous = lastIndex;
            lastIndex = Long.compareUnsigned(previous, index) > 0 ? 0 : index;
            if (handled && result.equals(lastResult)) {
                continue;
            }
            lastResult = result;
            handled = true;
            try {
                handler.handle(index, result);
            } catch (StopWatch stop) {
                return;
            } catch (Exception e) {
                errors.accept("Watch handler failed: " + e.getMessage());
            }
        }
    }

    /** Ends {@link #run} as soon as possible, interrupting a query in progress. */
    public void stop() {
        stopped = true;
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Thrown by a handler to end the plan after it (a {@code cairn watch} without handler prints once). */
    public static final class StopWatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StopWatch() {
            super("watch stopped by its handler", null, false, false);
        }
    }
}
