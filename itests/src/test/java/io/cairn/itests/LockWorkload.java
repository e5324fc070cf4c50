package io.cairn.itests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lock holders competing for one key with Consul's session lock, as {@code consul lock} does, through random
 * servers. A holder that gets the lock acts under it: it writes the key again with {@code ?acquire} for its own
 * session, which only succeeds while that session holds the lock, and records the lock index it acted on. One
 * holder can be told to pause while it holds the lock (it stops renewing, as a stopped process would) until its
 * session has expired; on waking it must find the lock gone: its act refused and its session unknown.
 */
final class LockWorkload {
    static final String KEY = "locks/job";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A successful act: the lock index it was under and the session that held it. */
    record Act(long lockIndex, String session, String holder) {
    }

    /** What a paused holder found on waking. */
    record Pause(String holder, Duration untilExpired, boolean actRefused, Integer renewStatus) {
    }

    private final List<AgentProcess> servers;
    private final KvClient kv = new KvClient(Duration.ofSeconds(3));
    private final List<Act> acts = Collections.synchronizedList(new ArrayList<>());
    private final List<Pause> pauses = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean pauseRequested = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    LockWorkload(List<AgentProcess> servers) {
        this.servers = servers;
    }

    List<Act> acts() {
        return List.copyOf(acts);
    }

    List<Pause> pauses() {
        return List.copyOf(pauses);
    }

    void start(int holders, long seed) {
        for (int h = 0; h < holders; h++) {
            String name = "holder-" + h;
            Random random = new Random(seed + 100 + h);
            threads.add(new Thread(() -> hold(name, random), name));
        }
        threads.forEach(Thread::start);
    }

    /** The next holder to get the lock pauses past its session's TTL. */
    void pauseNextHolder() {
        pauseRequested.set(true);
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
    }

    private void hold(String name, Random random) {
        String session = null;
        long renewedAt = 0;
        while (running.get()) {
            AgentProcess server = servers.get(random.nextInt(servers.size()));
            if (session == null) {
                session = createSession(server);
                renewedAt = System.nanoTime();
            } else if (System.nanoTime() - renewedAt > Duration.ofSeconds(3).toNanos()) {
                Integer status = status(server, "PUT", "/v1/session/renew/" + session);
                if (status != null && status == 404) {
                    session = null; // expired or destroyed: start over with a new one
                } else if (status != null && status == 200) {
                    renewedAt = System.nanoTime();
                }
            }
            if (session != null && acquire(server, session, name)) {
                if (pauseRequested.compareAndSet(true, false)) {
                    pausePastTtl(name, session);
                    session = null;
                    continue;
                }
                actWhileHolding(server, session, name, random);
                status(server, "PUT", "/v1/kv/" + KEY + "?release=" + session);
            }
            sleep(100 + random.nextInt(300));
        }
    }

    private String createSession(AgentProcess server) {
        try {
            HttpResponse<String> r = kv.send(server, "PUT", "/v1/session/create",
                    "{\"TTL\": \"10s\", \"LockDelay\": \"1s\", \"Checks\": [], \"Behavior\": \"release\"}");
            return r.statusCode() == 200 ? JSON.readTree(r.body()).get("ID").asText() : null;
        } catch (Exception notNow) {
            return null;
        }
    }

    private boolean acquire(AgentProcess server, String session, String value) {
        boolean[] answer = new boolean[1];
        return kv.put(server, "/v1/kv/" + KEY + "?acquire=" + session, value, answer) == KvClient.Outcome.OK
                && answer[0];
    }

    /** Acts a few times under the lock, each act recorded with the lock index the holder read after it. */
    private void actWhileHolding(AgentProcess server, String session, String name, Random random) {
        for (int i = 0; i < 3 && running.get(); i++) {
            if (!acquire(server, session, name + "-act-" + i)) {
                return; // lost the lock (or no answer): act no more under it
            }
            KvClient.Read held = kv.get(server, KEY, "consistent");
            if (held.outcome() == KvClient.Outcome.OK && session.equals(held.entry().session())) {
                acts.add(new Act(held.entry().lockIndex(), session, name));
            }
            sleep(100 + random.nextInt(200));
        }
    }

    /** Stops renewing until the servers have expired the session (at most 90 s), then tries to act and renew. */
    private void pausePastTtl(String name, String session) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofSeconds(90).toNanos() && sessionStillKnown(session)) {
            sleep(250);
        }
        Duration untilExpired = Duration.ofNanos(System.nanoTime() - start);
        boolean[] answer = new boolean[1];
        Integer renew = null;
        boolean actRefused = false;
        // The first server that answers; one may be down or paused, and while the nemesis has just killed the
        // leader none answers, so ask again until one does (a write with no answer neither acted nor was refused).
        long askUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        asking:
        while (System.nanoTime() < askUntil) {
            for (AgentProcess server : servers) {
                if (kv.put(server, "/v1/kv/" + KEY + "?acquire=" + session, name + "-after-pause", answer)
                        == KvClient.Outcome.OK) {
                    actRefused = !answer[0];
                    renew = status(server, "PUT", "/v1/session/renew/" + session);
                    break asking;
                }
            }
            sleep(500);
        }
        pauses.add(new Pause(name, untilExpired, actRefused, renew));
    }

    private boolean sessionStillKnown(String session) {
        for (AgentProcess s : servers) {
            try {
                HttpResponse<String> r = kv.send(s, "GET", "/v1/session/info/" + session + "?consistent", null);
                if (r.statusCode() == 200) {
                    return !r.body().trim().equals("[]");
                }
            } catch (Exception tryAnother) {
                // a paused or restarting server: ask the next
            }
        }
        return true;
    }

    private Integer status(AgentProcess server, String method, String path) {
        try {
            return kv.send(server, method, path, "").statusCode();
        } catch (Exception noAnswer) {
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
