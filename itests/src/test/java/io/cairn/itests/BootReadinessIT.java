package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * While a server agent starts, and when it restarts on its data dir, its HTTP API never answers a request to a
 * known endpoint with {@code 404 Invalid URL path} (a Consul client reads a 404 from {@code /v1/kv} as "no such
 * key"): from the moment its port accepts connections until every endpoint below has answered, each answer is
 * either the real one or a retryable error (503 while starting, 500 without a leader).
 */
public class BootReadinessIT {
    /** Endpoints of the boot features; each answers 200 once up, except a missing key: 404 with X-Consul-Index. */
    private static final List<String> KNOWN = List.of("/v1/catalog/services", "/v1/catalog/nodes",
            "/v1/health/service/boot", "/v1/agent/self", "/v1/agent/services", "/v1/status/leader",
            "/v1/session/list", "/v1/event/list", "/v1/agent/metrics", "/v1/prometheus/sd?service=boot");
    private static final String KEY = "/v1/kv/boot/readiness";
    private static final Duration BOOT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    public void aStartingAndARestartingServerNeverAnswer404ForAKnownEndpoint() throws Exception {
        Path dir = Files.createTempDirectory("cairn-boot-it");
        try (AgentProcess agent = new AgentProcess("boot1", dir.resolve("data"), "-server", "-bootstrap-expect", "1")) {
            agent.start();
            assertNo404ForAKnownEndpoint("first start", agent, hammerUntilUp(agent));
            assertEquals(200, agent.put(KEY, "x").statusCode());

            agent.terminate();
            agent.start();
            assertNo404ForAKnownEndpoint("restart", agent, hammerUntilUp(agent));
        }
    }

    private static void assertNo404ForAKnownEndpoint(String start, AgentProcess agent, Hammered hammered) {
        System.out.println("BootReadinessIT, " + start + ": " + hammered.report());
        assertTrue("the " + start + " answered a known endpoint with 404:\n" + hammered.report() + agent.tail(),
                hammered.wrong().isEmpty());
        // Otherwise the hammer only came once the agent was up, and saw nothing of its start.
        assertTrue("no answer of the " + start + " came before the agent was up:\n" + hammered.report(),
                hammered.answers().stream().anyMatch(answer -> !answer.up()));
    }

    /** One answer: when (ms after the first connection attempt), to what, and what it was. */
    private record Answer(long millis, String path, int status, boolean indexed, String body) {

        /** A 404 without an index is "no such endpoint"; on a known one it is a wrong answer. */
        boolean wrong() {
            return status == 404 && !indexed;
        }

        boolean up() {
            return status == 200 || (status == 404 && indexed);
        }

        @Override
        public String toString() {
            return millis + " ms " + path + " -> " + status + (indexed ? " (indexed)" : "") + " " + body;
        }
    }

    private record Hammered(List<Answer> answers) {

        List<Answer> wrong() {
            return answers.stream().filter(Answer::wrong).toList();
        }

        String report() {
            Map<String, Integer> counts = new TreeMap<>();
            answers.forEach(a -> counts.merge(a.path + " " + a.status, 1, Integer::sum));
            List<Answer> wrong = wrong();
            return "answers by endpoint and status: " + counts + "\nwrong answers (first 20): "
                    + wrong.subList(0, Math.min(20, wrong.size())) + "\n";
        }
    }

    /**
     * Sends GETs as fast as they are answered, one thread on the KV key and one round the other endpoints, from
     * before the port opens until every endpoint has answered as it does once the agent is up.
     */
    private Hammered hammerUntilUp(AgentProcess agent) throws Exception {
        long started = System.nanoTime();
        long deadline = started + BOOT.toNanos();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Set<String> pending = ConcurrentHashMap.newKeySet();
        pending.add(KEY);
        pending.addAll(KNOWN);
        // Threads of their own: the common pool may have a single worker on a small machine.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> kv = threads.submit(() -> hammer(agent, List.of(KEY), pending, answers, started, deadline));
            Future<?> others = threads.submit(() -> hammer(agent, KNOWN, pending, answers, started, deadline));
            kv.get(BOOT.toSeconds() + 30, TimeUnit.SECONDS);
            others.get(BOOT.toSeconds() + 30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertTrue("the agent did not answer every endpoint within " + BOOT + "; still " + pending + ":\n"
                + new Hammered(answers).report() + agent.tail(), pending.isEmpty());
        return new Hammered(List.copyOf(answers));
    }

    private void hammer(AgentProcess agent, List<String> paths, Set<String> pending, List<Answer> answers,
            long started, long deadline) {
        int next = 0;
        while (!pending.isEmpty() && System.nanoTime() < deadline && agent.isAlive()) {
            String path = paths.get(next++ % paths.size());
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + agent.httpAddr() + path))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                Answer answer = new Answer(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), path,
                        r.statusCode(), r.headers().firstValue("X-Consul-Index").isPresent(),
                        r.body().length() > 120 ? r.body().substring(0, 120) + "..." : r.body());
                answers.add(answer);
                if (answer.up()) {
                    pending.remove(path);
                }
            } catch (IOException notListening) {
                sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
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
