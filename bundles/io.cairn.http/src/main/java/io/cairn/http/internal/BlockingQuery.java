package io.cairn.http.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;

import io.cairn.go.lang.GoDuration;
import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.LocalQuery;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.ReadContext;
import io.cairn.raft.api.StateView;

/**
 * Runs a {@link StateQuery} the way Consul runs its reads: consistency barrier, answer, and, for
 * {@code ?index=N}, waiting until the answer has {@linkplain Answer#changedSince changed since} N (its index
 * passed N, or for an unordered answer differs from N) or {@code ?wait} (plus jitter) elapses. The wait is on the
 * records the last answer's index comes from ({@link Answer#indexSource}, else the query's watch), so it ends
 * as soon as that index moves. A {@link LocalQuery} blocks the same way, without a barrier, waiting on its own
 * change index.
 * <p>
 * No thread is held while waiting: the wait is a future from {@link RaftService#awaitChange} (or
 * {@link LocalQuery#awaitChange}) raced against one timer task; answers are computed on {@code executor}, never
 * on the thread that applied the change.
 */
final class BlockingQuery {
    static final long DEFAULT_WAIT_NANOS = TimeUnit.MINUTES.toNanos(5);
    static final long MAX_WAIT_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final WaitTimer timer;
    private final Executor executor;
    private final LongUnaryOperator randomBelow;
    private final HttpMetrics metrics;

    /**
     * @param randomBelow given a positive bound, a random number in {@code [0, bound)}
     * @param metrics     counts the queries waiting
     */
    BlockingQuery(WaitTimer timer, Executor executor, LongUnaryOperator randomBelow, HttpMetrics metrics) {
        this.timer = timer;
        this.metrics = metrics;
        this.executor = executor;
        this.randomBelow = randomBelow;
    }

    /**
     * Validates the request, then answers it, possibly after waiting. The returned future completes with the
     * response (index headers included) or fails with the error to report; cancelling it stops the wait.
     */
    CompletableFuture<Response> run(RaftService raft, StateQuery query, Request request) {
        Watch watch = query.watch(request);
        long clientIndex = clientIndex(request);
        long timeoutNanos = timeoutNanos(request);
        Consistency consistency = request.consistency();
        Attempt attempt = new Attempt(raft, query, request, watch, clientIndex);
        raft.barrier(consistency).whenComplete((context, failure) -> {
            if (failure != null) {
                attempt.result.completeExceptionally(unwrap(failure));
            } else {
                attempt.start(context, timer.nanoTime() + timeoutNanos);
            }
        });
        return attempt.result;
    }

    /**
     * Answers a read of the agent's own data, possibly after waiting, as {@link #run} does; the response carries
     * {@code X-Consul-Index} only.
     */
    CompletableFuture<Response> runLocal(LocalQuery query, Request request) {
        LocalAttempt attempt = new LocalAttempt(query, request, clientIndex(request),
                timer.nanoTime() + timeoutNanos(request));
        attempt.evaluate();
        return attempt.result;
    }

