package io.cairn.exec.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

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
    /**
     * IDs of the received events already dealt with: those of the last list read, which holds at most
     * {@link UserEvents#KEPT}. Events arrive in no particular order of logical time (each agent fires with its own
     * clock), so an ID, not a time, tells a new event from one dealt with.
     */
    private Set<String> seen = Set.of();

    RemoteExec(UserEvents events, boolean enabled, Jobs jobs, Executor executor, Consumer<String> log) {
        this.events = events;
        this.enabled = enabled;
        this.jobs = jobs;
        this.executor = executor;
        this.log = log;
    }

    /** Starts following the events; those received already are taken as dealt with. */
    void start() {
        long index = events.changeIndex();
        events.received().whenComplete((received, error) -> {
            if (error != null) {
                log.accept("remote exec: reading events failed: " + error.getMessage());
            } else {
                takeAsDealtWith(received);
            }
            waitAfter(index);
        });
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

    private synchronized void takeAsDealtWith(List<UserEvent> received) {
        seen = ids(received);
    }

    private synchronized void dispatch(List<UserEvent> received) {
        Set<String> before = seen;
        seen = ids(received);
        for (UserEvent event : received) {
            if (before.contains(event.id()) || !event.name().equals(UserEvents.REMOTE_EXEC)) {
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

    private static Set<String> ids(List<UserEvent> events) {
        return events.stream().map(UserEvent::id).collect(Collectors.toUnmodifiableSet());
    }
}
