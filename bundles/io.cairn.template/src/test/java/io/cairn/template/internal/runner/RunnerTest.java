package io.cairn.template.internal.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunnerTest {

    /** A KV store answering blocking queries: a query waits until the key's index passes the one asked for. */
    static final class FakeKv implements QueryClient {
        private record Parked(long index, CompletableFuture<Reply> reply) {}

        private final Map<String, String> values = new HashMap<>();
        private final Map<String, Long> indexes = new HashMap<>();
        private final Map<String, List<Parked>> parked = new HashMap<>();
        private long lastIndex = 1;
        final List<String> requests = new ArrayList<>();

        synchronized void put(String key, String value) {
            values.put(key, value);
            indexes.put(key, ++lastIndex);
            List<Parked> waiting = parked.remove(key);
            if (waiting != null) {
                waiting.forEach(p -> p.reply().complete(reply(key)));
            }
        }

        synchronized long count(String request) {
            return requests.stream().filter(request::equals).count();
        }

        @Override
        public synchronized CompletableFuture<Reply> get(String pathAndQuery, long index, Duration wait) {
            String key = pathAndQuery.substring("/v1/kv/".length(), pathAndQuery.indexOf('?'));
            requests.add(key + "@" + index);
            if (index < indexes.getOrDefault(key, 1L)) {
                return CompletableFuture.completedFuture(reply(key));
            }
            CompletableFuture<Reply> later = new CompletableFuture<>();
            parked.computeIfAbsent(key, k -> new ArrayList<>()).add(new Parked(index, later));
            return later;
        }

        private Reply reply(String key) {
            String value = values.get(key);
            long index = indexes.getOrDefault(key, 1L);
            return value == null ? new Reply(404, index, new byte[0])
                    : new Reply(200, index, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final FakeKv kv = new FakeKv();
    private final Fakes.Commands commands = new Fakes.Commands();
    private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final List<String> warnings = new ArrayList<>();

    private Runner runner(boolean once, TemplateOutput output, TemplateSpec... templates) {
        RunnerConfig config = new RunnerConfig(List.of(templates), WaitSpec.NONE, Duration.ofSeconds(60),
                new Retry(false, 0, Duration.ofMillis(1), Duration.ofMillis(1)), once, true);
        RunnerLog log = new RunnerLog() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
        return new Runner(config, new Fakes.Compiler(), kv, output, commands, log, new Runner.Listener() {
            @Override
            public void allRendered() {
                events.add("all rendered");
            }

            @Override
            public void changed() {
                events.add("changed");
            }
        }, Clock.systemUTC());
    }

    private String nextEvent() throws InterruptedException {
        String event = events.poll(10, TimeUnit.SECONDS);
        assertTrue(event != null, "no render event within 10 s");
        return event;
    }

    @Test
    void onceRendersEverythingWithOneSharedQueryPerDependencyAndFinishes() throws Exception {
        kv.put("a", "x");
        kv.put("b", "y");
        StringBuilderOutput output = new StringBuilderOutput();
        Runner runner = runner(true, output, Fakes.inline("a b", "one", "cmd1"), Fakes.inline("b a", "two", null));
        runner.start();
        runner.finished().get(10, TimeUnit.SECONDS);
        assertEquals("one=xy\ntwo=yx\n", output.toString());
        assertEquals(List.of("cmd1"), commands.ran);
        assertEquals(1, kv.count("a@0"), "templates share the query for a");
        assertEquals(1, kv.count("b@0"));
        assertEquals("all rendered", nextEvent());
    }

    @Test
    void keepsRenderingOnChangesAndRunsTheCommandOncePerChange() throws Exception {
        kv.put("a", "1");
        Fakes.MemoryOutput output = new Fakes.MemoryOutput();
        Runner runner = runner(false, output, Fakes.inline("a missing", "out", "reload"));
        runner.start();
        kv.put("missing", "!");
        assertEquals("all rendered", nextEvent());
        kv.put("a", "2");
        assertEquals("changed", nextEvent());
        kv.put("a", "2");
        kv.put("a", "3");
        assertEquals("changed", nextEvent());
        runner.stop();
        assertEquals(List.of("out=1!", "out=2!", "out=3!"), output.writes);
        assertEquals(List.of("reload", "reload", "reload"), commands.ran);
        assertTrue(runner.finished().isDone());
    }

    @Test
    void dataNoLongerUsedIsForgottenSoALaterUseWaitsForFreshData() throws Exception {
        kv.put("pointer", "t1");
        kv.put("t1", "old");
        kv.put("t2", "two");
        Fakes.MemoryOutput output = new Fakes.MemoryOutput();
        Runner runner = runner(false, output, Fakes.inline("*pointer", "out", null));
        runner.start();
        assertEquals("all rendered", nextEvent());
        kv.put("pointer", "t2");
        assertEquals("changed", nextEvent());
        kv.put("t1", "new");
        kv.put("pointer", "t1");
        assertEquals("changed", nextEvent());
        runner.stop();
        assertEquals(List.of("out=old", "out=two", "out=new"), output.writes, "never the stale t1");
    }

    @Test
    void aRenderErrorEndsTheRunnerWithAMessageForTheUser() throws Exception {
        kv.put("a", "1");
        Runner runner = runner(false, new Fakes.MemoryOutput(), Fakes.inline("a !", "out", null));
        runner.start();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> runner.finished().get(10, TimeUnit.SECONDS));
        assertEquals("template (inline) out: boom at a !", e.getCause().getMessage());
    }

    @Test
    void anUnreachableAgentEndsTheRunnerOnceRetriesAreExhausted() throws Exception {
        QueryClient down = (path, index, wait) -> CompletableFuture.failedFuture(
                new java.net.ConnectException("Connection refused"));
        RunnerConfig config = new RunnerConfig(List.of(Fakes.inline("a", "out", null)), WaitSpec.NONE,
                Duration.ofSeconds(60), new Retry(true, 2, Duration.ofMillis(1), Duration.ofMillis(2)), true, true);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunnerLog log = new RunnerLog() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {
                seen.add(message);
            }
        };
        Runner runner = new Runner(config, new Fakes.Compiler(), down, new Fakes.MemoryOutput(), commands, log,
                Runner.Listener.NONE, Clock.systemUTC());
        runner.start();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> runner.finished().get(10, TimeUnit.SECONDS));
        assertEquals("kv.block(a): cannot connect to the agent (Connection refused) (gave up after 2 retries)",
                e.getCause().getMessage());
        assertEquals(2, seen.size(), "each retry was reported: " + seen);
    }

    /** Output that appends every write, for checking order across templates. */
    static final class StringBuilderOutput implements TemplateOutput {
        private final StringBuilder out = new StringBuilder();

        @Override
        public synchronized boolean write(TemplateSpec spec, String content) {
            out.append(spec.destination()).append('=').append(content).append('\n');
            return true;
        }

        @Override
        public synchronized String toString() {
            return out.toString();
        }
    }
}
