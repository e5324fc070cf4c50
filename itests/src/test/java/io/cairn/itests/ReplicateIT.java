package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@code cairn replicate} (consul-replicate) between two datacenters of one server each, joined over the WAN on
 * loopback: the replicator talks to dc2's agent and reads dc1 through {@code ?dc=dc1}. It copies a prefix, follows
 * puts, flag changes and deletes within a couple of seconds, skips an excluded prefix, lets a second replicator wait
 * on the lock until the first stops, resumes from its status after a restart without rewriting unchanged keys, and
 * replicates once with {@code -once}; dc2's agent also replicates a prefix from the {@code replicate} stanza of its
 * config dir.
 */
public class ReplicateIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** How long a source change may take to show in the destination ("within a second or two"). */
    private static final Duration CONVERGED = Duration.ofSeconds(3);

    private static Path dir;
    private static AgentProcess dc1;
    private static AgentProcess dc2;
    private static final List<Process> replicators = new ArrayList<>();

    @BeforeClass
    public static void start() throws Exception {
        dir = Files.createTempDirectory("cairn-replicate-it");
        int dc1Wan = AgentProcess.freePort();
        dc1 = new AgentProcess("dc1-server", dir.resolve("dc1"), "-server", "-bootstrap-expect", "1", "-bind",
                "127.0.0.1", "-datacenter", "dc1", "-serf-wan-port", Integer.toString(dc1Wan)).start();
        Path config = Files.createDirectories(dir.resolve("dc2-config"));
        Files.writeString(config.resolve("replicate.json"), """
                {"replicate": {"prefix": "agentwide@dc1", "lock": "service/consul-replicate/agent-leader"}}
                """);
        dc2 = new AgentProcess("dc2-server", dir.resolve("dc2"), "-server", "-bootstrap-expect", "1", "-bind",
                "127.0.0.1", "-datacenter", "dc2", "-retry-join-wan", "127.0.0.1:" + dc1Wan, "-config-dir",
                config.toString()).start();
        dc1.awaitRegistered(Duration.ofSeconds(120));
        dc2.awaitRegistered(Duration.ofSeconds(120));
        await(Duration.ofSeconds(60), "dc2 reaches dc1 over the WAN",
                () -> dc2.get("/v1/kv/nothing?dc=dc1").statusCode() == 404);
    }

    @AfterClass
    public static void stop() throws Exception {
        for (Process process : replicators) {
            process.destroyForcibly();
        }
        if (dc2 != null) {
            dc2.close();
        }
        if (dc1 != null) {
            dc1.close();
        }
    }

    @Test
    public void keepsThePrefixEqualAcrossRestartsWithOneReplicatorAtATime() throws Exception {
        put(dc1, "global/a", "1", 0);
        put(dc1, "global/b", "2", 5);
        put(dc1, "global/private/secret", "s", 0);
        put(dc1, "other/x", "x", 0);

        Process first = replicator("first", "-prefix", "global@dc1", "-exclude", "global/private/");
        await(Duration.ofSeconds(30), "the initial copy", () -> value(dc2, "global/a").equals("1")
                && value(dc2, "global/b").equals("2"));
        assertEquals(5, entry(dc2, "global/b").path("Flags").asLong());
        assertEquals("", value(dc2, "global/private/secret"));
        assertEquals("", value(dc2, "other/x"));

        put(dc1, "global/c", "3", 0);
        put(dc1, "global/a", "1", 9);
        delete(dc1, "global/b");
        await(CONVERGED, "puts, flag changes and deletes", () -> value(dc2, "global/c").equals("3")
                && entry(dc2, "global/a").path("Flags").asLong() == 9 && value(dc2, "global/b").isEmpty());
        JsonNode status = JSON.readTree(Base64.getDecoder().decode(entry(dc2, "service/consul-replicate/statuses/"
                + md5("global-global")).path("Value").asText()));
        assertEquals("global", status.path("Source").asText());
        assertTrue(status.toString(), status.path("LastReplicated").asLong() > 0);

        Process second = replicator("second", "-prefix", "global@dc1", "-exclude", "global/private/");
        await(Duration.ofSeconds(30), "the second replicator waiting on the lock",
                () -> log("second").contains("waiting for the lock"));
        long untouched = entry(dc2, "global/c").path("ModifyIndex").asLong();
        Thread.sleep(500);
        assertFalse(log("second"), log("second").contains("holding the lock"));

        first.destroy();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        await(Duration.ofSeconds(30), "the second replicator taking over", () -> log("second")
                .contains("holding the lock"));
        put(dc1, "global/d", "4", 0);
        await(CONVERGED, "a put replicated by the second replicator", () -> value(dc2, "global/d").equals("4"));

        second.destroy();
        assertTrue(second.waitFor(30, TimeUnit.SECONDS));
        replicator("third", "-prefix", "global@dc1", "-exclude", "global/private/");
        await(Duration.ofSeconds(30), "the restarted replicator resuming", () -> log("third")
                .contains("resuming after index"));
        put(dc1, "global/e", "5", 0);
        await(CONVERGED, "a put after the restart", () -> value(dc2, "global/e").equals("5"));
        assertEquals("unchanged keys are not written again", untouched,
                entry(dc2, "global/c").path("ModifyIndex").asLong());
        assertEquals("", value(dc2, "global/private/secret"));
    }

    @Test
    public void replicatesOnceAndRefusesItsOwnDatacenter() throws Exception {
        put(dc1, "once/k", "v", 3);
        Cli.Result once = Cli.cairn(dc2.httpAddr(), "replicate", "-once", "-prefix", "once@dc1:copied",
                "-lock", "service/consul-replicate/once-leader");
        assertEquals(once.stderr(), 0, once.exitCode());
        assertEquals("v", value(dc2, "copied/k"));
        assertEquals(3, entry(dc2, "copied/k").path("Flags").asLong());

        Cli.Result self = Cli.cairn(dc2.httpAddr(), "replicate", "-once", "-prefix", "once@dc2");
        assertEquals(1, self.exitCode());
        assertTrue(self.stderr(), self.stderr().contains("local datacenter cannot be the source datacenter"));
    }

    @Test
    public void theAgentReplicatesFromItsConfigDir() throws Exception {
        put(dc1, "agentwide/k", "from-dc1", 0);
        await(Duration.ofSeconds(30), "the in-agent replicator", () -> value(dc2, "agentwide/k").equals("from-dc1"));
        delete(dc1, "agentwide/k");
        await(CONVERGED, "a delete replicated by the agent", () -> value(dc2, "agentwide/k").isEmpty());
    }

    private static Process replicator(String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(AgentProcess.CAIRN.toString(), "replicate", "-http-addr",
                dc2.httpAddr(), "-log-level", "info"));
        cmd.addAll(List.of(args));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        replicators.add(process);
        return process;
    }

    private static String log(String name) {
        try {
            return Files.readString(dir.resolve(name + ".log"));
        } catch (IOException e) {
            return "";
        }
    }

    private static void put(AgentProcess agent, String key, String value, long flags) throws Exception {
        HttpResponse<String> r = agent.put("/v1/kv/" + key + "?flags=" + flags, value);
        assertEquals(r.body(), 200, r.statusCode());
    }

    private static void delete(AgentProcess agent, String key) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + agent.httpAddr() + "/v1/kv/"
                + key)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
    }

    /** The key's entry, or a missing node when there is none. */
    private static JsonNode entry(AgentProcess agent, String key) throws IOException, InterruptedException {
        HttpResponse<String> r = agent.get("/v1/kv/" + key);
        return r.statusCode() == 404 ? JSON.missingNode() : JSON.readTree(r.body()).path(0);
    }

    /** The key's value, {@code ""} when there is no such key. */
    private static String value(AgentProcess agent, String key) throws IOException, InterruptedException {
        JsonNode entry = entry(agent, key);
        return entry.isMissingNode() ? "" : new String(Base64.getDecoder().decode(entry.path("Value").asText("")),
                StandardCharsets.UTF_8);
    }

    private interface Check {
        boolean test() throws Exception;
    }

    private static boolean call(Check check) {
        try {
            return check.test();
        } catch (Exception e) {
            return false;
        }
    }

    private static void await(Duration timeout, String what, Check done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!call(done)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within " + timeout + ": " + what + "\n--- first ---\n" + log("first")
                        + "\n--- second ---\n" + log("second") + "\n--- third ---\n" + log("third"));
            }
            Thread.sleep(50);
        }
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
