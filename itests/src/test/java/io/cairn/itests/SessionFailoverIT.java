package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Rule;
import org.junit.Test;

/**
 * Sessions across a leader failover in three servers: renewals sent to a follower reach the leader, a session
 * kept renewed survives the failover (the new leader starts its timer with the full period), and once renewals
 * stop the new leader invalidates it and releases its lock.
 */
public class SessionFailoverIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Rule
    public final ThreeServerCluster cluster = new ThreeServerCluster("cairn-session-failover-it", "f1", "f2", "f3");

    @Test
    public void aRenewedSessionSurvivesFailoverAndExpiresOnTheNewLeaderWhenRenewalsStop() throws Exception {
        cluster.start();
        String leaderAddr = cluster.leaderAddr();
        AgentProcess leader = cluster.server(leaderAddr);
        List<AgentProcess> followers = cluster.followers(leader);
        AgentProcess client = followers.get(0);

        // A session binds to its node, which the agent's anti-entropy registers shortly after start.
        long registering = System.nanoTime();
        while (client.get("/v1/catalog/node/" + client.node).body().equals("null")) {
            assertTrue(client.node + " never registered", System.nanoTime() - registering
                    < Duration.ofSeconds(60).toNanos());
            Thread.sleep(200);
        }
        // Bound to no check, so only its TTL can end it; created, locked and renewed through a follower.
        HttpResponse<String> created = client.put("/v1/session/create",
                "{\"TTL\": \"10s\", \"Checks\": [], \"LockDelay\": \"0s\"}");
        assertEquals(created.body(), 200, created.statusCode());
        String id = JSON.readTree(created.body()).get("ID").asText();
        assertEquals("true", client.put("/v1/kv/failover/lock?acquire=" + id, "v").body());

        leader.kill();
        String newLeader = ThreeServerCluster.awaitNewLeader(client, leaderAddr);
        assertNotEquals("a new leader must be elected", leaderAddr, newLeader);

        // Renew every 5 s for 30 s: past two full TTL periods on the new leader.
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> renewed = client.put("/v1/session/renew/" + id, "");
            assertEquals(renewed.body(), 200, renewed.statusCode());
            Thread.sleep(5000);
        }
        assertEquals(id, JSON.readTree(client.get("/v1/kv/failover/lock").body()).get(0).get("Session").asText());

        long stoppedAt = System.nanoTime();
        while (System.nanoTime() - stoppedAt < Duration.ofSeconds(40).toNanos()) {
            if (!JSON.readTree(client.get("/v1/kv/failover/lock").body()).get(0).has("Session")) {
                break;
            }
            Thread.sleep(250);
        }
        assertTrue("the new leader released the lock of the unrenewed session",
                !JSON.readTree(client.get("/v1/kv/failover/lock").body()).get(0).has("Session"));
        assertEquals("[]", client.get("/v1/session/info/" + id).body());
        HttpResponse<String> gone = client.put("/v1/session/renew/" + id, "");
        assertEquals(404, gone.statusCode());
    }
}
