package io.cairn.exec.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;

/**
 * Follows the events this agent receives and starts a job for each new {@value UserEvents#REMOTE_EXEC} event,
 * or, when remote exec is disabled, only notes that it ignored one. Events that were there before it started are
 * never run (a restarted agent must not repeat old jobs). Waiting holds no thread.
 */
final class RemoteExec {
    /** Runs one job described by an event's payload. */
    @FunctionalInterface
    interface Jobs {
        void run(JobSpec.Location job) throws InterruptedException;
    }

    private final UserEvents events;
    private final boolean enabled;
    private final Jobs jobs;
    private final Executor executor;
    private final Consumer<String> log;
    private volatile boolean stopped;
    private volatile CompletableFuture<Long> pending;
    /** Logical time of the newest event already dealt with. */
    private long seenLTime;

    RemoteExec(UserEvents events, boolean enabled, Jobs jobs, Executor executor, Consumer<String> log) {
        this.events = events;
        this.enabled = enabled;
        this.jobs = jobs;
        this.executor = executor;
        this.log = log;
    }

    void start() {
        long index = events.changeIndex();
        seenLTime = index;
        waitAfter(index);
    }

    void stop() {
        stopped = true;
        CompletableFuture<Long> waiting = pending;
        if (waiting != null) {
            waiting.cancel(false);
        }
    }

    private void waitAfter(long index) {
        if (stopped) {
            return;
        }
        CompletableFuture<Long> change = events.awaitChange(index);
        pending = change;
        change.whenComplete((newIndex, failure) -> {
            if (failure != null || stopped) {
                return;
            }
            events.received().whenComplete((received, error) -> {
                if (error != null) {
                    log.accept("remote exec: reading events failed: " + error.getMessage());
                } else {
                    dispatch(received);
                }
                waitAfter(newIndex);
            });
        });
    }

    private synchronized void dispatch(List<UserEvent> received) {
        for (UserEvent event : received) {
            if (event.lTime() <= seenLTime) {
                continue;
            }
            seenLTime = event.lTime();
            if (!event.name().equals(UserEvents.REMOTE_EXEC)) {
                continue;
            }
            if (!enabled) {
                log.accept("ignoring remote exec event " + event.id() + ": remote exec is disabled"
                        + " (set disable_remote_exec to false in the agent's config to allow it)");
                continue;
            }
            JobSpec.Location job;
            try {
                job = JobSpec.Location.parse(event.payload());
            } catch (IOException e) {
                log.accept("ignoring remote exec event " + event.id() + ": " + e.getMessage());
                continue;
            }
            executor.execute(() -> {
                try {
                    jobs.run(job);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
