package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The agent's own log as Consul's {@code -log-*} options shape it, seen from outside: with {@code -log-json} each
 * line on stdout after the banner is one JSON object with hclog's keys, and {@code -log-file} with rotation writes
 * the same lines to {@code consul.log} in a directory, renaming it to archives of which at most
 * {@code -log-rotate-max-files} remain; a plain-text agent at {@code -log-level=debug} shows debug lines and
 * writes no log file. Stdout and stderr are kept apart: the JVM's own messages before logging starts go to stderr.
 */
public class AgentLoggingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String LOG_STARTS = "==> Log data will now stream in as it occurs:";

    private Path dir;
    private Process agent;
    private int httpPort;

    @Before
    public void makeDir() throws IOException {
        dir = Files.createTempDirectory("cairn-logging-it");
    }

    @After
    public void stopAndCleanUp() throws Exception {
        if (agent != null && agent.isAlive()) {
            agent.destroy();
            if (!agent.waitFor(60, TimeUnit.SECONDS)) {
                agent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    public void jsonLinesOnStdoutAndInALogFileThatRotatesKeepingTwoArchives() throws Exception {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        start("-log-json", "-log-file", logs + "/", "-log-rotate-bytes", "4096", "-log-rotate-max-files", "2");
        for (int i = 0; i < 20; i++) {
            put("/v1/agent/service/register", "{\"Name\":\"logging-web-" + i + "\",\"Port\":" + (8000 + i) + "}");
            put("/v1/agent/service/deregister/logging-web-" + i, "");
        }
        put("/v1/agent/service/register", "{\"Name\":\"logging-last\",\"Port\":8080}");
        awaitStdoutLine("logging-last");

        List<String> stdout = logLines();
        assertFalse(stdout.isEmpty());
        for (String line : stdout) {
            assertHclogJson(line);
        }
        assertTrue("the log file is the current one", Files.isRegularFile(logs.resolve("consul.log")));
        List<Path> archives = awaitArchivesPruned(logs);
        assertFalse("startup and 41 registrations log more than 4096 bytes: " + archives, archives.isEmpty());
        List<Path> all = new ArrayList<>(archives);
        all.add(logs.resolve("consul.log"));
        for (Path file : all) {
            assertTrue(file + " is named as Consul names archives",
                    file.getFileName().toString().matches("consul(-\\d{17}-\\d+)?\\.log"));
            for (String line : Files.readAllLines(file)) {
                assertHclogJson(line);
            }
        }
    }

    @Test
    public void textLogAtDebugShowsDebugLinesAndWritesNoLogFile() throws Exception {
        start("-log-level=debug");
        put("/v1/agent/service/register", "{\"Name\":\"logging-text\",\"Port\":8080}");
        awaitStdoutLine("logging-text");
        List<String> stdout = logLines();
        assertTrue(String.join("\n", stdout), stdout.stream().anyMatch(line -> line.contains("DEBUG")));
        assertFalse(String.join("\n", stdout), stdout.stream().anyMatch(line -> line.startsWith("{\"@level\"")));
        try (Stream<Path> files = Files.list(dir.resolve("data/karaf/log"))) {
            assertEquals("without -log-file only Karaf's logs", List.of(),
                    files.filter(file -> file.getFileName().toString().startsWith("consul")).toList());
        }
    }

    /** {@code bin/cairn agent -dev} on free loopback ports, its stdout and stderr in files of their own. */
    private void start(String... logArgs) throws Exception {
        httpPort = AgentProcess.freePort();
        List<String> cmd = new ArrayList<>(List.of(AgentProcess.CAIRN.toString(), "agent", "-dev", "-node", "log1",
                "-data-dir", dir.resolve("data").toString(), "-http-port", Integer.toString(httpPort),
                "-server-port", Integer.toString(AgentProcess.freePort()),
                "-serf-lan-port", Integer.toString(AgentProcess.freePort()),
                "-serf-wan-port", Integer.toString(AgentProcess.freePort()),
                "-dns-port", Integer.toString(AgentProcess.freePort())));
        cmd.addAll(List.of(logArgs));
        agent = new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue("the agent exited:\n" + output(), agent.isAlive());
            try {
                HttpResponse<String> leader = send(HttpRequest.newBuilder(uri("/v1/status/leader")).GET());
                if (leader.statusCode() == 200 && leader.body().length() > 2) {
                    return;
                }
            } catch (ConnectException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no leader within 120 s:\n" + output());
    }

    private void put(String path, String body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(response.body(), 200, response.statusCode());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** Waits until a line on stdout contains {@code text}: the agent has logged what the test made it do. */
    private void awaitStdoutLine(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (logLines().stream().anyMatch(line -> line.contains(text))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no line with '" + text + "' on stdout within 30 s:\n" + output());
    }

    /** The stdout lines after the banner's last line and the empty line that follows it. */
    private List<String> logLines() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("stdout"));
        int start = lines.indexOf(LOG_STARTS);
        assertTrue("the banner ends with its log line:\n" + lines, start >= 0);
        return lines.subList(start + 2, lines.size());
    }

    /** The archives once pruning (which runs after each rotation) has left at most two. */
    private static List<Path> awaitArchivesPruned(Path logs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            List<Path> archives;
            try (Stream<Path> files = Files.list(logs)) {
                archives = files.filter(file -> !file.getFileName().toString().equals("consul.log")).sorted().toList();
            }
            if (archives.size() <= 2) {
                return archives;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("more than 2 archives remain: " + archives);
            }
            Thread.sleep(200);
        }
    }

    private static void assertHclogJson(String line) throws IOException {
        JsonNode entry = JSON.readTree(line);
        assertTrue(line, entry.isObject());
        List<String> keys = new ArrayList<>();
        entry.fieldNames().forEachRemaining(keys::add);
        assertEquals(line, List.of("@level", "@message", "@module", "@timestamp"), keys);
        assertTrue(line, entry.get("@level").asText().matches("trace|debug|info|warn|error"));
        assertTrue(line, entry.get("@timestamp").asText()
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d{4})"));
    }

    private String output() throws IOException {
        return "--- stdout ---\n" + Files.readString(dir.resolve("stdout")) + "\n--- stderr ---\n"
                + Files.readString(dir.resolve("stderr"));
    }
}
