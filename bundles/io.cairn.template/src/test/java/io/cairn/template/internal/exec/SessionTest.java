package io.cairn.template.internal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.template.internal.data.ApiDependency;
import io.cairn.template.internal.runner.QueryClient;
import io.cairn.template.internal.runner.Retry;
import io.cairn.template.internal.runner.Runner;
import io.cairn.template.internal.runner.RunnerConfig;
import io.cairn.template.internal.runner.RunnerLog;
import io.cairn.template.internal.runner.TemplateCompiler;
import io.cairn.template.internal.runner.TemplateOutput;
import io.cairn.template.internal.runner.TemplateSpec;
import io.cairn.template.internal.runner.WaitSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final ApiDependency KEY = new ApiDependency() {
        @Override
        public String describe() {
            return "kv.block(k)";
        }

        @Override
        public String path() {
            return "/v1/kv/k";
        }

        @Override
        public Object decode(int status, byte[] body) {
            return new String(body, StandardCharsets.UTF_8);
        }
    };

    /** Answers the first query at once and leaves the blocking ones waiting. */
    private static final QueryClient CLIENT = (path, index, wait) -> index == 0
            ? CompletableFuture.completedFuture(new QueryClient.Reply(200, 2, "v".getBytes(StandardCharsets.UTF_8)))
            : new CompletableFuture<>();

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger runners = new AtomicInteger();
    private final CompletableFuture<Integer> childExit = new CompletableFuture<>();
    private volatile boolean childStarted;

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    private final RunnerLog runnerLog = new RunnerLog() {
        @Override
        public void info(String message) {
            log.add("info: " + message);
        }

        @Override
        public void warn(String message) {
            log.add("warn: " + message);
        }

        @Override
        public void error(String message) {
            log.add("error: " + message);
        }
    };

    private Session.RunnerFactory factory(boolean once, boolean failing) {
        TemplateCompiler compiler = (spec, text, context) -> () -> {
            String value = (String) context.get(KEY).orElse("");
            if (failing && !value.isEmpty()) {
                throw new IllegalStateException("bad template");
            }
            return value;
        };
        TemplateOutput output = (spec, content) -> written.add(content);
        RunnerConfig config = new RunnerConfig(List.of(new TemplateSpec(null, "x", Path.of("out"), List.of(),
                Duration.ofSeconds(1), null, false, "{{", "}}", null)), WaitSpec.NONE, Duration.ofSeconds(60),
                Retry.DEFAULT, once, true);
        return listener -> {
            runners.incrementAndGet();
            return new Runner(config, compiler, CLIENT, output, (argv, timeout) -> {}, runnerLog, listener,
                    Clock.systemUTC());
        };
    }

    private ChildSupervisor child() {
        return child(false);
    }

    /** A fake child that exits with 143 on SIGTERM or SIGINT, unless stubborn; SIGKILL ends it with 137. */
    private ChildSupervisor child(boolean stubborn) {
        ChildLauncher launcher = argv -> {
            childStarted = true;
            return new ChildLauncher.Child() {
                @Override
                public long pid() {
                    return 42;
                }

                @Override
                public CompletableFuture<Integer> exit() {
                    return childExit;
                }

                @Override
                public void kill() {
                    childExit.complete(137);
                }
            };
        };
        return new ChildSupervisor(new ExecSpec(List.of("app"), "HUP", "INT", Duration.ofMillis(stubborn ? 100 : 5000)),
                launcher, (pid, signal) -> {
                    sent.add(signal);
                    if (!stubborn && (signal.equals("TERM") || signal.equals("INT"))) {
                        childExit.complete(143);
                    }
                });
    }

    private Future<Integer> run(Session session) {
        return executor.submit(session::run);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.sleep(10);
        }
    }

    @Test
    void onceEndsWithZeroAfterRendering() throws Exception {
        assertEquals(0, run(new Session(factory(true, false), null, runnerLog)).get(10, TimeUnit.SECONDS));
        assertEquals(List.of("v"), written);
    }

    @Test
    void interruptEndsCleanlyAndHangupReloads() throws Exception {
        Session session = new Session(factory(false, false), null, runnerLog);
        Future<Integer> result = run(session);
        await(() -> written.size() == 1);
        session.signal("SIGHUP");
        await(() -> written.size() == 2);
        assertEquals(2, runners.get(), "SIGHUP built a new runner, which rendered again");
        session.signal("SIGINT");
        assertEquals(0, result.get(10, TimeUnit.SECONDS));
    }

    @Test
    void withAChildSignalsArePassedOnAndItsExitCodeIsOurs() throws Exception {
        ChildSupervisor child = child();
        Session session = new Session(factory(false, false), child, runnerLog);
        Future<Integer> result = run(session);
        // the supervisor, not just the launcher: a signal before it counts the child as started ends the session
        await(child::started);
        session.signal("HUP");
        await(() -> sent.contains("HUP"));
        assertEquals(1, runners.get(), "SIGHUP went to the child instead of reloading us");
        session.signal("TERM");
        assertEquals(143, result.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("HUP", "TERM"), sent);
    }

    @Test
    void aChildIgnoringAForwardedTermIsStoppedAfterTheKillTimeout() throws Exception {
        ChildSupervisor child = child(true);
        Session session = new Session(factory(false, false), child, runnerLog);
        Future<Integer> result = run(session);
        await(child::started);
        session.signal("TERM");
        assertEquals(137, result.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("TERM", "INT"), sent, "TERM forwarded, then the kill signal, then SIGKILL");
    }

    @Test
    void onceWithAChildWaitsForTheChild() throws Exception {
        Future<Integer> result = run(new Session(factory(true, false), child(), runnerLog));
        await(() -> childStarted);
        assertTrue(!result.isDone());
        childExit.complete(7);
        assertEquals(7, result.get(10, TimeUnit.SECONDS));
    }

    @Test
    void anErrorBeforeTheFirstRenderEndsWithOneAndStartsNoChild() throws Exception {
        ChildSupervisor child = child();
        assertEquals(1, run(new Session(factory(false, true), child, runnerLog)).get(10, TimeUnit.SECONDS));
        assertTrue(log.contains("error: template (inline) out: bad template"), log.toString());
        assertTrue(!childStarted, "the template never rendered, so no child");
    }
}
