package io.cairn.event.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.cairn.event.api.UserEvent;
import io.cairn.event.api.UserEvents;

/**
 * The events this agent received: the {@value UserEvents#KEPT} most recent, in the order they arrived, and a
 * change index that grows by one with each. Waiting for a change holds no thread: a waiter is a future,
 * completed by the arrival that moves the index past it and forgotten when cancelled.
 */
final class EventRing {
    private final ArrayDeque<UserEvent> events = new ArrayDeque<>();
    private final Set<CompletableFuture<Long>> waiters = new LinkedHashSet<>();
    private long changeIndex;

    /** Keeps {@code event} as the newest, dropping the oldest beyond the limit, and wakes the waiters. */
    void add(UserEvent event) {
        List<CompletableFuture<Long>> woken;
        long index;
        synchronized (this) {
            events.addLast(event);
            if (events.size() > UserEvents.KEPT) {
                events.removeFirst();
            }
            index = ++changeIndex;
            woken = new ArrayList<>(waiters);
            waiters.clear();
        }
        // outside the lock: a waiter's continuation may read the ring again
        woken.forEach(waiter -> waiter.complete(index));
    }

    /** The kept events, oldest first. */
    synchronized List<UserEvent> events() {
        return List.copyOf(events);
    }

    synchronized long changeIndex() {
        return changeIndex;
    }

    /**
     * Completes with the change index once it is above {@code afterIndex}, at once if it already is. Cancelling
     * the future stops the wait.
     */
    CompletableFuture<Long> awaitChange(long afterIndex) {
        CompletableFuture<Long> waiter = new CompletableFuture<>();
        synchronized (this) {
            if (changeIndex > afterIndex) {
                return CompletableFuture.completedFuture(changeIndex);
            }
            waiters.add(waiter);
        }
        waiter.whenComplete((index, failure) -> {
            if (failure != null) {
                synchronized (this) {
                    waiters.remove(waiter);
                }
            }
        });
        return waiter;
    }

    /** How many waits are pending. */
    synchronized int waiting() {
        return waiters.size();
    }
}
