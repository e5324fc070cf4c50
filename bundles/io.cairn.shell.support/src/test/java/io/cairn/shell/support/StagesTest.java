package io.cairn.shell.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

class StagesTest {

    @Test
    void aCompletedStageGivesItsResult() throws CommandException {
        assertEquals("value", Stages.await(CompletableFuture.completedFuture("value"), "Error! "));
    }

    @Test
    void aFailedStageFailsTheCommandWithThePrefixAndTheCausesMessage() {
        CommandException e = assertThrows(CommandException.class, () -> Stages.await(
                CompletableFuture.failedFuture(new IllegalStateException("no leader")), "Error putting key: "));

        assertEquals("Error putting key: no leader", e.getMessage());
        assertEquals("Error putting key: no leader", e.getNiceHelp());
    }

    @Test
    void aWrappedFailureIsReportedByItsCause() {
        CompletableFuture<String> stage = CompletableFuture.failedFuture(
                new CompletionException(new IllegalArgumentException("bad key")));

        CommandException e = assertThrows(CommandException.class, () -> Stages.await(stage, "Error! "));

        assertEquals("Error! bad key", e.getMessage());
    }

    @Test
    void anInterruptedWaitFailsAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            CommandException e = assertThrows(CommandException.class,
                    () -> Stages.await(new CompletableFuture<>(), "Error! "));

            assertEquals("Error! interrupted", e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aBoundedWaitFailsOnceItsTimeoutPasses() {
        CommandException e = assertThrows(CommandException.class,
                () -> Stages.await(new CompletableFuture<>(), "Error! ", Duration.ofMillis(1)));

        assertEquals("Error! timed out after 0s", e.getMessage());
    }

    @Test
    void aBoundedWaitGivesTheResultOrTheFailure() throws CommandException {
        assertEquals("value", Stages.await(CompletableFuture.completedFuture("value"), "Error! ",
                Duration.ofSeconds(1)));
        CommandException e = assertThrows(CommandException.class, () -> Stages.await(
                CompletableFuture.failedFuture(new IllegalStateException("no leader")), "Error! ",
                Duration.ofSeconds(1)));
        assertEquals("Error! no leader", e.getMessage());
    }

    @Test
    void aFailureIsPrintedVerbatim() {
        CommandException e = Failures.fail("Error! Missing node name");

        assertEquals("Error! Missing node name", e.getMessage());
        assertEquals("Error! Missing node name", e.getNiceHelp());
    }
}
