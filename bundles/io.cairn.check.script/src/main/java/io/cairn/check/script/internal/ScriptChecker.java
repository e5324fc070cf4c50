package io.cairn.check.script.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.cairn.health.api.CheckResult;
import io.cairn.health.api.GoDuration;
import io.cairn.health.api.OutputTail;

/**
 * Consul's script check: runs a command (an argv, no shell in between) and maps its exit code: 0 is passing, 1 is
 * warning, anything else critical. The output is stdout and stderr combined, of which the last
 * {@code outputLimit} bytes are kept. A run that outlasts its timeout, or whose result the engine cancels, has
 * its process and the process's descendants killed.
 *
 * <p>Starting a process and draining its output block, so both happen on this checker's own threads, never on
 * the caller's; one thread is busy per running script.
 */
final class ScriptChecker implements AutoCloseable {

    private final ExecutorService io;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    ScriptChecker() {
        AtomicInteger threads = new AtomicInteger();
        io = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "cairn-check-script-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    CompletableFuture<CheckResult> run(List<String> args, Duration timeout, int outputLimit) {
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        try {
            io.execute(() -> execute(args, timeout, outputLimit, result));
        } catch (RejectedExecutionException e) {
            result.complete(CheckResult.critical("Script checks are shutting down"));
        }
        return result;
    }

    private void execute(List<String> args, Duration timeout, int outputLimit,
            CompletableFuture<CheckResult> result) {
        if (result.isDone()) {
            return; // Cancelled before it could start.
        }
        Process process;
        try {
            process = new ProcessBuilder(args).redirectErrorStream(true).start();
        } catch (IOException | RuntimeException e) {
            result.complete(CheckResult.critical("Failed to invoke: " + e.getMessage()));
            return;
        }
        running.add(process);
        process.onExit().thenRun(() -> running.remove(process));
        // Scripts get no input; an open pipe could make one wait for it.
        closeQuietly(process.getOutputStream());
        // Whether the run timed out here, was cancelled by the engine or ended, nothing of it may stay behind.
        result.whenComplete((done, failure) -> killTree(process));
        OutputTail output = new OutputTail(outputLimit);
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
            if (!result.isDone()) {
                // Completing first (the kill follows from it) keeps the killed process's exit from winning.
                String message = "Timed out (" + GoDuration.format(timeout) + ") running check";
                String captured = output.text();
                result.complete(CheckResult.critical(captured.isEmpty() ? message : message + "\n\n" + captured));
            }
        });
        drain(process.getInputStream(), output);
        process.onExit().thenAccept(exited -> result.complete(outcome(exited.exitValue(), output.text())));
    }

    private static void drain(InputStream in, OutputTail output) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                output.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // The process was killed and its pipe closed: what was read so far is the output.
        }
    }

    private static CheckResult outcome(int exitCode, String output) {
        return switch (exitCode) {
            case 0 -> CheckResult.passing(output);
            case 1 -> CheckResult.warning(output);
            default -> CheckResult.critical(output);
        };
    }

    private static void killTree(Process process) {
        if (process.isAlive()) {
            // Descendants first: once the parent is gone they are re-parented and no longer found through it.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Nothing useful to do: the process may already be gone.
        }
    }

    /** Kills every script still running and stops the threads. */
    @Override
    public void close() {
        io.shutdownNow();
        running.forEach(ScriptChecker::killTree);
    }
}
