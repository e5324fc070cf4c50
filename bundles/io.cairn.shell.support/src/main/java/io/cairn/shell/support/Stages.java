package io.cairn.shell.support;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.karaf.shell.support.CommandException;

/** Waits for a service call on the console thread and turns its failure into a console error. */
public final class Stages {

    private Stages() {
    }

    /**
     * The stage's result; on failure a {@link Failures#fail console error} whose text is {@code errorPrefix}
     * followed by the cause's message, or by {@code interrupted} if the console thread is interrupted while waiting
     * (its interrupt status is kept).
     */
    public static <T> T await(CompletionStage<T> stage, String errorPrefix) throws CommandException {
        return await(stage.toCompletableFuture()::get, errorPrefix, "");
    }

    /**
     * Like {@link #await(CompletionStage, String)}, but waits at most {@code timeout}: past it the command fails
     * with {@code errorPrefix} followed by {@code timed out after <seconds>s}.
     */
    public static <T> T await(CompletionStage<T> stage, String errorPrefix, Duration timeout)
            throws CommandException {
        CompletableFuture<T> future = stage.toCompletableFuture();
        return await(() -> future.get(timeout.toNanos(), TimeUnit.NANOSECONDS), errorPrefix,
                "timed out after " + timeout.toSeconds() + "s");
    }

    private static <T> T await(Wait<T> wait, String errorPrefix, String timedOut) throws CommandException {
        try {
            return wait.get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw Failures.fail(errorPrefix + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failures.fail(errorPrefix + "interrupted");
        } catch (TimeoutException e) {
            throw Failures.fail(errorPrefix + timedOut);
        }
    }

    /** One blocking get of a future, bounded or not. */
    private interface Wait<T> {
        T get() throws InterruptedException, ExecutionException, TimeoutException;
    }
}
