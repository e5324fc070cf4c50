package io.cairn.event.shell.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import org.apache.karaf.shell.support.CommandException;

/** Waits for a {@code UserEvents} call on the console thread and turns its failure into a console error. */
final class Stages {

    private Stages() {
    }

    static <T> T await(CompletionStage<T> stage, String errorPrefix) throws CommandException {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw fail(errorPrefix + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(errorPrefix + "interrupted");
        }
    }

    /** A console error shown exactly as {@code text}. */
    static CommandException fail(String text) {
        return new CommandException(text, text);
    }
}
