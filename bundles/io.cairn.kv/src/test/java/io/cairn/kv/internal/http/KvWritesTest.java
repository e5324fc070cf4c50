package io.cairn.kv.internal.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.http.testing.FakeRoutes;
import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvStore;
import io.cairn.kv.internal.KvRaft;
import io.cairn.kv.internal.KvReads;
import io.cairn.kv.internal.RaftKvStore;

import org.junit.jupiter.api.Test;

class KvWritesTest {

    private final KvRaft raft = new KvRaft();
    private final KvWrites writes = new KvWrites(new RaftKvStore(raft, raft.lockDelays));

    private Object put(String key, String body, String... params) {
        Response r = writes.put(FakeRequest.of("PUT", key, params).body(body)).toCompletableFuture().join();
        return r.jsonBody();
    }

    private Object delete(String key, String... params) {
        return writes.delete(FakeRequest.of("DELETE", key, params)).toCompletableFuture().join().jsonBody();
    }

    private HttpException refusedPut(String key, byte[] body, String... params) {
        return assertThrows(HttpException.class, () -> writes.put(FakeRequest.of("PUT", key, params).body(body)));
    }

    private KvEntry stored(String key) {
        return KvReads.get(raft.state(), key).orElseThrow();
    }

    @Test
    void putStoresTheBodyAndFlags() {
        assertEquals(true, put("a/b", "hello", "flags=18446744073709551615"));
        assertArrayEquals("hello".getBytes(UTF_8), stored("a/b").value());
        assertEquals(-1L, stored("a/b").flags());
        assertEquals(true, put("a/b", "again"));
        assertEquals(0, stored("a/b").flags(), "a put without flags resets them, as in Consul");
    }

    @Test
    void putWithCasAnswersTheOutcome() {
        assertEquals(true, put("k", "1", "cas=0"));
        assertEquals(false, put("k", "2", "cas=0"));
        assertEquals(true, put("k", "3", "cas=1"));
        assertArrayEquals("3".getBytes(UTF_8), stored("k").value());
    }

    @Test
    void putRefusals() {
        assertEquals("Missing key name", refusedPut("", new byte[0]).getMessage());
        assertEquals(400, refusedPut("x/../y", new byte[0]).status());
        HttpException conflict = refusedPut("k", new byte[0], "cas=1", "release=s e", "dc=dc1");
        assertEquals(400, conflict.status());
        assertEquals("Conflicting flags: cas=1&dc=dc1&release=s+e\n", conflict.getMessage());
        HttpException tooLarge = refusedPut("k", new byte[KvStore.MAX_VALUE_SIZE + 1]);
        assertEquals(413, tooLarge.status());
        assertEquals("Request body(524289 bytes) too large, max size: 524288 bytes. See "
                + "https://developer.hashicorp.com/docs/agent/config/config-files#kv_max_value_size.",
                tooLarge.getMessage());
        assertEquals(0, raft.submitted());
    }

    @Test
    void aKeyUtf8CannotCarryIsRefusedNotStoredAsAQuestionMark() {
        HttpException put = refusedPut("a\ud800", new byte[0]);
        assertEquals(400, put.status());
        assertEquals("Invalid key: unpaired UTF-16 surrogate \\ud800 at index 1; a key must be valid Unicode",
                put.getMessage());
        assertEquals(400, refusedPut("\ude00b", new byte[0], "acquire=s1").status());
        HttpException delete = assertThrows(HttpException.class,
                () -> writes.delete(FakeRequest.of("DELETE", "p\ud83d", "recurse")));
        assertEquals(400, delete.status());
        assertEquals(0, raft.submitted());
        assertEquals(true, put("\ud83d\ude00", "a paired surrogate is one character"));
        assertEquals("\ud83d\ude00", stored("\ud83d\ude00").key());
    }