    /**
     * {@code ?index} as the unsigned 64-bit value the client sent (an unordered answer's index may use all 64
     * bits); 0 when absent or empty, as Consul reads it.
     */
    private static long clientIndex(Request request) {
        String value = request.param("index").orElse("");
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(value);
        } catch (NumberFormatException e) {
            throw HttpException.badRequest("Invalid index");
        }
    }

    /** {@code ?wait}: default 5 min, capped at 10 min, plus jitter in [0, wait/16) to spread reconnect storms. */
    long timeoutNanos(Request request) {
        long wait = DEFAULT_WAIT_NANOS;
        String value = request.param("wait").orElse("");
        if (!value.isEmpty()) {
            long parsed;
            try {
                parsed = GoDuration.parseNanos(value);
            } catch (IllegalArgumentException e) {
                throw HttpException.badRequest("Invalid wait time");
            }
            if (parsed > 0) {
                wait = Math.min(parsed, MAX_WAIT_NANOS);
            }
        }
        long jitterBound = wait / 16;
        return jitterBound > 0 ? wait + randomBelow.applyAsLong(jitterBound) : wait;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /**
     * An answer, the records to wait on after it (those its index comes from, when it names them, else the
     * query's watch) and, for an unordered answer, their index in the state it came from.
     */
    private record Evaluation(Answer answer, Watch waitOn, long watchedIndex) {
    }

    /** What both kinds of request share: the answer to come, the wait under way, and how a wait ends. */
    private abstract class Held {
        final CompletableFuture<Response> result = new CompletableFuture<>();
        private volatile CompletableFuture<Long> pending;

        Held() {
            // The caller giving up (client gone, server stopping) ends the wait early.
            result.whenComplete((r, t) -> {
                CompletableFuture<Long> waiting = pending;
                if (waiting != null) {
                    waiting.cancel(false);
                }
            });
        }

        /** Answers now, or waits for a change and comes back here. */
        abstract void evaluate();

        /**
         * Waits for {@code change} until {@code deadline}, tells {@code changed} the new index if one came, then
         * evaluates again: after a timeout with the current data, as Consul answers (200, no 304).
         */
        void hold(CompletableFuture<Long> change, long deadline, LongConsumer changed) {
            metrics.blockingStarted();
            pending = change;
            if (result.isDone()) {
                change.cancel(false);
            }
            Runnable cancelTimeout = timer.schedule(() -> change.cancel(false), deadline - timer.nanoTime());
            change.whenComplete((newIndex, failure) -> {
                metrics.blockingEnded();
                cancelTimeout.run();
                Throwable cause = failure == null ? null : unwrap(failure);
                if (cause != null && !(cause instanceof CancellationException)) {
                    result.completeExceptionally(cause);
                    return;
                }
                if (newIndex != null) {
                    changed.accept(newIndex);
                }
                executor.execute(this::evaluate);
            });
        }
    }

    /** One request's way through answer, wait, answer again. */
    private final class Attempt extends Held {
        private final RaftService raft;
        private final StateQuery query;
        private final Request request;
        private final Watch watch;
        private final long clientIndex;
        private ReadContext context;
        private long deadline;
        /**
         * The state index an ordered answer's next wait must pass; rises with each wake-up so a wake never
         * repeats. An index beyond 2^63 (a client confused after a restore) simply blocks to the timeout.
         */
        private long afterIndex;

        Attempt(RaftService raft, StateQuery query, Request request, Watch watch, long clientIndex) {
            this.raft = raft;
            this.query = query;
            this.request = request;
            this.watch = watch;
            this.clientIndex = clientIndex;
            this.afterIndex = clientIndex < 0 ? Long.MAX_VALUE : clientIndex;
        }

        void start(ReadContext readContext, long deadlineNanos) {
            this.context = readContext;
            this.deadline = deadlineNanos;
            executor.execute(this::evaluate);
        }

        @Override
        void evaluate() {
            if (result.isDone()) {
                return;
            }
            try {
                Evaluation now = raft.state().read(view -> evaluation(query.answer(request, view), view));
                Answer answer = now.answer();
                if (clientIndex == 0 || answer.changedSince(clientIndex) || timer.nanoTime() - deadline >= 0) {
                    result.complete(withHeaders(answer));
                } else {
                    // An unordered index says nothing about the log: wait for the watched records to change
                    // after the state this answer came from, whatever the client's index.
                    waitForChange(now.waitOn(), answer.ordered() ? afterIndex : now.watchedIndex());
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        /**
         * The records to wait on are the query's watch unless the answer's index comes from more (a missing KV
         * key reports the whole table's index): waiting on less would hold the query after its index moved.
         * Only an unordered answer needs their index, and reading it may cost a scan: skip it otherwise.
         */
        private Evaluation evaluation(Answer answer, StateView view) {
            Watch waitOn = answer.indexSource() != null ? answer.indexSource() : watch;
            return new Evaluation(answer, waitOn, answer.ordered() ? 0 : view.index(waitOn.table(), waitOn.prefix()));
        }

        private void waitForChange(Watch waitOn, long stateIndex) {
            hold(raft.awaitChange(waitOn.table(), waitOn.prefix(), stateIndex), deadline, newIndex -> {
                if (newIndex > afterIndex) {
                    afterIndex = newIndex;
                }
            });
        }

        private Response withHeaders(Answer answer) {
            return answer.response()
                    .header("X-Consul-Index", Long.toUnsignedString(answer.reportedIndex()))
                    .header("X-Consul-KnownLeader", Boolean.toString(context.knownLeader()))
                    .header("X-Consul-LastContact", Long.toString(context.lastContactMillis()))
                    .header("X-Consul-Effective-Consistency", effective(context.consistency()));
        }
    }

    /** One local read's way through answer, wait, answer again. */
    private final class LocalAttempt extends Held {
        private final LocalQuery query;
        private final Request request;
        private final long clientIndex;
        private final long deadline;

        LocalAttempt(LocalQuery query, Request request, long clientIndex, long deadline) {
            this.query = query;
            this.request = request;
            this.clientIndex = clientIndex;
            this.deadline = deadline;
        }

        @Override
        void evaluate() {
            if (result.isDone()) {
                return;
            }
            try {
                // noted before answering, so a change in between ends the wait at once
                long seen = query.changeIndex();
                Answer answer = query.answer(request);
                if (clientIndex == 0 || answer.changedSince(clientIndex) || timer.nanoTime() - deadline >= 0) {
                    result.complete(answer.response()
                            .header("X-Consul-Index", Long.toUnsignedString(answer.reportedIndex())));
                } else {
                    waitForChange(seen);
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        private void waitForChange(long seen) {
            hold(query.awaitChange(seen), deadline, newIndex -> { });
        }
    }

    private static String effective(Consistency consistency) {
        return switch (consistency) {
            case DEFAULT -> "leader";
            case CONSISTENT -> "consistent";
            case STALE -> "stale";
        };
    }
}
