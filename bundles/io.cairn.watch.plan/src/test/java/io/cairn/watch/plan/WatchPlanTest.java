package io.cairn.watch.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class WatchPlanTest {
    private final Deque<Fetched> answers = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final List<Long> pauses = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> handled = new ArrayList<>();
    private WatchPlan plan;

    private void answer(int status, long index, String body) {
        answers.add(new Fetched(status, index, body.getBytes(StandardCharsets.UTF_8)));
    }

    private void run(WatchSpec spec) {
        plan = new WatchPlan(spec, (path, params, index) -> {
            requests.add(path + params.stream().map(p -> p.getKey() + "=" + p.getValue()).toList() + "@" + index);
            Fetched next = answers.poll();
            if (next == null) {
                plan.stop();
                throw new IOException("no more answers");
            }
            return next;
        }, pauses::add, errors::add);
        plan.run((index, data) -> handled.add(index + ":" + data));
    }

    @Test
    void handlesAtOnceThenOnlyWhenIndexAndDataChange() {
        answer(200, 5, "[{\"Key\":\"foo/bar\",\"Value\":\"MQ==\"}]");
        answer(200, 5, "[{\"Key\":\"foo/bar\",\"Value\":\"MQ==\"}]");
        answer(200, 6, "[{\"Key\":\"foo/bar\",\"Value\":\"MQ==\"}]");
        answer(200, 7, "[{\"Key\":\"foo/bar\",\"Value\":\"OTk=\"}]");
        answer(404, 8, "");
        run(WatchSpec.of("key").withKey("foo/bar"));
        assertEquals(List.of("5:{\"Key\":\"foo/bar\",\"Value\":\"MQ==\"}", "7:{\"Key\":\"foo/bar\",\"Value\":\"OTk=\"}",
                "8:null"), handled);
        assertEquals(List.of("/v1/kv/foo/bar[]@0", "/v1/kv/foo/bar[]@5", "/v1/kv/foo/bar[]@5",
                "/v1/kv/foo/bar[]@6", "/v1/kv/foo/bar[]@7", "/v1/kv/foo/bar[]@8"), requests);
    }

    @Test
    void anIndexGoingBackwardsResetsTheNextQueryToZero() {
        answer(200, 100, "{\"a\":[]}");
        answer(200, 40, "{\"b\":[]}");
        answer(200, 41, "{\"c\":[]}");
        run(WatchSpec.of("services"));
        assertEquals(List.of("/v1/catalog/services[]@0", "/v1/catalog/services[]@100", "/v1/catalog/services[]@0",
                "/v1/catalog/services[]@41"), requests);
        assertEquals(3, handled.size());
    }

    @Test
    void failuresBackOffQuadraticallyAndRecover() {
        answer(500, 0, "No cluster leader");
        answer(500, 0, "No cluster leader");
        answer(200, 3, "[]");
        run(WatchSpec.of("nodes").withStale(true));
        assertEquals(List.of(5_000L, 20_000L), pauses);
        assertEquals(List.of("3:[]"), handled);
        assertEquals("/v1/catalog/nodes[stale=null]@0", requests.get(0));
        assertEquals(true, errors.get(0).contains("Unexpected response code: 500 (No cluster leader)"));
    }

    @Test
    void eventWatchesGetOnlyEventsAfterTheLastSeenOne() {
        String first = "{\"ID\":\"00000000-0000-0000-0000-000000000011\",\"Name\":\"deploy\"}";
        String second = "{\"ID\":\"00000000-0000-0000-0000-000000000022\",\"Name\":\"deploy\"}";
        answer(200, 0x11, "[" + first + "]");
        answer(200, 0x22, "[" + first + "," + second + "]");
        run(WatchSpec.of("event").withName("deploy"));
        assertEquals(List.of("17:[" + first + "]", "34:[" + second + "]"), handled);
        assertEquals("/v1/event/list[name=deploy]@17", requests.get(1));
    }

    @Test
    void eachTypeQueriesItsEndpoint() {
        assertEquals("/v1/kv/app/[recurse=null]", query(WatchSpec.of("keyprefix").withPrefix("app/")));
        assertEquals("/v1/health/service/web[tag=blue, passing=1]",
                query(WatchSpec.of("service").withService("web").withTags(List.of("blue")).withPassingOnly(true)));
        assertEquals("/v1/health/state/any[]", query(WatchSpec.of("checks")));
        assertEquals("/v1/health/state/critical[]", query(WatchSpec.of("checks").withState("critical")));
        assertEquals("/v1/health/checks/web[dc=dc2]", query(WatchSpec.of("checks").withService("web")
                .withDatacenter("dc2")));
    }

    @Test
    void specsAreValidatedWithConsulsMessages() {
        assertEquals("Must specify a single key to watch", message(WatchSpec.of("key")));
        assertEquals("Must specify a single service to watch", message(WatchSpec.of("service")));
        assertEquals("Cannot specify service and state",
                message(WatchSpec.of("checks").withService("a").withState("any")));
        assertEquals(true, message(WatchSpec.of("keys")).startsWith("Unsupported watch type: keys"));
    }

    @Test
    void handlerDataIsCompactWithNewlineAndTerminalOutputIndentedLikeGo() throws Exception {
        JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"a\":[1,{}],\"b\":[]}");
        assertEquals("{\"a\":[1,{}],\"b\":[]}\n", new String(WatchJson.forHandler(data), StandardCharsets.UTF_8));
        assertEquals("{\n    \"a\": [\n        1,\n        {}\n    ],\n    \"b\": []\n}", WatchJson.indented(data));
    }

    private static String query(WatchSpec spec) {
        WatchQuery q = new WatchQuery(spec);
        return q.path + q.params.stream().map(p -> p.getKey() + "=" + p.getValue()).toList();
    }

    private static String message(WatchSpec spec) {
        return assertThrows(IllegalArgumentException.class, () -> new WatchQuery(spec)).getMessage();
    }

    @Test
    void indexRuleMatchesTheAgents() {
        assertEquals(-1L, EventIndex.of("01234567-89ab-cdef-fedc-ba9876543210"));
        assertEquals(0, EventIndex.of("not-a-uuid"));
    }
}
