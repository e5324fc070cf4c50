package io.cairn.check.script.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptCheckerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ScriptChecker checker = new ScriptChecker();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        checker.close();
    }

    private CheckResult run(String script, Duration timeout, int limit) {
        return checker.run(List.of("/bin/sh", "-c", script), timeout, limit).join();
    }

    @Test
    void exitCodesMapLikeConsul() {
        assertEquals(CheckResult.passing("out\nerr\n"), run("echo out; echo err >&2", TIMEOUT, 4096));
        assertEquals(CheckResult.warning("degraded\n"), run("echo degraded; exit 1", TIMEOUT, 4096));
        assertEquals(CheckResult.critical("down\n"), run("echo down >&2; exit 2", TIMEOUT, 4096));
    }

    @Test
    void theArgvIsRunWithoutAShell() {
        CheckResult result = checker.run(List.of("echo", "$HOME", "a  b"), TIMEOUT, 4096).join();
        assertEquals(CheckResult.passing("$HOME a  b\n"), result);
    }

    @Test
    void longOutputKeepsItsEndAndSaysHowMuchThereWas() {
        CheckResult result = run("printf 'start'; head -c 100000 /dev/zero | tr '\\0' x; printf 'end'", TIMEOUT, 100);
        assertEquals(CheckStatus.PASSING, result.status());
        assertEquals("Captured 100 of 100008 bytes\n...\n" + "x".repeat(97) + "end", result.output());
    }

    @Test
    void aMissingProgramIsCritical() {
        CheckResult result = checker.run(List.of(dir.resolve("no-such-check").toString()), TIMEOUT, 4096).join();
        assertEquals(CheckStatus.CRITICAL, result.status());
        assertTrue(result.output().startsWith("Failed to invoke: "), result.output());
    }

    @Test
    void aTimeoutKillsTheProcessTreeAndIsCritical() throws Exception {
        Path pids = dir.resolve("pids");
        CheckResult result = run("sleep 60 & echo $! > " + pids + "; echo started; wait", Duration.ofSeconds(2), 4096);
        assertEquals(CheckStatus.CRITICAL, result.status());
        assertTrue(result.output().startsWith("Timed out (2s) running check"), result.output());
        assertGone(Long.parseLong(Files.readString(pids).trim()));
    }

    @Test
    void cancellingTheRunKillsTheProcess() throws Exception {
        Path pid = dir.resolve("pid");
        CompletableFuture<CheckResult> run = checker.run(
                List.of("/bin/sh", "-c", "echo $$ > " + pid + ".tmp; mv " + pid + ".tmp " + pid + "; exec sleep 60"),
                TIMEOUT, 4096);
        long id = awaitPid(pid);
        run.cancel(true);
        assertGone(id);
    }

    @Test
    void validationWantsAProgram() {
        ScriptCheckType type = new ScriptCheckType();
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> type.validate(CheckDefinition.builder().args(List.of(" ")).build()));
            assertTrue(e.getMessage().startsWith("Args must name the program to run first"), e.getMessage());
            type.validate(CheckDefinition.builder().args(List.of("true")).build());
            assertEquals(CheckStatus.PASSING, type.run(CheckDefinition.builder().args(List.of("true")).build(),
                    TIMEOUT).toCompletableFuture().join().status());
        } finally {
            type.deactivate();
        }
    }

    private static long awaitPid(Path file) throws IOException, InterruptedException {
        // The script writes the file atomically (mv); wait for it to appear.
        while (!Files.exists(file)) {
            Thread.sleep(10);
        }
        return Long.parseLong(Files.readString(file).trim());
    }

    private static void assertGone(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
}
