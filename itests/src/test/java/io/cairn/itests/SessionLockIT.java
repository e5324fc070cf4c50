package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Sessions, KV locks and transactions on a dev agent, driven over HTTP as Consul's clients drive them: lock
 * indexes, TTL expiry within twice the TTL followed by the lock delay, delete behavior, invalidation by a failing
 * check, and an all-or-nothing transaction answering 409 with the failing operation's index.
 */
public class SessionLockIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AgentProcess agent;

    @BeforeClass
    public static void start() throws Exception {
        Path dir = Files.createTempDirectory("cairn-session-it");
        // sessions bind to serfHealth by default: wait until anti-entropy has put it in the catalog
        agent = new AgentProcess("locknode", dir.resolve("data"), "-dev").start()
                .awaitRegistered(Duration.ofSeconds(120));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    private static String session(String body) throws Exception {
        HttpResponse<String> r = agent.put("/v1/session/create", body);
        assertEquals(r.body(), 200, r.statusCode());
        return JSON.readTree(r.body()).get("ID").asText();
    }

    private static HttpResponse<String> put(String path, String body) throws Exception {
        return agent.put(path, body);
    }

    private static JsonNode key(String key) throws Exception {
        HttpResponse<String> r = agent.get("/v1/kv/" + key);
        return r.statusCode() == 404 ? null : JSON.readTree(r.body()).get(0);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(String what, Condition condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + " did not happen within " + seconds + " s\n" + agent.tail());
    }

    @Test
    public void acquireAndReleaseCountLockIndex() throws Exception {
        String s1 = session("{\"Name\": \"one\"}");
        String s2 = session("");
        assertEquals("true", put("/v1/kv/lock/a?acquire=" + s1, "first").body());
        JsonNode held = key("lock/a");
        assertEquals(1, held.get("LockIndex").asLong());
        assertEquals(s1, held.get("Session").asText());
        assertEquals("false", put("/v1/kv/lock/a?acquire=" + s2, "second").body());
        assertEquals("false", put("/v1/kv/lock/a?release=" + s2, "").body());
        assertEquals("true", put("/v1/kv/lock/a?release=" + s1, "free").body());
        JsonNode released = key("lock/a");
        assertFalse(released.has("Session"));
        assertEquals(1, released.get("LockIndex").asLong());
        assertEquals("true", put("/v1/kv/lock/a?acquire=" + s2, "second").body());
        assertEquals(2, key("lock/a").get("LockIndex").asLong());

        HttpResponse<String> unknown = put("/v1/kv/lock/b?acquire=00000000-0000-0000-0000-000000000000", "");
        assertEquals(500, unknown.statusCode());
        assertEquals("invalid session \"00000000-0000-0000-0000-000000000000\"", unknown.body());
        HttpResponse<String> conflict = put("/v1/kv/lock/b?cas=0&acquire=" + s1, "");
        assertEquals(400, conflict.statusCode());
        assertTrue(conflict.body(), conflict.body().startsWith("Conflicting flags: "));

        JsonNode info = JSON.readTree(agent.get("/v1/session/info/" + s1).body()).get(0);
        assertEquals("one", info.get("Name").asText());
        assertEquals("locknode", info.get("Node").asText());
        assertEquals(15_000_000_000L, info.get("LockDelay").asLong());
        assertEquals("serfHealth", info.get("NodeChecks").get(0).asText());
        assertEquals("[]", agent.get("/v1/session/info/00000000-0000-0000-0000-000000000000").body());
    }

    @Test
    public void anUnrenewedTtlSessionLosesItsLockAndTheLockDelayHoldsOthersOff() throws Exception {
        String ttl = session("{\"TTL\": \"10s\", \"LockDelay\": \"5s\"}");
        String other = session("{\"LockDelay\": \"0s\"}");
        assertEquals(200, put("/v1/session/renew/" + ttl, "").statusCode());
        assertEquals("true", put("/v1/kv/ttl/k?acquire=" + ttl, "v").body());
        long started = System.nanoTime();
        await("the TTL session's lock released", () -> !key("ttl/k").has("Session"), 25);
        assertTrue("released within 2 x TTL (plus a tick)", System.nanoTime() - started
                < TimeUnit.SECONDS.toNanos(22));
        assertEquals("[]", agent.get("/v1/session/info/" + ttl).body());
        assertEquals("false", put("/v1/kv/ttl/k?acquire=" + other, "mine").body());
        await("the lock delay to pass", () -> "true".equals(put("/v1/kv/ttl/k?acquire=" + other, "mine").body()), 10);
        assertEquals(other, key("ttl/k").get("Session").asText());

        HttpResponse<String> gone = put("/v1/session/renew/" + ttl, "");
        assertEquals(404, gone.statusCode());
        assertEquals("Session id '" + ttl + "' not found", gone.body());
    }

    @Test
    public void aDeleteSessionTakesItsKeysWithIt() throws Exception {
        String s = session("{\"Behavior\": \"delete\"}");
        assertEquals("true", put("/v1/kv/del/k?acquire=" + s, "v").body());
        assertEquals("true", put("/v1/session/destroy/" + s, "").body());
        assertEquals(404, agent.get("/v1/kv/del/k").statusCode());
    }

    @Test
    public void aFailingBoundCheckInvalidatesTheSession() throws Exception {
        assertEquals(200, put("/v1/agent/check/register", "{\"Name\": \"lockguard\", \"TTL\": \"60s\"}")
                .statusCode());
        await("lockguard in the catalog", () -> agent.get("/v1/health/node/locknode").body()
                .contains("\"lockguard\""), 30);
        HttpResponse<String> critical = put("/v1/session/create", "{\"Checks\": [\"serfHealth\", \"lockguard\"]}");
        assertEquals(500, critical.statusCode());
        assertEquals("Check 'lockguard' is in critical state", critical.body());
        HttpResponse<String> missing = put("/v1/session/create", "{\"Checks\": [\"nope\"]}");
        assertEquals(500, missing.statusCode());
        assertEquals("Missing check 'nope' registration", missing.body());

        assertEquals(200, put("/v1/agent/check/pass/lockguard", "").statusCode());
        await("lockguard passing in the catalog", () -> agent.get("/v1/health/node/locknode").body().matches(
                        "(?s).*\"CheckID\":\"lockguard\"[^}]*\"Status\":\"passing\".*"), 30);
        String s = session("{\"Checks\": [\"serfHealth\", \"lockguard\"]}");
        assertEquals("true", put("/v1/kv/guarded?acquire=" + s, "v").body());
        assertEquals(200, put("/v1/agent/check/fail/lockguard", "").statusCode());
        await("the session invalidated", () -> "[]".equals(agent.get("/v1/session/info/" + s).body()), 30);
        assertFalse(key("guarded").has("Session"));
    }

    @Test
    public void aTransactionWithOneFailingOperationWritesNothing() throws Exception {
        assertEquals("true", put("/v1/kv/txn/a", "old").body());
        long index = key("txn/a").get("ModifyIndex").asLong();
        String body = "[{\"KV\": {\"Verb\": \"set\", \"Key\": \"txn/a\", \"Value\": \"bmV3\"}},"
                + "{\"KV\": {\"Verb\": \"set\", \"Key\": \"txn/b\", \"Value\": \"Yg==\"}},"
                + "{\"KV\": {\"Verb\": \"check-index\", \"Key\": \"txn/a\", \"Index\": " + (index + 1000) + "}}]";
        HttpResponse<String> failed = put("/v1/txn", body);
        assertEquals(failed.body(), 409, failed.statusCode());
        JsonNode errors = JSON.readTree(failed.body()).get("Errors");
        assertEquals(1, errors.size());
        assertEquals(2, errors.get(0).get("OpIndex").asInt());
        String what = errors.get(0).get("What").asText();
        assertTrue(what, what.startsWith("failed index check for key \"txn/a\", current modify index "));
        assertTrue(what, what.endsWith(" != " + (index + 1000)));
        assertEquals("b2xk", key("txn/a").get("Value").asText());
        assertEquals(null, key("txn/b"));

        String good = "[{\"KV\": {\"Verb\": \"check-index\", \"Key\": \"txn/a\", \"Index\": " + index + "}},"
                + "{\"KV\": {\"Verb\": \"set\", \"Key\": \"txn/a\", \"Value\": \"bmV3\"}},"
                + "{\"KV\": {\"Verb\": \"set\", \"Key\": \"txn/b\", \"Value\": \"Yg==\"}}]";
        HttpResponse<String> ok = put("/v1/txn", good);
        assertEquals(ok.body(), 200, ok.statusCode());
        assertEquals(3, JSON.readTree(ok.body()).get("Results").size());
        assertEquals("bmV3", key("txn/a").get("Value").asText());
        assertEquals("Yg==", key("txn/b").get("Value").asText());

        String catalog = "[{\"Node\": {\"Verb\": \"set\", \"Node\": "
                + "{\"Node\": \"txnnode\", \"Address\": \"10.1.1.1\"}}},"
                + "{\"Service\": {\"Verb\": \"set\", \"Node\": \"txnnode\", \"Service\": "
                + "{\"Service\": \"txnweb\", \"Port\": 80}}},"
                + "{\"KV\": {\"Verb\": \"set\", \"Key\": \"txn/c\", \"Value\": \"Yw==\"}},"
                + "{\"Check\": {\"Verb\": \"get\", \"Check\": {\"Node\": \"txnnode\", \"CheckID\": \"nope\"}}}]";
        HttpResponse<String> refused = put("/v1/txn", catalog);
        assertEquals(refused.body(), 409, refused.statusCode());
        JsonNode catalogErrors = JSON.readTree(refused.body()).get("Errors");
        assertEquals(3, catalogErrors.get(0).get("OpIndex").asInt());
        assertEquals("check \"nope\" on node \"txnnode\" doesn't exist",
                catalogErrors.get(0).get("What").asText());
        assertEquals("null", agent.get("/v1/catalog/node/txnnode").body());
        assertEquals(null, key("txn/c"));
        HttpResponse<String> applied = put("/v1/txn", catalog.substring(0, catalog.lastIndexOf(",{")) + "]");
        assertEquals(applied.body(), 200, applied.statusCode());
        assertEquals("txnnode", JSON.readTree(applied.body()).get("Results").get(0).get("Node").get("Node").asText());
        assertTrue(agent.get("/v1/catalog/service/txnweb").body().contains("\"ServicePort\":80"));

        HttpResponse<String> reads = put("/v1/txn?stale", "[{\"KV\": {\"Verb\": \"get\", \"Key\": \"txn/a\"}}]");
        assertEquals(reads.body(), 200, reads.statusCode());
        assertTrue(reads.headers().firstValue("X-Consul-KnownLeader").isPresent());
    }
}
