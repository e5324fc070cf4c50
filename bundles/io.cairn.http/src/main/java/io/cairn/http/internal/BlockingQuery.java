package io.cairn.http.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.ReadContext;

/**
 * Runs a {@link StateQuery} the way Consul runs its reads: consistency barrier, answer, and, for
 * {@code ?index=N}, waiting until the answer's index passes N or {@code ?wait} (plus jitter) elapses.
 * <p>
 * No thread is held while waiting: the wait is a future from {@link RaftService#awaitChange} raced against one
 * timer task; answers are computed on {@code executor}, never on the thread that applied the change.
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
        long minIndex = minIndex(request);
        long timeoutNanos = timeoutNanos(request);
        Consistency consistency = request.consistency();
        Attempt attempt = new Attempt(raft, query, request, watch, minIndex);
        raft.barrier(consistency).whenComplete((context, failure) -> {
            if (failure != null) {
                attempt.result.completeExceptionally(unwrap(failure));
            } else {
                attempt.start(context, timer.nanoTime() + timeoutNanos);
            }
        });
        return attempt.result;
    }

    /** {@code ?index}, where an index beyond 2^63 (a client confused after a restore) simply blocks to the timeout. */
    private static long minIndex(Request request) {
        String value = request.param("index").orElse(null);
        if (value == null) {
            return 0;
        }
        try {
            long index = Long.parseUnsignedLong(value);
            return index < 0 ? Long.MAX_VALUE : index;
        } catch (NumberFormatException e) {
            throw HttpException.badRequest("Invalid index");
        }
    }

    /** {@code ?wait}: default 5 min, capped at 10 min, plus jitter in [0, wait/16) to spread reconnect storms. */
    long timeoutNanos(Request request) {
        long wait = DEFAULT_WAIT_NANOS;
        String value = request.param("wait").orElse(null);
        if (value != null) {
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

    /** One request's way through answer, wait, answer again. */
    private final class Attempt {
        final CompletableFuture<Response> result = new CompletableFuture<>();
        private final RaftService raft;
        private final StateQuery query;
        private final Request request;
        private final Watch watch;
        private final long minIndex;
        private ReadContext context;
        private long deadline;
        /** The state index the next wait must pass; rises with each wake-up so a wake never repeats. */
        private long afterIndex;
        private volatile CompletableFuture<Long> pending;

        Attempt(RaftService raft, StateQuery query, Request request, Watch watch, long minIndex) {
            this.raft = raft;
            this.query = query;
            this.request = request;
            this.watch = watch;
            this.minIndex = minIndex;
            this.afterIndex = minIndex;
            // The caller giving up (client gone, server stopping) ends the wait early.
            result.whenComplete((r, t) -> {
                CompletableFuture<Long> waiting = pending;
                if (waiting != null) {
                    waiting.cancel(false);
                }
            });
        }

        void start(ReadContext readContext, long deadlineNanos) {
            this.context = readContext;
            this.deadline = deadlineNanos;
            executor.execute(this::evaluate);
        }

        private void evaluate() {
            if (result.isDone()) {
                return;
            }
            try {
                Answer answer = raft.state().read(view -> query.answer(request, view));
                if (minIndex == 0 || Long.compareUnsigned(answer.index(), minIndex) > 0
                        || timer.nanoTime() - deadline >= 0) {
                    result.complete(withHeaders(answer));
                } else {
                    waitForChange();
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        private void waitForChange() {
            metrics.blockingStarted();
            CompletableFuture<Long> change = raft.awaitChange(watch.table(), watch.prefix(), afterIndex);
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
                if (newIndex != null && newIndex > afterIndex) {
                    afterIndex = newIndex;
                }
                // After a timeout this answers with the current data, as Consul does (200, no 304).
                executor.execute(this::evaluate);
            });
        }

        private Response withHeaders(Answer answer) {
            long index = answer.index() == 0 ? 1 : answer.index();
            return answer.response()
                    .header("X-Consul-Index", Long.toUnsignedString(index))
                    .header("X-Consul-KnownLeader", Boolean.toString(context.knownLeader()))
                    .header("X-Consul-LastContact", Long.toString(context.lastContactMillis()))
                    .header("X-Consul-Effective-Consistency", effective(context.consistency()));
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
