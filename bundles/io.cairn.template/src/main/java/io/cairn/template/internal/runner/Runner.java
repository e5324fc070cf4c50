package io.cairn.template.internal.runner;

import io.cairn.template.internal.data.Dependency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a set of templates rendered: one thread runs the {@link RenderLoop}, fed by watches that keep each
 * dependency's blocking query open on the HTTP client's own threads. Data reaches the loop through a queue, so
 * every render sees a consistent snapshot and the data map needs no locking.
 */
public final class Runner {

    /** Told about renders, for {@code -exec}: start the child after the first, signal it on later changes. */
    public interface Listener {
        Listener NONE = new Listener() {};

        /** Every template has rendered completely once (called once). */
        default void allRendered() {}

        /** A later render changed at least one file. */
        default void changed() {}
    }

    private sealed interface Event {}

    private record Data(Dependency dependency, Object value) implements Event {}

    private record Failure(String problem, boolean gaveUp) implements Event {}

    private record Stop() implements Event {}

    private final RunnerConfig config;
    private final RunnerLog log;
    private final Listener listener;
    private final Clock clock;
    private final RenderLoop renderLoop;
    private final Map<Dependency, Object> data = new HashMap<>();
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService timer;
    private final Watches watches;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final Thread thread;

    /**
     * Reads and parses the templates; nothing runs before {@link #start()}.
     *
     * @throws IllegalArgumentException naming the template if one cannot be read or parsed
     */
    public Runner(RunnerConfig config, TemplateCompiler compiler, QueryClient client, TemplateOutput output,
            CommandRunner commands, RunnerLog log, Listener listener, Clock clock) {
        this.config = config;
        this.log = log;
        this.listener = listener;
        this.clock = clock;
        this.renderLoop = new RenderLoop(config.templates(), compiler, data, output, commands, config.quiescence(),
                config.once());
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "cairn-template-timer");
            t.setDaemon(true);
            return t;
        });
        Scheduler scheduler = (delay, task) -> timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        this.watches = new Watches(client, scheduler, config.blockQueryWait(), config.retry(), new DataSink() {
            @Override
            public void changed(Dependency dependency, Object value) {
                events.add(new Data(dependency, value));
            }

            @Override
            public void failed(Dependency dependency, String problem, boolean gaveUp) {
                events.add(new Failure(problem, gaveUp));
            }
        });
        this.thread = new Thread(this::loop, "cairn-template-runner");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * Completes normally when {@code once} rendered everything or the runner was stopped, exceptionally (with a
     * message for the user) when {@code exitOnError} met an error.
     */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /** Stops watching and rendering and waits for the loop to end. */
    public void stop() throws InterruptedException {
        events.add(new Stop());
        if (thread.isAlive() && Thread.currentThread() != thread) {
            thread.join();
        }
        finished.complete(null);
    }

    private void loop() {
        try {
            while (true) {
                RenderLoop.Cycle cycle = renderLoop.renderDue(clock.instant());
                for (String error : cycle.errors()) {
                    if (!report(error, config.exitOnError())) {
                        return;
                    }
                }
                if (cycle.firstAllRendered()) {
                    listener.allRendered();
                    if (config.once()) {
                        finished.complete(null);
                        return;
                    }
                } else if (cycle.changed() && renderLoop.allRendered()) {
                    listener.changed();
                }
                Set<Dependency> wanted = renderLoop.wanted();
                watches.retain(wanted);
                // Forget what is no longer watched, as consul-template's brain does: if a template needs it again
                // later, its value may have changed meanwhile, and a render must not use the old one.
                data.keySet().retainAll(wanted);
                Event event = next();
                while (event != null) {
                    if (!apply(event)) {
                        return;
                    }
                    event = events.poll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            finished.completeExceptionally(new IllegalStateException("template runner failed: " + e, e));
        } finally {
            watches.stopAll();
            timer.shutdownNow();
            finished.complete(null);
        }
    }

    /** Waits for the next event, but only until the next template is due (then returns {@code null}). */
    private Event next() throws InterruptedException {
        Instant due = renderLoop.nextDue();
        if (due == null) {
            return events.take();
        }
        Instant now = clock.instant();
        return due.isAfter(now) ? events.poll(Duration.between(now, due).toMillis() + 1, TimeUnit.MILLISECONDS)
                : events.poll();
    }

    /** Applies one event; returns false when the loop must end. */
    private boolean apply(Event event) {
        if (event instanceof Data change) {
            if (!watches.watching(change.dependency())) {
                return true;
            }
            data.put(change.dependency(), change.value());
            renderLoop.changed(change.dependency(), clock.instant());
            return true;
        }
        if (event instanceof Failure failure) {
            return report(failure.problem(), failure.gaveUp() && config.exitOnError());
        }
        return false;
    }

    /** Logs {@code problem}; if {@code fatal}, ends the runner with it. Returns whether to go on. */
    private boolean report(String problem, boolean fatal) {
        if (fatal) {
            finished.completeExceptionally(new RunnerException(problem));
            return false;
        }
        log.warn(problem);
        return true;
    }

    /** Why the runner stopped with {@code exitOnError}: the message is for the user as it is. */
    public static final class RunnerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RunnerException(String message) {
            super(message);
        }
    }
}
