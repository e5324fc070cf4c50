package io.cairn.kv.internal.http;

import io.cairn.raft.testing.InMemoryState;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import io.cairn.http.api.Answer;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Watch;
import io.cairn.http.testing.FakeRequest;
import io.cairn.kv.api.KvOperation;
import io.cairn.kv.internal.KvOps;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KvReadQueryTest {

    private final InMemoryState state = new InMemoryState();
    private final KvReadQuery query = new KvReadQuery();
    private long index;

    private void apply(KvOperation command) {
        KvOps.apply(command, state.at(++index));
    }

    @BeforeEach
    void fill() {
        apply(KvOps.set("web/bar", "1".getBytes(UTF_8), 3));   // 1
        apply(KvOps.set("web/sub/x", "2".getBytes(UTF_8), 0)); // 2
        apply(KvOps.set("zed", "<b>".getBytes(UTF_8), 0));     // 3
        apply(KvOps.delete("web/gone"));                        // 4: nothing to delete
        apply(KvOps.set("web/gone", new byte[0], 0));           // 5
        apply(KvOps.delete("web/gone"));                        // 6: tombstone
        apply(KvOps.set("other", new byte[0], 0));              // 7
    }

    private Answer get(String key, String... params) {
        FakeRequest request = FakeRequest.of("GET", key, params);
        query.watch(request);
        return query.answer(request, state);
    }

    private static int status(Runnable r) {
        return assertThrows(HttpException.class, r::run).status();
    }

    @Test
    void singleKeyIsAListOfOneAtItsModifyIndex() {
        Answer answer = get("web/bar");
        assertEquals(1, answer.index());
        List<?> body = (List<?>) answer.response().jsonBody();
        KvPairJson pair = (KvPairJson) body.get(0);
        assertEquals("web/bar", pair.key());
        assertEquals(3, pair.flags().longValue());
        assertEquals(new Watch("kv", "web/bar"), query.watch(FakeRequest.of("GET", "web/bar")));
    }

    @Test
    void missingKeyIs404AtTheTableIndex() {
        Answer answer = get("nope");
        assertEquals(404, answer.response().status());
        assertFalse(answer.response().isJson());
        assertEquals(0, answer.response().rawBody().length);
        assertEquals(7, answer.index());
    }

    @Test
    void rawSendsTheBytesAsInertText() {
        Answer answer = get("zed", "raw");
        assertArrayEquals("<b>".getBytes(UTF_8), answer.response().rawBody());
        assertEquals("text/plain", answer.response().contentType());
        assertEquals("nosniff", answer.response().headers().get("X-Content-Type-Options"));
        assertEquals("sandbox", answer.response().headers().get("Content-Security-Policy"));
        assertEquals(3, answer.index());
    }

    @Test
    void recurseListsThePrefixAtAnIndexThatCountsDeletions() {
        Answer answer = get("web/", "recurse");
        assertEquals(2, ((List<?>) answer.response().jsonBody()).size());
        assertEquals(6, answer.index());
        assertEquals(4, ((List<?>) get("", "recurse=true").response().jsonBody()).size());
        Answer none = get("nothing/", "recurse");
        assertEquals(404, none.response().status());
        assertEquals(7, none.index());
    }

    @Test
    void keysWithSeparator() {
        assertEquals(List.of("web/bar", "web/sub/"), get("web/", "keys", "separator=/").response().jsonBody());
        assertEquals(List.of("other", "web/", "zed"), get("", "keys", "seperator=/").response().jsonBody());
        assertEquals(List.of("web/bar", "web/sub/x"), get("web/", "keys", "recurse").response().jsonBody());
        assertEquals(6, get("web/", "keys").index());
    }

    @Test
    void keysAnswerEmptyAtTheRootAnd404BelowIt() {
        apply(KvOps.deleteTree(""));
        assertEquals(List.of(), get("", "keys").response().jsonBody());
        assertEquals(404, get("web/", "keys").response().status());
    }

    /** The records a blocking read waits on after {@code answer}: those its index comes from, else its watch. */
    private Watch waitsOn(Answer answer, String key, String... params) {
        return answer.indexSource() != null ? answer.indexSource() : query.watch(FakeRequest.of("GET", key, params));
    }

    @Test
    void aMissingKeyIsIndexedByTheWholeTableAnExistingOneByItsOwnRecords() {
        assertEquals(new Watch("kv", ""), get("nope").indexSource());
        assertEquals(new Watch("kv", ""), get("web/gone").indexSource(), "a deleted key too");
        assertNull(get("web/bar").indexSource());
        assertNull(get("web/bar", "raw").indexSource());
    }

    @Test
    void aListingOfAPrefixNeverWrittenIsIndexedByTheWholeTable() {
        assertEquals(new Watch("kv", ""), get("config/greeter,default/", "recurse").indexSource());
        assertEquals(new Watch("kv", ""), get("nothing/", "keys").indexSource());
        assertNull(get("web/", "recurse").indexSource());
        apply(KvOps.deleteTree("web/"));
        assertNull(get("web/", "recurse").indexSource(), "a prefix whose keys were deleted reports its own index");
    }

    @Test
    void aWriteElsewhereMovesTheIndexOfAMissAndTheRecordsItsReadWaitsOn() {
        // Spring Cloud Consul holds ?recurse reads on prefixes that do not exist while others are written.
        String[][] misses = {{"config/greeter,default/", "recurse"}, {"config/greeter/", "keys"}, {"config/x"}};
        for (String[] read : misses) {
            String key = read[0];
            String[] params = Arrays.copyOfRange(read, 1, read.length);
            Answer before = get(key, params);
            Watch waitOn = waitsOn(before, key, params);
            long waitedIndex = state.index(waitOn.table(), waitOn.prefix());
            apply(KvOps.set("config/application/" + key, new byte[0], 0));
            Answer after = get(key, params);
            assertEquals(404, after.response().status());
            assertEquals(before.index() + 1, after.index(), key);
            assertTrue(state.index(waitOn.table(), waitOn.prefix()) > waitedIndex,
                    key + ": the index moved, so the records waited on must have changed");
        }
    }

    @Test
    void badRequestsAreRefusedBeforeWaiting() {
        HttpException e = assertThrows(HttpException.class, () -> query.watch(FakeRequest.of("GET", "")));
        assertEquals("Missing key name", e.getMessage());
        assertEquals(400, e.status());
        assertEquals(400, status(() -> query.watch(FakeRequest.of("GET", "a/../b", "recurse"))));
        assertEquals(new Watch("kv", ""), query.watch(FakeRequest.of("GET", "", "recurse")));
    }
}
