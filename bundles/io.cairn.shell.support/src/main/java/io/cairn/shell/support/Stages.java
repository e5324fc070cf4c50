package io.cairn.shell.support;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

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
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw Failures.fail(errorPrefix + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failures.fail(errorPrefix + "interrupted");
        }
    }
}
