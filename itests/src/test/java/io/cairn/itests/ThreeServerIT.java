package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Rule;
import org.junit.Test;

/**
 * Three servers formed with {@code -bootstrap-expect 3 -retry-join}: the leader is killed with SIGKILL while
 * writers keep writing; a new leader takes over, the killed server restarts and catches up, and every write
 * that was acknowledged is on every server. And a follower answers writes and reads without waiting for the
 * leader's next heartbeat to learn that they are committed.
 */
public class ThreeServerIT {
    @Rule
    public final ThreeServerCluster cluster = new ThreeServerCluster("cairn-3-it", "s1", "s2", "s3");

    @Test
    public void leaderKilledUnderWritesLosesNoAcknowledgedWrite() throws Exception {
        List<AgentProcess> servers = cluster.start().servers();

        String leaderAddr = cluster.leaderAddr();
        HttpResponse<String> peers = servers.get(0).get("/v1/status/peers");
        for (AgentProcess s : servers) {
            assertTrue(peers.body(), peers.body().contains("\"" + s.raftAddr() + "\""));
        }
        AgentProcess leader = cluster.server(leaderAddr);
        List<AgentProcess> followers = cluster.followers(leader);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (AgentProcess target : servers) {
            Thread t = new Thread(() -> {
                while (writing.get()) {
                    String key = "load/" + sequence.incrementAndGet();
                    try {
                        HttpResponse<String> r = target.put("/v1/kv/" + key, key);
                        if (r.statusCode() == 200 && r.body().equals("true")) {
                            acknowledged.add(key);
                        }
                    } catch (Exception refusedWhileDown) {
                        // the killed server refuses connections; that write was never acknowledged
                    }
                }
            });
            t.start();
            writers.add(t);
        }

        waitForAcknowledged(acknowledged, 50);
        leader.kill();
        int atKill = acknowledged.size();

        String newLeader = ThreeServerCluster.awaitNewLeader(followers.get(0), leaderAddr);
        assertNotEquals("a new leader must be elected", leaderAddr, newLeader);
        assertTrue("followers must know a new leader", !newLeader.isEmpty());
        waitForAcknowledged(acknowledged, atKill + 50);

        leader.start();
        leader.awaitLeader(Duration.ofSeconds(180));
        waitForAcknowledged(acknowledged, acknowledged.size() + 20);
        writing.set(false);
        for (Thread t : writers) {
            t.join();
        }

        HttpResponse<String> marker = followers.get(0).put("/v1/kv/marker", "done");
        assertEquals("true", marker.body());
        for (AgentProcess s : servers) {
            awaitKey(s, "marker");
            HttpResponse<String> keys = s.get("/v1/kv/load/?keys&stale");
            assertEquals(200, keys.statusCode());
            for (String key : acknowledged) {
                assertTrue(s.node + " lost acknowledged write " + key, keys.body().contains("\"" + key + "\""));
            }
        }
    }

    /**
     * A follower applies only what it knows is committed. Were it told only by the leader's periodic heartbeat
     * (every 250 ms, half the election timeout), each of these requests would take at least that long.
     */
    @Test
    public void aFollowerLearnsOfCommitsWithoutWaitingForAHeartbeat() throws Exception {
        cluster.start();
        AgentProcess follower = cluster.followers(cluster.server(cluster.leaderAddr())).get(0);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "/v1/kv/through-follower/" + i;
            millis.add(timed(() -> follower.put(key, "v"), "true"));
            millis.add(timed(() -> follower.get(key + "?consistent&raw"), "v"));
            millis.add(timed(() -> follower.get(key + "?raw"), "v"));
        }
        millis.sort(null);
        long median = millis.get(millis.size() / 2);
        assertTrue("median of writes and reads through a follower " + median + " ms: " + millis, median < 125);
    }

    /** How long the request took, in milliseconds, after checking that it answered {@code body}. */
    private static long timed(Callable<HttpResponse<String>> request, String body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = request.call();
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(response.uri() + ": " + response.body(), body, response.body());
        return took;
    }

    private static void awaitKey(AgentProcess s, String key) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (s.get("/v1/kv/" + key + "?stale").statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(s.node + " never caught up to key " + key + "\n" + s.tail());
    }

    private static void waitForAcknowledged(Set<String> acknowledged, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (acknowledged.size() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("writes stalled at " + acknowledged.size() + " acknowledged");
            }
            Thread.sleep(100);
        }
    }
}
