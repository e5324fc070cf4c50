package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Test;

/**
 * Three servers formed with {@code -bootstrap-expect 3 -retry-join}: the leader is killed with SIGKILL while
 * writers keep writing; a new leader takes over, the killed server restarts and catches up, and every write
 * that was acknowledged is on every server.
 */
public class ThreeServerIT {
    private final List<AgentProcess> servers = new ArrayList<>();

    @After
    public void stopAll() throws Exception {
        for (AgentProcess s : servers) {
            s.close();
        }
    }

    @Test
    public void leaderKilledUnderWritesLosesNoAcknowledgedWrite() throws Exception {
        Path dir = Files.createTempDirectory("cairn-3-it");
        for (String node : List.of("s1", "s2", "s3")) {
            servers.add(new AgentProcess(node, dir.resolve(node)));
        }
        for (AgentProcess s : servers) {
            List<String> args = new ArrayList<>(List.of("-server", "-bootstrap-expect", "3", "-bind", "127.0.0.1"));
            for (AgentProcess other : servers) {
                if (other != s) {
                    args.add("-retry-join");
                    args.add("127.0.0.1:" + other.serfLanPort);
                }
            }
            s.withArgs(args);
        }
        for (AgentProcess s : servers) {
            s.start();
        }
        for (AgentProcess s : servers) {
            s.awaitLeader(Duration.ofSeconds(180));
        }

        String leaderAddr = strip(servers.get(0).get("/v1/status/leader").body());
        HttpResponse<String> peers = servers.get(0).get("/v1/status/peers");
        for (AgentProcess s : servers) {
            assertTrue(peers.body(), peers.body().contains("\"" + s.raftAddr() + "\""));
        }
        AgentProcess leader = servers.stream().filter(s -> s.raftAddr().equals(leaderAddr)).findFirst()
                .orElseThrow(() -> new AssertionError("leader " + leaderAddr + " is none of the servers"));
        List<AgentProcess> followers = servers.stream().filter(s -> s != leader).toList();

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

        String newLeader = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            newLeader = strip(followers.get(0).get("/v1/status/leader").body());
            if (!newLeader.isEmpty() && !newLeader.equals(leaderAddr)) {
                break;
            }
            Thread.sleep(200);
        }
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

    private static String strip(String json) {
        return json.trim().replace("\"", "");
    }
}
