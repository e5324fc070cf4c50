package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;

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
 * Blocking queries whose answers report an unordered index (as the event list does): they answer as soon as the
 * index differs from the client's, and wait on the Raft index of the watched records meanwhile.
 */
class UnorderedAnswerTest {
    /** Each command stores its payload, a hex number, as the "tags" table's one record. */
    private final FakeRaft raft = new FakeRaft()
            .handle("tag", (payload, state) -> {
                state.put("tags", "latest", payload);
                return new byte[0];
            })
            .handle("other", (payload, state) -> {
                state.put("other", "x", payload);
                return new byte[0];
            });
    private final FakeTimer timer = new FakeTimer();
    private final BlockingQuery blocking = blocking(bound -> 0);
    private final AtomicInteger answers = new AtomicInteger();
    /** Reports the latest tag as its index; its Raft index never shows. */
    private final StateQuery latestTag = new StateQuery() {
        @Override
        public Watch watch(Request request) {
            return new Watch("tags", "");
        }

        @Override
        public Answer answer(Request request, StateView state) {
            answers.incrementAndGet();
            long tag = state.get("tags", "latest")
                    .map(e -> Long.parseUnsignedLong(new String(e.value(), StandardCharsets.UTF_8), 16))
                    .orElse(1L);
            return Answer.unordered(tag, Response.json(Long.toHexString(tag)));
        }
    };

    private BlockingQuery blocking(LongUnaryOperator randomBelow) {
        return new BlockingQuery(timer, Runnable::run, randomBelow, new HttpMetrics(new SimpleMeterRegistry()));
    }

    private void tag(String hex) {
        raft.submit("tag", hex.getBytes(StandardCharsets.UTF_8)).toCompletableFuture().join();
    }

    private CompletableFuture<Response> list(String... query) {
        return blocking.run(raft, latestTag, FakeRequest.of("GET", "", query));
    }

    private static String index(CompletableFuture<Response> response) {
        return response.join().headers().get("X-Consul-Index");
    }

    @Test
    void answersAtOnceWhenTheIndexDiffersEvenIfItIsLower() {
        tag("5");
        assertEquals("5", index(list("index=9", "wait=1m")));
        assertEquals(0, raft.waiting());
    }

    @Test
    void waitsWhileTheIndexIsTheClientsAndAnswersWhenItChangesDownwards() {
        tag("ff00");
        CompletableFuture<Response> blocked = list("index=65280", "wait=1m");
        assertFalse(blocked.isDone());
        assertEquals(1, raft.waiting(), "waits on the Raft index of the tags, far below the client's 65280");
        tag("3");
        assertEquals("3", index(blocked));
        assertEquals(0, timer.live(), "the timeout is cancelled once the answer is sent");
    }

    @Test
    void aChangeThatKeepsTheIndexWaitsAgainAndOtherTablesDoNotWake() {
        tag("7");
        CompletableFuture<Response> blocked = list("index=7", "wait=1m");
        raft.submit("other", new byte[] {1}).toCompletableFuture().join();
        assertEquals(1, answers.get(), "a write outside the watched records does not wake the query");
        tag("7");
        assertFalse(blocked.isDone());
        assertEquals(2, answers.get());
        assertEquals(1, raft.waiting(), "waits again after the change that woke it");
        tag("8");
        assertEquals("8", index(blocked));
    }

    @Test
    void usesAll64BitsOfTheIndex() {
        tag("f000000000000000");
        CompletableFuture<Response> blocked = list("index=17293822569102704640", "wait=1m");
        assertFalse(blocked.isDone(), "an index above 2^63 that equals the answer's still blocks");
        tag("f000000000000001");
        assertEquals("17293822569102704641", index(blocked));
    }

    @Test
    void timesOutWithTheSameIndex() {
        tag("7");
        CompletableFuture<Response> blocked = list("index=7", "wait=30s");
        timer.advance(TimeUnit.SECONDS.toNanos(29));
        assertFalse(blocked.isDone());
        timer.advance(TimeUnit.SECONDS.toNanos(1));
        Response response = blocked.join();
        assertEquals(200, response.status());
        assertEquals("7", response.headers().get("X-Consul-Index"));
        assertEquals("7", response.jsonBody());
        assertEquals(0, raft.waiting(), "the Raft wait is cancelled at the deadline");
    }

    @Test
    void theWaitHasTheSameDefaultCapAndJitter() {
        BlockingQuery jittered = blocking(bound -> bound - 1);
        tag("7");
        CompletableFuture<Response> blocked = jittered.run(raft, latestTag, FakeRequest.of("GET", "", "index=7",
                "wait=1h"));
        timer.advance(TimeUnit.MINUTES.toNanos(10));
        assertFalse(blocked.isDone(), "capped at 10 min, plus jitter below 10/16 min");
        timer.advance(TimeUnit.SECONDS.toNanos(38));
        assertEquals("7", index(blocked));
    }

    @Test
    void indexZeroIsReportedAndComparedAsOne() {
        tag("0");
        CompletableFuture<Response> blocked = list("index=1", "wait=1m");
        assertFalse(blocked.isDone(), "the client saw 1 for the answer's 0, so nothing changed");
        tag("2");
        assertEquals("2", index(blocked));
    }
}
