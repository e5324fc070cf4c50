package io.cairn.health.internal;

import java.time.Duration;

/** Runs tasks later: the engine's only notion of time, so tests can drive it by hand. */
interface Scheduling {

    /** Runs {@code task} once after {@code delay}. */
    Scheduled schedule(Duration delay, Runnable task);

    /** A task that has been scheduled. */
    interface Scheduled {

        /** Makes sure the task does not run (if it has not started yet). */
        void cancel();
    }
}
