package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.raft.api.Consistency;
import io.cairn.raft.api.StateView;

class BlockingQueryTest {

    /** A timer whose clock moves only when the test advances it. */
    static final class FakeTimer implements WaitTimer {
        record Task(long due, Runnable run, boolean[] cancelled) {
        }

        long now;
        final List<Task> tasks = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public Runnable schedule(Runnable task, long delayNanos) {
            Task t = new Task(now + delayNanos, task, new boolean[1]);
            tasks.add(t);
            return () -> t.cancelled[0] = true;
        }

        void advance(long nanos) {
            now += nanos;
            for (Task t : List.copyOf(tasks)) {
                if (t.due <= now && !t.cancelled[0]) {
                    tasks.remove(t);
                    t.run.run();
                }
            }
        }

        long live() {
            return tasks.stream().filter(t -> !t.cancelled[0]).count();
        }
    }

    private final FakeRaft raft = new FakeRaft();
    private final FakeTimer timer = new FakeTimer();
    private final BlockingQuery blocking = new BlockingQuery(timer, Runnable::run, bound -> 0, new HttpMetrics(new SimpleMeterRegistry()));
    private final AtomicLong answers = new AtomicLong();
    /** Answers with the "kv" table's index, but ignores writes whose index is odd (as a key query ignores other keys). */
    private final StateQuery query = new StateQuery() {
        @Override
        public Watch watch(Request request) {
            if (request.flag("bad")) {
                throw HttpException.badRequest("bad request");
            }
            return new Watch("kv", "");
        }

        @Override
        public Answer answer(Request request, StateView state) {
            answers.incrementAndGet();
            long index = state.index("kv", "");
            long visible = index % 2 == 0 ? index : index - 1;
            return new Answer(visible, Response.json(Map.of("index", visible)));
        }
    };

    private HttpRequest request(String queryString) {
        return new HttpRequest("GET", "/v1/kv/a", "a", "/v1/kv/a", queryString, UrlCodec.parseQuery(queryString),
                Map.of(), new byte[0], new Json().mapper());
    }

    @Test
    void answersAtOnceWithoutIndexAndSetsHeaders() {
        raft.write("kv", 0);
        Response r = blocking.run(raft, query, request("stale")).join();
        assertEquals("1", r.headers().get("X-Consul-Index"), "index 0 is sent as 1");
        assertEquals("true", r.headers().get("X-Consul-KnownLeader"));
        assertEquals("0", r.headers().get("X-Consul-LastContact"));
        assertEquals("stale", r.headers().get("X-Consul-Effective-Consistency"));
        assertEquals(List.of(Consistency.STALE), raft.barriers);
        assertTrue(raft.waits.isEmpty());
    }

    @Test
    void emptyIndexAndWaitCountAsAbsentAsInConsul() {
        raft.write("kv", 4);
        Response r = blocking.run(raft, query, request("index=&wait=")).join();
        assertEquals("4", r.headers().get("X-Consul-Index"));
        assertTrue(raft.waits.isEmpty());
        assertEquals(TimeUnit.MINUTES.toNanos(5), blocking.timeoutNanos(request("index=4&wait=")));
    }

    @Test
    void answersAtOnceWhenTheDataIsAlreadyNewer() {
        raft.write("kv", 10);
        Response r = blocking.run(raft, query, request("index=4")).join();
        assertEquals("10", r.headers().get("X-Consul-Index"));
        assertEquals("leader", r.headers().get("X-Consul-Effective-Consistency"));
        assertTrue(raft.waits.isEmpty());
    }

    @Test
    void wakesOnChange() {
        raft.write("kv", 4);
        CompletableFuture<Response> r = blocking.run(raft, query, request("index=4&wait=1m"));
        assertFalse(r.isDone());
        assertEquals(1, raft.pendingWaits().size());
        raft.write("kv", 6);
        assertEquals("6", r.join().headers().get("X-Consul-Index"));
        assertEquals(0, timer.live(), "the timeout is cancelled once the change arrives");
    }

