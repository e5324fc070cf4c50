package io.cairn.template.internal.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.template.internal.data.ApiDependency;
import io.cairn.template.internal.data.Dependency;
import io.cairn.template.internal.runner.Fakes.Key;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ApiWatchTest {

    /** Requests wait until the test answers them. */
    static final class FakeClient implements QueryClient {
        record Request(String path, long index, Duration blockFor, CompletableFuture<Reply> reply) {}

        final Deque<Request> pending = new ArrayDeque<>();
        final List<String> sent = new ArrayList<>();

        @Override
        public CompletableFuture<Reply> get(String pathAndQuery, long index, Duration wait) {
            Request request = new Request(pathAndQuery, index, wait, new CompletableFuture<>());
            pending.add(request);
            sent.add(pathAndQuery + " index=" + index);
            return request.reply();
        }

        void answer(int status, long index, String body) {
            pending.poll().reply().complete(new Reply(status, index, body.getBytes(StandardCharsets.UTF_8)));
        }

        void fail() {
            pending.poll().reply().completeExceptionally(new ConnectException("Connection refused"));
        }
    }

    /** Runs scheduled tasks only when the test says so, and remembers their delays. */
    static final class FakeScheduler implements Scheduler {
        final Deque<Runnable> tasks = new ArrayDeque<>();
        final List<Duration> delays = new ArrayList<>();

        @Override
        public void schedule(Duration delay, Runnable task) {
            delays.add(delay);
            tasks.add(task);
        }

        void runNext() {
            tasks.poll().run();
        }
    }

    static final class Sink implements DataSink {
        final List<String> events = new ArrayList<>();

        @Override
        public void changed(Dependency dependency, Object value) {
            events.add(dependency.describe() + "=" + value);
        }

        @Override
        public void failed(Dependency dependency, String problem, boolean gaveUp) {
            events.add((gaveUp ? "gave up: " : "failed: ") + problem);
        }
    }

    private final FakeClient client = new FakeClient();
    private final FakeScheduler scheduler = new FakeScheduler();
    private final Sink sink = new Sink();

    private ApiWatch watch(ApiDependency dependency, Retry retry) {
        return new ApiWatch(dependency, client, scheduler, Duration.ofSeconds(60), retry, sink);
    }

    @Test
    void blocksOnTheLastIndexAndReportsOnlyNewData() {
        watch(new Key("k"), Retry.DEFAULT).start();
        client.answer(200, 5, "v1");
        client.answer(200, 5, "v1");
        client.answer(200, 7, "v1");
        client.answer(200, 9, "v2");
        assertEquals(List.of("/v1/kv/k?raw= index=0", "/v1/kv/k?raw= index=5", "/v1/kv/k?raw= index=5",
                "/v1/kv/k?raw= index=7", "/v1/kv/k?raw= index=9"), client.sent);
        assertEquals(List.of("kv.block(k)=v1", "kv.block(k)=v2"), sink.events,
                "same index: no change; new index with the same body: no change");
        assertEquals(Duration.ofSeconds(60), client.pending.peek().blockFor());
    }

    @Test
    void anIndexGoingBackwardsResetsToZero() {
        watch(new Key("k"), Retry.DEFAULT).start();
        client.answer(200, 50, "v1");
        client.answer(200, 3, "v1");
        client.answer(200, 4, "v2");
        assertEquals(List.of("/v1/kv/k?raw= index=0", "/v1/kv/k?raw= index=50", "/v1/kv/k?raw= index=0",
                "/v1/kv/k?raw= index=4"), client.sent);
        assertEquals(List.of("kv.block(k)=v1", "kv.block(k)=v2"), sink.events);
    }

    @Test
    void aFirstReplyOfIndexZeroIsIgnoredAndAskedAgainAfterAPause() {
        watch(new Key("k"), Retry.DEFAULT).start();
        client.answer(200, 0, "v0");
        assertEquals(List.of(), sink.events);
        assertEquals(List.of(ApiWatch.NO_INDEX_PAUSE), scheduler.delays);
        scheduler.runNext();
        client.answer(200, 2, "v1");
        assertEquals(List.of("kv.block(k)=v1"), sink.events);
    }

    @Test
    void aMissingKeyIsReportedAsNoValueAndItsCreationAsData() {
        watch(new Key("k"), Retry.DEFAULT).start();
        client.answer(404, 3, "");
        client.answer(200, 4, "here");
        assertEquals(List.of("kv.block(k)=null", "kv.block(k)=here"), sink.events);
    }

    @Test
    void failuresAreRetriedWithDoublingBackoffAndGiveUpAfterTheAttempts() {
        watch(new Key("k"), new Retry(true, 2, Duration.ofMillis(250), Duration.ofMillis(400))).start();
        client.fail();
        scheduler.runNext();
        client.answer(500, 0, "No cluster leader");
        scheduler.runNext();
        client.fail();
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(400)), scheduler.delays);
        assertEquals(3, sink.events.size(), sink.events.toString());
        assertTrue(sink.events.get(0).startsWith("failed: kv.block(k): cannot connect to the agent"),
                sink.events.get(0));
        assertEquals("failed: kv.block(k): Unexpected response code: 500 (No cluster leader) (retry 2 in 400 ms)",
                sink.events.get(1));
        assertTrue(sink.events.get(2).startsWith("gave up: kv.block(k): cannot connect"), sink.events.get(2));
        assertTrue(client.pending.isEmpty() && scheduler.tasks.isEmpty(), "the watch stopped");
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        watch(new Key("k"), new Retry(true, 1, Duration.ofMillis(250), Duration.ofSeconds(1))).start();
        client.fail();
        scheduler.runNext();
        client.answer(200, 2, "v");
        client.fail();
        assertEquals(List.of("failed", "kv.block(k)=v", "failed"), sink.events.stream()
                .map(e -> e.startsWith("failed") ? "failed" : e).toList());
    }

    @Test
    void endpointsThatDoNotBlockArePolled() {
        ApiDependency datacenters = new ApiDependency() {
            @Override
            public String describe() {
                return "catalog.datacenters";
            }

            @Override
            public String path() {
                return "/v1/catalog/datacenters";
            }

            @Override
            public boolean blocking() {
                return false;
            }

            @Override
            public Object decode(int status, byte[] body) {
                return new String(body, StandardCharsets.UTF_8);
            }
        };
        watch(datacenters, Retry.DEFAULT).start();
        client.answer(200, 0, "[\"dc1\"]");
        scheduler.runNext();
        client.answer(200, 0, "[\"dc1\"]");
        assertEquals(List.of("catalog.datacenters=[\"dc1\"]"), sink.events);
        assertEquals(List.of(ApiWatch.POLL_INTERVAL, ApiWatch.POLL_INTERVAL), scheduler.delays);
        assertEquals(List.of("/v1/catalog/datacenters index=0", "/v1/catalog/datacenters index=0"), client.sent);
    }

    @Test
    void aStoppedWatchIgnoresItsLastReplyAndAsksNoMore() {
        ApiWatch watch = watch(new Key("k"), Retry.DEFAULT);
        watch.start();
        watch.stop();
        client.answer(200, 3, "v");
        assertEquals(List.of(), sink.events);
        assertTrue(client.pending.isEmpty());
    }
}
