package io.cairn.raft.internal.node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Coalesces commands submitted concurrently into one log entry. Every entry costs Raft the same bookkeeping
 * whatever it carries (the leader's pending request and retry-cache record, the log record and its checksum, an
 * element of every append to each follower, and one apply and reply), and under load that per-entry work was
 * most of a write's CPU on three servers. At most {@code maxInFlight} entries are outstanding; commands arriving
 * meanwhile wait and leave together in the next one. A lone writer therefore goes straight through, and a busy
 * server writes fewer, larger entries: batching follows the load, with no timer. Entries are sent in the order
 * their commands were submitted, so commands one caller submits without waiting keep their order in the log
 * while the leader stays the same.
 *
 * @param <C> a command
 * @param <R> a command's outcome
 */
final class CommandBatcher<C, R> {

    private record Waiting<C, R>(C command, CompletableFuture<R> outcome) {
    }

    private final Function<List<C>, CompletionStage<List<R>>> sender;
    private final ToIntFunction<C> sizeOf;
    private final int maxInFlight;
    private final int maxCommands;
    private final int maxBytes;
    private final Executor completions;
    private final ArrayDeque<Waiting<C, R>> waiting = new ArrayDeque<>();
    /** Held by the one thread taking and sending entries, which keeps entries in submission order. */
    private final ReentrantLock sending = new ReentrantLock();
    private int inFlight;

    /**
     * @param sender      sends one entry's commands and completes with their outcomes, in order
     * @param sizeOf      a command's size in bytes
     * @param maxInFlight entries sent and not yet completed, at most
     * @param maxCommands commands in one entry, at most
     * @param maxBytes    bytes in one entry, at most (a larger command goes alone)
     * @param completions where outcomes are delivered and the next entry is sent from, never the thread that
     *                    completed the sender's stage (for a leader, Raft's apply thread)
     */
    CommandBatcher(Function<List<C>, CompletionStage<List<R>>> sender, ToIntFunction<C> sizeOf, int maxInFlight,
            int maxCommands, int maxBytes, Executor completions) {
        this.sender = sender;
        this.sizeOf = sizeOf;
        this.maxInFlight = maxInFlight;
        this.maxCommands = maxCommands;
        this.maxBytes = maxBytes;
        this.completions = completions;
    }

    CompletableFuture<R> submit(C command) {
        CompletableFuture<R> outcome = new CompletableFuture<>();
        synchronized (this) {
            waiting.add(new Waiting<>(command, outcome));
        }
        sendWhatMayGo();
        return outcome;
    }

    /**
     * Sends entries while a slot is free and commands wait. One thread does it at a time; a thread that finds
     * another one at it leaves its commands to that one, which looks again before it stops.
     */
    private void sendWhatMayGo() {
        while (sending.tryLock()) {
            try {
                for (List<Waiting<C, R>> batch = takeBatch(); batch != null; batch = takeBatch()) {
                    send(batch);
                }
            } finally {
                sending.unlock();
            }
            synchronized (this) {
                if (waiting.isEmpty() || inFlight >= maxInFlight) {
                    return;
                }
            }
        }
    }

    /** The next entry's commands if one may be sent now, counted as in flight; null otherwise. */
    private synchronized List<Waiting<C, R>> takeBatch() {
        if (inFlight >= maxInFlight || waiting.isEmpty()) {
            return null;
        }
        inFlight++;
        List<Waiting<C, R>> batch = new ArrayList<>(Math.min(waiting.size(), maxCommands));
        int bytes = 0;
        while (!waiting.isEmpty() && batch.size() < maxCommands) {
            int size = sizeOf.applyAsInt(waiting.peek().command());
            if (!batch.isEmpty() && bytes + size > maxBytes) {
                break;
            }
            batch.add(waiting.poll());
            bytes += size;
        }
        return batch;
    }

    private void send(List<Waiting<C, R>> batch) {
        CompletionStage<List<R>> sent;
        try {
            sent = sender.apply(batch.stream().map(Waiting::command).toList());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((outcomes, failure) -> {
            try {
                completions.execute(() -> sent(batch, outcomes, failure));
            } catch (RejectedExecutionException e) {
                sent(batch, null, e);
            }
        });
    }

    /** Frees the entry's slot, sends what waited for it, then delivers the outcomes. */
    private void sent(List<Waiting<C, R>> batch, List<R> outcomes, Throwable failure) {
        synchronized (this) {
            inFlight--;
        }
        sendWhatMayGo();
        if (failure == null && outcomes.size() != batch.size()) {
            failure = new IllegalStateException("An entry of " + batch.size() + " commands got "
                    + outcomes.size() + " outcomes");
        }
        for (int i = 0; i < batch.size(); i++) {
            if (failure == null) {
                batch.get(i).outcome().complete(outcomes.get(i));
            } else {
                batch.get(i).outcome().completeExceptionally(failure);
            }
        }
    }
}
