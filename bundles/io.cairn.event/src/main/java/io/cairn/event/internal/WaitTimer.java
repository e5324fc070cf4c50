package io.cairn.event.internal;

/** Schedules the end of a blocking wait; a fake in tests. */
interface WaitTimer {

    /** Runs {@code task} after {@code delayNanos}; the returned action cancels it. */
    Runnable schedule(Runnable task, long delayNanos);
}
