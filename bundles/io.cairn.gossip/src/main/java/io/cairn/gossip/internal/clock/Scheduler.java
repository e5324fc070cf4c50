package io.cairn.gossip.internal.clock;

import java.time.Duration;

/**
 * Time for the gossip protocol: the real one for agents, a virtual one that tests and the simulation benchmark
 * advance by hand, so that protocol runs are deterministic.
 */
public interface Scheduler {

    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /** Runs {@code task} once after {@code delay}; tasks due at the same time run in the order scheduled. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can be called off. */
    interface Cancellable {
        /** Stops the task from running if it has not yet; does nothing otherwise. */
        void cancel();
    }
}
