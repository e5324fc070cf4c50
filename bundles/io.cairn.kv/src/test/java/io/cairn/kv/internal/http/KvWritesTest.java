package io.cairn.kv.internal.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvStore;
import io.cairn.kv.internal.FakeRaft;
import io.cairn.kv.internal.KvReads;
import io.cairn.kv.internal.RaftKvStore;

import org.junit.jupiter.api.Test;

class KvWritesTest {

    private final FakeRaft raft = new FakeRaft();
    private final KvWrites writes = new KvWrites(new RaftKvStore(raft));

    private Object put(String key, String body, String... params) {
        Response r = writes.put(new FakeRequest("PUT", key, params).body(body)).toCompletableFuture().join();
        return r.jsonBody();
    }

    private Object delete(String key, String... params) {
        return writes.delete(new FakeRequest("DELETE", key, params)).toCompletableFuture().join().jsonBody();
    }

    private HttpException refusedPut(String key, byte[] body, String... params) {
        return assertThrows(HttpException.class, () -> writes.put(new FakeRequest("PUT", key, params).body(body)));
    }

    private KvEntry stored(String key) {
        return KvReads.get(raft.state, key).orElseThrow();
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
        assertEquals(0, raft.submitted);
    }

    @Test
    void sessionsDoNotExistYet() {
        HttpException acquire = refusedPut("k", new byte[0], "acquire=adf4238a");
        assertEquals(500, acquire.status());
        assertEquals("invalid session \"adf4238a\"", acquire.getMessage());
        assertEquals("missing session", refusedPut("k", new byte[0], "acquire").getMessage());
        assertEquals(false, put("k", "v", "release=adf4238a"));
        assertTrue(KvReads.get(raft.state, "k").isEmpty());
        assertEquals(0, raft.submitted);
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
        assertTrue(KvReads.list(raft.state, "").isEmpty());
        put("v", "");
        assertEquals(true, delete("", "recurse"));
        assertTrue(KvReads.list(raft.state, "").isEmpty());
    }

    @Test
    void deleteRefusals() {
        HttpException conflict = assertThrows(HttpException.class,
                () -> writes.delete(new FakeRequest("DELETE", "k", "recurse", "cas=1")));
        assertEquals("Conflicting flags: cas=1&recurse=\n", conflict.getMessage());
        HttpException missing = assertThrows(HttpException.class, () -> writes.delete(new FakeRequest("DELETE", "")));
        assertEquals("Missing key name", missing.getMessage());
    }

    @Test
    void routesDeclareReadPutAndDelete() {
        var table = new RecordingRouteTable();
        new KvRoutes(new RaftKvStore(raft)).routes(table);
        assertEquals("read /v1/kv/,put /v1/kv/,delete /v1/kv/", table.declared());
    }
}
