package io.cairn.gossip.internal.clock;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A clock that only moves when told to: {@link #advance} runs every task that falls due on the way, each at its
 * own due time, those due at the same instant in the order they were scheduled. Tasks may schedule further tasks,
 * which run in the same advance if they fall due in it. For tests and the simulation benchmark; not thread-safe
 * (one thread schedules and advances).
 */
public final class VirtualScheduler implements Scheduler {
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    private static final class Task implements Comparable<Task>, Cancellable {
        final long due;
        final long order;
        final Runnable action;
        boolean cancelled;

        Task(long due, long order, Runnable action) {
            this.due = due;
            this.order = order;
            this.action = action;
        }

        @Override
        public int compareTo(Task other) {
            int byDue = Long.compare(due, other.due);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Task scheduled = new Task(now + Math.max(0, delay.toNanos()), sequence++, task);
        queue.add(scheduled);
        return scheduled;
    }

    /** Moves the clock forward by {@code duration}, running every task due up to the new time. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cannot move a clock backwards: " + duration);
        }
        long until = now + duration.toNanos();
        while (!queue.isEmpty() && queue.peek().due <= until) {
            Task task = queue.poll();
            now = task.due;
            if (!task.cancelled) {
                task.action.run();
            }
        }
        now = until;
    }

    /** How many tasks are waiting (cancelled ones included until their time comes). */
    public int pending() {
        return queue.size();
    }
}
