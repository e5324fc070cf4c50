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
        String pair = "{\"Key\":\"foo/bar\",\"CreateIndex\":0,\"ModifyIndex\":0,\"LockIndex\":0,\"Flags\":0,"
                + "\"Value\":\"%s\",\"Session\":\"\"}";
        assertEquals(List.of("5:" + pair.formatted("MQ=="), "7:" + pair.formatted("OTk="), "8:null"), handled);
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
    void keyWatchesHandOverConsulsApiKvPair() throws Exception {
        // As the HTTP API sends them: Session only while locked, Value null when empty.
        String unlocked = "{\"LockIndex\":0,\"Key\":\"app/a\",\"Flags\":18446744073709551615,\"Value\":\"MQ==\","
                + "\"CreateIndex\":5,\"ModifyIndex\":6}";
        String locked = "{\"LockIndex\":2,\"Key\":\"app/b\",\"Flags\":0,\"Value\":null,"
                + "\"Session\":\"adf4238a-882b-9ddc-4a9d-5b6758e4159e\",\"CreateIndex\":7,\"ModifyIndex\":8}";
        JsonNode key = new WatchQuery(WatchSpec.of("key").withKey("app/a"))
                .result(new Fetched(200, 6, ("[" + unlocked + "]").getBytes(StandardCharsets.UTF_8)), 0);
        assertEquals("{\"Key\":\"app/a\",\"CreateIndex\":5,\"ModifyIndex\":6,\"LockIndex\":0,"
                + "\"Flags\":18446744073709551615,\"Value\":\"MQ==\",\"Session\":\"\"}\n",
                new String(WatchJson.forHandler(key), StandardCharsets.UTF_8));
        assertEquals("""
                {
                    "Key": "app/a",
                    "CreateIndex": 5,
                    "ModifyIndex": 6,
                    "LockIndex": 0,
                    "Flags": 18446744073709551615,
                    "Value": "MQ==",
                    "Session": ""
                }""", WatchJson.indented(key));
        JsonNode prefix = new WatchQuery(WatchSpec.of("keyprefix").withPrefix("app/"))
                .result(new Fetched(200, 8, ("[" + unlocked + "," + locked + "]").getBytes(StandardCharsets.UTF_8)), 0);
        assertEquals("[{\"Key\":\"app/a\",\"CreateIndex\":5,\"ModifyIndex\":6,\"LockIndex\":0,"
                + "\"Flags\":18446744073709551615,\"Value\":\"MQ==\",\"Session\":\"\"},"
                + "{\"Key\":\"app/b\",\"CreateIndex\":7,\"ModifyIndex\":8,\"LockIndex\":2,\"Flags\":0,"
                + "\"Value\":null,\"Session\":\"adf4238a-882b-9ddc-4a9d-5b6758e4159e\"}]\n",
                new String(WatchJson.forHandler(prefix), StandardCharsets.UTF_8));
        assertEquals("null\n", new String(WatchJson.forHandler(new WatchQuery(WatchSpec.of("keyprefix")
                .withPrefix("none/")).result(new Fetched(404, 8, new byte[0]), 0)), StandardCharsets.UTF_8));
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
