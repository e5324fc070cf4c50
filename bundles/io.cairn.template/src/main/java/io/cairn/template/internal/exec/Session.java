package io.cairn.template.internal.exec;

import io.cairn.template.internal.runner.Runner;
import io.cairn.template.internal.runner.RunnerLog;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code cairn template} from start to exit code: the runner, the supervised child if {@code -exec} is
 * given, and the signals we receive.
 * <ul>
 * <li>With a child: it starts after the first complete render and is told about changes; once it runs, SIGINT,
 * SIGTERM and SIGHUP are passed on to it, and when it ends we end with its exit code. A child still running the
 * kill timeout after a forwarded SIGINT or SIGTERM is stopped (kill signal, then SIGKILL).</li>
 * <li>Without one (or before it starts): SIGHUP re-reads the configuration and templates (a new runner), SIGINT
 * and SIGTERM end the run cleanly (exit 0), and {@code -once} ends it after the first complete render.</li>
 * <li>An error (bad template, agent unreachable after the retries, failed command) ends the run with exit code 1,
 * after stopping the child.</li>
 * </ul>
 */
public final class Session {

    /** Builds a runner from the current configuration; called again on SIGHUP without a child. */
    public interface RunnerFactory {
        Runner create(Runner.Listener listener) throws Exception;
    }

    private sealed interface Event {}

    private record Received(String signal) implements Event {}

    private record Finished(Runner runner, Throwable error) implements Event {}

    private record ChildExited(int code) implements Event {}

    private record Failed(String problem) implements Event {}

    private record Overdue(String signal) implements Event {}

    private final RunnerFactory factory;
    private final ChildSupervisor child;
    private final RunnerLog log;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();

    /** @param child the {@code -exec} child, or {@code null} for none */
    public Session(RunnerFactory factory, ChildSupervisor child, RunnerLog log) {
        this.factory = factory;
        this.child = child;
        this.log = log;
    }

    /** Called from signal handlers with the signal's name ({@code INT}, {@code TERM}, {@code HUP}). */
    public void signal(String name) {
        events.add(new Received(Signals.normalize(name)));
    }

    /** Runs until done; returns the exit code. Errors are logged before returning 1. */
    public int run() throws InterruptedException {
        Runner runner;
        try {
            runner = start();
        } catch (Exception e) {
            log.error(e.getMessage());
            return 1;
        }
        if (child != null) {
            child.exited().thenAccept(code -> events.add(new ChildExited(code)));
        }
        try {
            while (true) {
                Event event = events.take();
                if (event instanceof Received received) {
                    if (child != null && child.started()) {
                        forward(received.signal());
                        if (!received.signal().equals("HUP")) {
                            // The child may ignore it; after the kill timeout, stop it the hard way.
                            CompletableFuture.delayedExecutor(child.killTimeout().toMillis(), TimeUnit.MILLISECONDS)
                                    .execute(() -> events.add(new Overdue(received.signal())));
                        }
                        continue;
                    }
                    if (received.signal().equals("HUP")) {
                        log.info("received SIGHUP, reloading the configuration");
                        runner.stop();
                        try {
                            runner = start();
                        } catch (Exception e) {
                            log.error(e.getMessage());
                            return 1;
                        }
                        continue;
                    }
                    log.info("received SIG" + received.signal() + ", stopping");
                    return 0;
                } else if (event instanceof Finished finished) {
                    if (finished.runner() != runner) {
                        continue;
                    }
                    if (finished.error() != null) {
                        log.error(message(finished.error()));
                        return 1;
                    }
                    if (child == null || !child.started()) {
                        return 0;
                    }
                } else if (event instanceof ChildExited exited) {
                    log.info("child exited with code " + exited.code());
                    return exited.code();
                } else if (event instanceof Overdue overdue) {
                    log.warn("the child did not exit within " + child.killTimeout().toMillis() + " ms of SIG"
                            + overdue.signal() + ", stopping it");
                    return child.stop();
                } else if (event instanceof Failed failed) {
                    log.error(failed.problem());
                    return 1;
                }
            }
        } finally {
            runner.stop();
            if (child != null) {
                child.stop();
            }
        }
    }

    private Runner start() throws Exception {
        Runner runner = factory.create(new Runner.Listener() {
            @Override
            public void allRendered() {
                if (child != null) {
                    try {
                        child.start();
                    } catch (IOException e) {
                        events.add(new Failed("cannot start the child process: " + e.getMessage()));
                    }
                }
            }

            @Override
            public void changed() {
                if (child != null) {
                    try {
                        child.reload();
                    } catch (IOException e) {
                        events.add(new Failed("cannot reload the child process: " + e.getMessage()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        runner.finished().whenComplete((done, error) -> events.add(new Finished(runner, error)));
        runner.start();
        return runner;
    }

    private void forward(String signal) {
        try {
            child.forward(signal);
        } catch (IOException e) {
            log.warn("cannot pass SIG" + signal + " on to the child: " + e.getMessage());
        }
    }

    private static String message(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause.getMessage();
    }
}
