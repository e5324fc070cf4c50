package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.LocalQuery;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;

/** Blocking reads of the agent's own data ({@link LocalQuery}): no Raft, the query's own change index. */
class LocalBlockingQueryTest {
    private final BlockingQueryTest.FakeTimer timer = new BlockingQueryTest.FakeTimer();
    private final BlockingQuery blocking = new BlockingQuery(timer, Runnable::run, bound -> 0,
            new HttpMetrics(new SimpleMeterRegistry()));
    private final Data data = new Data();

    /** A list whose answer index is an unordered hash of its newest item, as the event list's is. */
    private static final class Data implements LocalQuery {
        final List<Long> items = new ArrayList<>();
        final List<CompletableFuture<Long>> waiters = new ArrayList<>();

        void add(long item) {
            items.add(item);
            List<CompletableFuture<Long>> woken = List.copyOf(waiters);
            waiters.clear();
            woken.forEach(w -> w.complete((long) items.size()));
        }

        @Override
        public Answer answer(Request request) {
            if (request.flag("bad")) {
                throw HttpException.badRequest("bad request");
            }
            long newest = items.isEmpty() ? 1 : items.get(items.size() - 1);
            return Answer.unordered(newest, Response.json(List.copyOf(items)));
        }

        @Override
        public long changeIndex() {
            return items.size();
        }

        @Override
        public CompletableFuture<Long> awaitChange(long afterIndex) {
            if (items.size() > afterIndex) {
                return CompletableFuture.completedFuture((long) items.size());
            }
            CompletableFuture<Long> waiter = new CompletableFuture<>();
            waiters.add(waiter);
            return waiter;
        }
    }

    private static HttpRequest request(String query) {
        return new HttpRequest("GET", "/v1/event/list", "", "/v1/event/list", query, UrlCodec.parseQuery(query),
                Map.of(), new byte[0], new Json().mapper());
    }

    @Test
    void answersAtOnceWithoutIndexWithTheIndexHeaderOnly() {
        data.add(40);
        Response r = blocking.runLocal(data, request("")).join();
        assertEquals("40", r.headers().get("X-Consul-Index"));
        assertNull(r.headers().get("X-Consul-KnownLeader"), "no leader is involved");
        assertTrue(data.waiters.isEmpty());
    }

    @Test
    void waitsWhileTheIndexIsTheClientsAndAnswersWhenItDiffersEvenIfLower() {
        data.add(40);
        CompletableFuture<Response> held = blocking.runLocal(data, request("index=40&wait=1m"));
        assertFalse(held.isDone());

        data.add(3);

        assertEquals("3", held.join().headers().get("X-Consul-Index"));
        assertEquals(0, timer.live(), "the answered read's timeout is cancelled");
    }

    @Test
    void aChangeThatLeavesTheIndexAsItWasKeepsWaiting() {
        data.add(40);
        CompletableFuture<Response> held = blocking.runLocal(data, request("index=40"));
        data.add(40);
        assertFalse(held.isDone());
        data.add(41);
        assertEquals("41", held.join().headers().get("X-Consul-Index"));
    }

    @Test
    void whenTheWaitRunsOutItAnswersTheSameIndex() {
        data.add(40);
        CompletableFuture<Response> held = blocking.runLocal(data, request("index=40&wait=30s"));
        timer.advance(TimeUnit.SECONDS.toNanos(29));
        assertFalse(held.isDone());
        timer.advance(TimeUnit.SECONDS.toNanos(1));
        Response r = held.join();
        assertEquals(200, r.status());
        assertEquals("40", r.headers().get("X-Consul-Index"));
        assertTrue(data.waiters.stream().allMatch(CompletableFuture::isCancelled));
    }

    @Test
    void aClientThatGoesAwayEndsTheWait() {
        data.add(40);
        CompletableFuture<Response> held = blocking.runLocal(data, request("index=40"));
        held.cancel(false);
        assertTrue(data.waiters.get(0).isCancelled());
        assertEquals(0, timer.live());
    }

    @Test
    void badRequestsFailBeforeAnythingWaits() {
        assertEquals("Invalid index", assertThrows(HttpException.class,
                () -> blocking.runLocal(data, request("index=abc"))).getMessage());
        assertEquals("Invalid wait time", assertThrows(HttpException.class,
                () -> blocking.runLocal(data, request("index=1&wait=10"))).getMessage());
        CompletionException bad = assertThrows(CompletionException.class,
                () -> blocking.runLocal(data, request("index=1&bad")).join());
        assertEquals("bad request", bad.getCause().getMessage());
        assertTrue(data.waiters.isEmpty());
    }
}