    @Test
    void waitsAgainWhenTheAnswerDidNotAdvance() {
        raft.write("kv", 4);
        CompletableFuture<Response> r = blocking.run(raft, query, request("index=4&wait=1m"));
        raft.write("kv", 5); // wakes the wait, but the answer still says 4
        assertFalse(r.isDone());
        List<FakeRaft.Wait> waits = raft.pendingWaits();
        assertEquals(1, waits.size());
        assertEquals(5, waits.get(0).afterIndex(), "the next wait starts after the index that woke it");
        raft.write("kv", 8);
        assertEquals("8", r.join().headers().get("X-Consul-Index"));
    }

    @Test
    void timesOutWithTheCurrentData() {
        raft.write("kv", 4);
        CompletableFuture<Response> r = blocking.run(raft, query, request("index=4&wait=30s"));
        timer.advance(TimeUnit.SECONDS.toNanos(29));
        assertFalse(r.isDone());
        timer.advance(TimeUnit.SECONDS.toNanos(1));
        Response response = r.join();
        assertEquals(200, response.status());
        assertEquals("4", response.headers().get("X-Consul-Index"));
        assertTrue(raft.pendingWaits().isEmpty(), "the Raft wait is cancelled at the deadline");
    }

    @Test
    void rewaitsOnlyForTheTimeLeft() {
        raft.write("kv", 4);
        CompletableFuture<Response> r = blocking.run(raft, query, request("index=4&wait=30s"));
        timer.advance(TimeUnit.SECONDS.toNanos(20));
        raft.write("kv", 5);
        timer.advance(TimeUnit.SECONDS.toNanos(10));
        assertEquals("4", r.join().headers().get("X-Consul-Index"));
    }

    @Test
    void cancellingStopsTheWait() {
        raft.write("kv", 4);
        CompletableFuture<Response> r = blocking.run(raft, query, request("index=4"));
        r.cancel(false);
        assertTrue(raft.pendingWaits().isEmpty());
    }

    @Test
    void validatesBeforeWaiting() {
        assertEquals("Invalid index", assertThrows(HttpException.class,
                () -> blocking.run(raft, query, request("index=-1"))).getMessage());
        assertEquals("Invalid index", assertThrows(HttpException.class,
                () -> blocking.run(raft, query, request("index=abc"))).getMessage());
        assertEquals("Invalid wait time", assertThrows(HttpException.class,
                () -> blocking.run(raft, query, request("index=1&wait=10"))).getMessage());
        assertEquals("bad request", assertThrows(HttpException.class,
                () -> blocking.run(raft, query, request("bad"))).getMessage());
        assertTrue(raft.barriers.isEmpty());
    }

    @Test
    void waitDefaultsCapsAndJitter() {
        long fiveMinutes = TimeUnit.MINUTES.toNanos(5);
        long tenMinutes = TimeUnit.MINUTES.toNanos(10);
        assertEquals(fiveMinutes, blocking.timeoutNanos(request("index=1")));
        assertEquals(fiveMinutes, blocking.timeoutNanos(request("index=1&wait=0s")));
        assertEquals(tenMinutes, blocking.timeoutNanos(request("index=1&wait=1h")));
        assertEquals(TimeUnit.SECONDS.toNanos(120), blocking.timeoutNanos(request("index=1&wait=120000ms")));

        long[] bounds = new long[1];
        LongUnaryOperator highest = bound -> {
            bounds[0] = bound;
            return bound - 1;
        };
        BlockingQuery jittered = new BlockingQuery(timer, Runnable::run, highest, new HttpMetrics(new SimpleMeterRegistry()));
        long timeout = jittered.timeoutNanos(request("index=1&wait=160s"));
        assertEquals(TimeUnit.SECONDS.toNanos(10), bounds[0], "jitter is drawn below wait/16");
        assertTrue(timeout > TimeUnit.SECONDS.toNanos(160) && timeout < TimeUnit.SECONDS.toNanos(170));
    }
}