    @Test
    void acquireAndReleaseFollowConsul() {
        raft.session("s1");
        raft.session("s2");
        assertEquals(true, put("k", "mine", "acquire=s1"));
        assertEquals(1, stored("k").lockIndex());
        assertEquals("s1", stored("k").session());
        assertEquals(true, put("k", "again", "acquire=s1"), "the holder acquires again");
        assertEquals(1, stored("k").lockIndex(), "without a new acquisition");
        assertArrayEquals("again".getBytes(UTF_8), stored("k").value());
        assertEquals(false, put("k", "theirs", "acquire=s2"));
        assertEquals(false, put("k", "", "release=s2"));
        assertEquals(true, put("k", "plain"), "a plain put on a locked key succeeds");
        assertEquals("s1", stored("k").session(), "and keeps the lock");
        assertEquals(true, put("k", "done", "release=s1"));
        assertEquals("", stored("k").session());
        assertEquals(1, stored("k").lockIndex(), "release keeps the lock index");
        assertEquals(true, put("k", "theirs", "acquire=s2"));
        assertEquals(2, stored("k").lockIndex());
    }

    @Test
    void unknownOrMissingSession() {
        var failure = assertThrows(java.util.concurrent.CompletionException.class,
                () -> writes.put(FakeRequest.of("PUT", "k", "acquire=adf4238a")).toCompletableFuture().join());
        assertEquals(IllegalStateException.class, failure.getCause().getClass());
        assertEquals("invalid session \"adf4238a\"", failure.getCause().getMessage());
        HttpException missing = refusedPut("k", new byte[0], "acquire");
        assertEquals(500, missing.status());
        assertEquals("missing session", missing.getMessage());
        assertEquals(false, put("k", "v", "release=adf4238a"));
        assertTrue(KvReads.get(raft.state(), "k").isEmpty());
    }

    @Test
    void acquireWithCasConflicts() {
        HttpException conflict = refusedPut("k", new byte[0], "cas=0", "acquire=s1");
        assertEquals("Conflicting flags: acquire=s1&cas=0\n", conflict.getMessage());
    }

    @Test
    void lockDelayRefusesAcquireUntilItPasses() {
        raft.session("s1");
        raft.lockDelays.arm("k", 15_000_000_000L);
        int before = raft.submitted();
        assertEquals(false, put("k", "v", "acquire=s1"));
        assertEquals(before, raft.submitted(), "answered without a Raft write");
        raft.nanos += 15_000_000_000L;
        assertEquals(true, put("k", "v", "acquire=s1"));
    }

    @Test
    void deleteOneKeyATreeOrByIndex() {
        put("t/1", "");
        put("t/2", "");
        put("u", "");
        assertEquals(true, delete("u"));
        assertEquals(true, delete("u"));
        assertEquals(false, delete("t/1", "cas=9"));
        assertEquals(true, delete("t/1", "cas=1"));
        assertEquals(true, delete("t/", "recurse"));
        assertTrue(KvReads.list(raft.state(), "").isEmpty());
        put("v", "");
        assertEquals(true, delete("", "recurse"));
        assertTrue(KvReads.list(raft.state(), "").isEmpty());
    }

    @Test
    void deleteRefusals() {
        HttpException conflict = assertThrows(HttpException.class,
                () -> writes.delete(FakeRequest.of("DELETE", "k", "recurse", "cas=1")));
        assertEquals("Conflicting flags: cas=1&recurse=\n", conflict.getMessage());
        HttpException missing = assertThrows(HttpException.class, () -> writes.delete(FakeRequest.of("DELETE", "")));
        assertEquals("Missing key name", missing.getMessage());
    }

    @Test
    void routesDeclareReadPutAndDelete() {
        var table = new FakeRoutes();
        new KvRoutes(new RaftKvStore(raft, raft.lockDelays)).routes(table);
        assertEquals(List.of("READ /v1/kv/", "PUT /v1/kv/", "DELETE /v1/kv/"), table.declared());
    }
}
