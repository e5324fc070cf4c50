package io.cairn.template.internal.runner;

import java.time.Duration;

/**
 * Runs tasks later: retries after a backoff and polls of non-blocking sources (tests run them by hand). Nothing
 * is cancelled: a stopped watch ignores its pending task when it runs.
 */
interface Scheduler {

    void schedule(Duration delay, Runnable task);
}
