package io.cairn.template.internal.exec;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * consul-template's exec mode: starts the child once the templates have rendered, sends it the reload signal
 * (or restarts it) when they change, passes on the signals we receive, and stops it with the kill signal, then
 * SIGKILL after the kill timeout. {@link #exited()} tells when the child ended by itself, so that we can end with
 * its exit code.
 */
public final class ChildSupervisor {
    private final ExecSpec spec;
    private final ChildLauncher launcher;
    private final SignalSender signals;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final Object lifecycle = new Object();
    private volatile ChildLauncher.Child child;
    /** True while we stop the child ourselves: its exit then is not the child ending by itself. */
    private volatile boolean stopping;

    public ChildSupervisor(ExecSpec spec, ChildLauncher launcher, SignalSender signals) {
        this.spec = spec;
        this.launcher = launcher;
        this.signals = signals;
    }

    /** Starts the child unless it runs already. */
    public void start() throws IOException {
        synchronized (lifecycle) {
            if (child == null && !stopping) {
                launch();
            }
        }
    }

    /** The rendered files changed: send the reload signal, or restart the child if there is none. */
    public void reload() throws IOException, InterruptedException {
        synchronized (lifecycle) {
            ChildLauncher.Child current = child;
            if (current == null || stopping) {
                return;
            }
            if (!spec.reloadSignal().isEmpty()) {
                signals.send(current.pid(), spec.reloadSignal());
                return;
            }
            stopping = true;
            try {
                stopChild(current);
                launch();
            } finally {
                stopping = false;
            }
        }
    }

    /** Passes a signal we received on to the child (if it runs): it decides what the signal means. */
    public void forward(String signal) throws IOException {
        ChildLauncher.Child current = child;
        if (current != null && !stopping) {
            signals.send(current.pid(), Signals.normalize(signal));
        }
    }

    /** How long the child may take to stop before it is killed. */
    public Duration killTimeout() {
        return spec.killTimeout();
    }

    /** Whether a child was started. */
    public boolean started() {
        return child != null;
    }

    /** Completes with the exit code when the child ends other than by {@link #stop()} or a restart. */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    /** Stops the child (kill signal, then SIGKILL after the kill timeout); returns its exit code, -1 if none ran. */
    public int stop() throws InterruptedException {
        synchronized (lifecycle) {
            stopping = true;
            ChildLauncher.Child current = child;
            return current == null ? -1 : stopChild(current);
        }
    }

    private void launch() throws IOException {
        ChildLauncher.Child started = launcher.start(spec.command());
        child = started;
        started.exit().thenAccept(code -> {
            if (child == started && !stopping) {
                exited.complete(code);
            }
        });
    }

    private int stopChild(ChildLauncher.Child current) throws InterruptedException {
        if (current.exit().isDone()) {
            return current.exit().join();
        }
        try {
            signals.send(current.pid(), spec.killSignal());
            return current.exit().get(spec.killTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | TimeoutException e) {
            current.kill();
            try {
                return current.exit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException stuck) {
                return -1;
            }
        } catch (ExecutionException e) {
            return -1;
        }
    }
}
