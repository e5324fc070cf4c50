package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.cairn.http.api.Answer;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.StateQuery;
import io.cairn.http.api.Watch;
import io.cairn.http.internal.BlockingQueryTest.FakeTimer;
import io.cairn.http.testing.FakeRequest;
import io.cairn.raft.api.StateView;
import io.cairn.raft.testing.FakeRaft;

/**
 * Blocking queries whose answer reports the index of more records than the query watches (as a missing KV key
 * reports the whole table's): they wait on those records, so they answer as soon as the reported index moves.
 */
class IndexSourceTest {
    /** Each command puts its payload, a key, into the "kv" table; "rm:key" deletes the key. */
    private final FakeRaft raft = new FakeRaft().handle("kv", (payload, state) -> {
        String key = new String(payload, StandardCharsets.UTF_8);
        if (key.startsWith("rm:")) {
            state.delete("kv", key.substring(3));
        } else {
            state.put("kv", key, new byte[0]);
        }
        return new byte[0];
    });
    private final FakeTimer timer = new FakeTimer();
    private final BlockingQuery blocking = new BlockingQuery(timer, Runnable::run, bound -> 0,
            new HttpMetrics(new SimpleMeterRegistry()));
    private final AtomicInteger answers = new AtomicInteger();
    /** Consul's single-key read: the key's modify index if it exists, else the whole table's index. */
    private final StateQuery oneKey = new StateQuery() {
        @Override
        public Watch watch(Request request) {
            return new Watch("kv", request.argument());
        }

        @Override
        public Answer answer(Request request, StateView state) {
            answers.incrementAndGet();
            return state.get("kv", request.argument())
                    .map(e -> new Answer(e.modifyIndex(), Response.json(e.key())))
                    .orElseGet(() -> new Answer(state.index("kv", ""), Response.empty(404))
                            .indexedBy(new Watch("kv", "")));
        }
    };

    private void write(String key) {
        raft.submit("kv", key.getBytes(StandardCharsets.UTF_8)).toCompletableFuture().join();
    }

    private CompletableFuture<Response> get(String key, String... query) {
        return blocking.run(raft, oneKey, FakeRequest.of("GET", key, query));
    }

    /** The answer's index; the answer must be there already (the fake timer only moves when a test says so). */
    private static String index(CompletableFuture<Response> response) {
        assertTrue(response.isDone(), "answered");
        return response.join().headers().get("X-Consul-Index");
    }

    @Test
    void aMissWakesOnAWriteElsewhereAndAnswersAtOnceWithTheNewIndex() {
        write("a");
        write("b");
        CompletableFuture<Response> blocked = get("config/missing", "index=2", "wait=5s");
        assertFalse(blocked.isDone());
        timer.advance(TimeUnit.SECONDS.toNanos(1));
        write("c");
        assertEquals("3", index(blocked), "answered when the write happened, not after the wait");
        assertEquals(404, blocked.join().status());
        assertEquals(0, timer.live(), "the timeout is cancelled");
        assertEquals(0, raft.waiting());
    }

    @Test
    void anExistingKeyIsNotWokenByOtherKeys() {
        write("a");
        write("b");
        CompletableFuture<Response> blocked = get("a", "index=1", "wait=1m");
        write("c");
        assertFalse(blocked.isDone());
        assertEquals(1, answers.get(), "a write outside the key does not even wake the query");
        write("a");
        assertEquals("4", index(blocked));
    }

    @Test
    void aKeyDeletedWhileWaitedOnThenWaitsOnTheWholeTable() {
        write("a");
        write("b");
        CompletableFuture<Response> first = get("a", "index=1", "wait=1m");
        write("rm:a");
        assertEquals("3", index(first));
        assertEquals(404, first.join().status());
        CompletableFuture<Response> second = get("a", "index=3", "wait=1m");
        assertFalse(second.isDone());
        write("z");
        assertEquals("4", index(second));
    }

    @Test
    void aMissWhoseIndexDidNotPassTheClientsStillWaitsForTheTimeout() {
        write("a");
        CompletableFuture<Response> blocked = get("missing", "index=9", "wait=10s");
        write("b");
        assertFalse(blocked.isDone(), "the table's index 2 is not past the client's 9");
        timer.advance(TimeUnit.SECONDS.toNanos(10));
        assertEquals("2", index(blocked));
    }
}
