package io.cairn.kv.internal.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.testing.FakeRequest;
import io.cairn.kv.internal.KvRaft;
import io.cairn.kv.internal.KvReads;
import io.cairn.kv.internal.RaftKvStore;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /v1/kv} under a token's rules: reads of one key 403, listings filtered, writes 403 with nothing changed. */
class KvAclTest {

    private static final String FILTERED = "X-Consul-Results-Filtered-By-ACLs";
    /** Reads everything under web/ but web/secret, writes web/app/, cannot touch db/. */
    private static final String RULES = """
            key_prefix "web/" { policy = "read" }
            key "web/secret" { policy = "deny" }
            key_prefix "web/app/" { policy = "write" }
            """;

    private final KvRaft raft = new KvRaft();
    private final KvWrites writes = new KvWrites(new RaftKvStore(raft, raft.lockDelays));
    private final KvReadQuery reads = new KvReadQuery();

    @BeforeEach
    void fill() {
        for (String key : List.of("db/pass", "web/a", "web/app/x", "web/app/y", "web/secret", "web/sub/z")) {
            put(new FakeRequest(), key, "v-" + key);
        }
    }

    private static FakeRequest token() {
        return new FakeRequest().rules(RULES);
    }

    private Object put(FakeRequest request, String key, String body, String... params) {
        return writes.put(request.method("PUT").argument(key).query(params).body(body)).toCompletableFuture().join()
                .jsonBody();
    }

    private Object delete(FakeRequest request, String key, String... params) {
        return writes.delete(request.method("DELETE").argument(key).query(params)).toCompletableFuture().join()
                .jsonBody();
    }

    private Answer get(FakeRequest request, String key, String... params) {
        request.method("GET").argument(key).query(params);
        reads.watch(request);
        return reads.answer(request, raft.state());
    }

    private String value(String key) {
        return new String(KvReads.get(raft.state(), key).orElseThrow().value(), UTF_8);
    }

    private static void assertDenied(String text, Runnable call) {
        HttpException denied = assertThrows(HttpException.class, call::run);
        assertEquals(403, denied.status());
        assertEquals("Permission denied: token with AccessorID '" + FakeRequest.TEST_ACCESSOR + "' lacks " + text,
                denied.getMessage());
    }

    @Test
    void oneKeyNeedsKeyReadWhetherItExistsOrNot() {
        Answer allowed = get(token(), "web/a", "raw");
        assertArrayEquals("v-web/a".getBytes(UTF_8), allowed.response().rawBody());
        assertEquals(404, get(token(), "web/missing").response().status());
        assertDenied("permission 'key:read' on \"db/pass\"", () -> get(token(), "db/pass"));
        assertDenied("permission 'key:read' on \"db/missing\"", () -> get(token(), "db/missing"));
        assertDenied("permission 'key:read' on \"web/secret\"", () -> get(token(), "web/secret"));
    }

    @Test
    void recurseLeavesOutWhatTheTokenCannotReadAndSaysSo() {
        Answer answer = get(token(), "web/", "recurse");
        List<String> keys = ((List<?>) answer.response().jsonBody()).stream().map(p -> ((KvPairJson) p).key())
                .toList();
        assertEquals(List.of("web/a", "web/app/x", "web/app/y", "web/sub/z"), keys);
        assertEquals("true", answer.response().headers().get(FILTERED));
        Answer everything = get(new FakeRequest(), "web/", "recurse");
        assertEquals(5, ((List<?>) everything.response().jsonBody()).size());
        assertNull(everything.response().headers().get(FILTERED));
        assertEquals(everything.index(), answer.index(), "the index is the prefix's, filtered or not");

        Answer nothingReadable = get(token(), "db/", "recurse");
        assertEquals(404, nothingReadable.response().status());
        assertEquals("true", nothingReadable.response().headers().get(FILTERED));
    }

    @Test
    void keysAreFilteredBeforeTheyAreCut() {
        Answer root = get(token(), "", "keys", "separator=/");
        assertEquals(List.of("web/"), root.response().jsonBody(), "db/pass is left out, so db/ is too");
        assertEquals("true", root.response().headers().get(FILTERED));
        assertEquals(List.of("web/a", "web/app/", "web/sub/"),
                get(token(), "web/", "keys", "separator=/").response().jsonBody());
        Answer app = get(token(), "web/app/", "keys");
        assertEquals(List.of("web/app/x", "web/app/y"), app.response().jsonBody());
        assertNull(app.response().headers().get(FILTERED));
    }

    @Test
    void anonymousRequestsAreFilteredWithoutBeingTold() {
        Answer answer = get(new FakeRequest().anonymousDenied(), "", "recurse");
        assertEquals(404, answer.response().status());
        assertNull(answer.response().headers().get(FILTERED));
    }

    @Test
    void everyPutNeedsKeyWrite() {
        raft.session("s1");
        assertEquals(true, put(token(), "web/app/x", "new"));
        assertEquals(true, put(token(), "web/app/new", "1", "flags=7"));
        assertEquals(true, put(token(), "web/app/x", "cas", "cas=" + KvReads.get(raft.state(), "web/app/x")
                .orElseThrow().modifyIndex()));
        assertEquals(true, put(token(), "web/app/lock", "held", "acquire=s1"), "no session rule is needed");
        assertEquals(true, put(token(), "web/app/lock", "free", "release=s1"));

        for (String[] params : new String[][] {{}, {"cas=0"}, {"acquire=s1"}, {"release=s1"}, {"flags=1"}}) {
            assertDenied("permission 'key:write' on \"web/a\"", () -> put(token(), "web/a", "changed", params));
            assertDenied("permission 'key:write' on \"db/new\"", () -> put(token(), "db/new", "x", params));
        }
        assertEquals("v-web/a", value("web/a"));
        assertEquals("", KvReads.get(raft.state(), "web/a").orElseThrow().session());
        assertTrue(KvReads.get(raft.state(), "db/new").isEmpty());
    }

    @Test
    void deletesNeedKeyWriteAndATreeNeedsWriteOnAllOfIt() {
        assertEquals(true, delete(token(), "web/app/x"));
        assertEquals(true, delete(token(), "web/app/", "recurse"));
        assertTrue(KvReads.list(raft.state(), "web/app/").isEmpty());

        assertDenied("permission 'key:write' on \"web/a\"", () -> delete(token(), "web/a"));
        assertDenied("permission 'key:write' on \"web/a\"", () -> delete(token(), "web/a", "cas=1"));
        assertDenied("permission 'key:write' on \"web/\"", () -> delete(token(), "web/", "recurse"));
        assertDenied("permission 'key:write' on \"\"", () -> delete(token(), "", "recurse"));
        assertEquals(List.of("db/pass", "web/a", "web/secret", "web/sub/z"),
                KvReads.list(raft.state(), "").stream().map(e -> e.key()).toList());
    }

    @Test
    void aTreeWithAWritablePrefixButADeniedKeyUnderItIsRefused() {
        FakeRequest request = new FakeRequest().rules("""
                key_prefix "web/" { policy = "write" }
                key "web/secret" { policy = "read" }
                """);
        assertDenied("permission 'key:write' on \"web/\"", () -> delete(request, "web/", "recurse"));
        assertEquals("v-web/secret", value("web/secret"));
    }
}
