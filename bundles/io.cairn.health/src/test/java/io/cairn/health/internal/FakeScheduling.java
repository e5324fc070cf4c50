package io.cairn.health.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;

/** Time that moves only when a test says so; due tasks run on the test's thread, in order. */
final class FakeScheduling implements Scheduling {

    private final class Task implements Scheduled {
        final Duration due;
        final long order;
        final Runnable action;
        boolean cancelled;

        Task(Duration due, long order, Runnable action) {
            this.due = due;
            this.order = order;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            Comparator.comparing((Task task) -> task.due).thenComparingLong(task -> task.order));
    private Duration now = Duration.ZERO;
    private long order;

    @Override
    public synchronized Scheduled schedule(Duration delay, Runnable action) {
        Task task = new Task(now.plus(delay), order++, action);
        tasks.add(task);
        return task;
    }

    /** Moves time forward by {@code step}, running every task that falls due on the way. */
    void advance(Duration step) {
        Duration end = now.plus(step);
        while (true) {
            Task task;
            synchronized (this) {
                task = tasks.peek();
                if (task == null || task.due.compareTo(end) > 0) {
                    break;
                }
                tasks.poll();
                now = task.due;
            }
            if (!task.cancelled) {
                task.action.run();
            }
        }
        synchronized (this) {
            now = end;
        }
    }

    /** Tasks that are scheduled and not cancelled. */
    synchronized long pending() {
        return tasks.stream().filter(task -> !task.cancelled).count();
    }
}
