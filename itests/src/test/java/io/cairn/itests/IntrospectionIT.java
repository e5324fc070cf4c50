package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The operator's introspection commands against a dev agent: {@code cairn info} prints {@code /v1/agent/self}'s
 * Stats in Consul's layout, {@code cairn version} Consul's lines and Cairn's, and {@code cairn monitor} streams the
 * log line an action causes (a service registered and synced) as it happens.
 */
public class IntrospectionIT {
    private static AgentProcess agent;

    @BeforeClass
    public static void startDevAgent() throws Exception {
        Path dir = Files.createTempDirectory("cairn-introspection-it");
        agent = new AgentProcess("intro1", dir.resolve("data"), "-dev").start().awaitLeader(Duration.ofSeconds(120));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    public void infoPrintsTheStatsSectionsInConsulsLayout() throws Exception {
        Cli.Result info = Cli.cairn(agent.httpAddr(), "info");
        assertEquals(info.stderr(), 0, info.exitCode());
        String out = info.stdout();
        assertTrue(out, out.startsWith("agent:\n\tcheck_monitors = "));
        assertTrue(out, out.contains("build:\n\tprerelease = \n\trevision = cairn\n\tversion = 1.21.0\n"));
        assertTrue(out, out.contains("consul:\n"));
        assertTrue(out, out.contains("\tleader = true\n"));
        assertTrue(out, out.contains("raft:\n"));
        assertTrue(out, out.contains("\tstate = Leader\n"));
        assertTrue(out, out.contains("runtime:\n\tarch = "));
        assertTrue(out, out.indexOf("consul:") < out.indexOf("raft:") && out.indexOf("raft:") < out.indexOf("runtime:"));
    }

    @Test
    public void versionPrintsConsulsLinesThenCairns() throws Exception {
        Cli.Result version = Cli.cairn(null, "version");
        assertEquals(version.stderr(), 0, version.exitCode());
        String[] lines = version.stdout().split("\n");
        assertEquals("Consul v1.21.0", lines[0]);
        assertEquals("Revision cairn", lines[1]);
        assertTrue(lines[2], lines[2].startsWith("Build Date "));
        assertTrue(lines[3], lines[3].startsWith("Protocol 2 spoken by default"));
        assertTrue(lines[4], lines[4].startsWith("Cairn v"));
    }

    @Test
    public void monitorStreamsTheLineOfAServiceRegistration() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(AgentProcess.CAIRN.toString(), "monitor", "-log-level=debug");
        pb.environment().remove("CAIRN_HTTP_ADDR");
        pb.environment().put("CONSUL_HTTP_ADDR", agent.httpAddr());
        pb.redirectErrorStream(true);
        Process monitor = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (Exception e) {
                lines.add("reader failed: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            awaitSubscribed();
            HttpResponse<String> register = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + agent.httpAddr() + "/v1/agent/service/register"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"Name\":\"introspection-web\",\"Port\":8080}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(register.body(), 200, register.statusCode());
            String seen = awaitLine(lines, "Synced service: service=introspection-web", Duration.ofSeconds(30));
            assertTrue(seen, seen.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d{4}) \\[INFO]  .*"));
            assertTrue("the monitor runs until interrupted", monitor.isAlive());
        } finally {
            monitor.destroy();
            monitor.waitFor(10, TimeUnit.SECONDS);
            monitor.destroyForcibly();
        }
    }

    /** Gives the CLI time to start and subscribe: only lines logged after that reach it. */
    private static void awaitSubscribed() throws InterruptedException {
        Thread.sleep(3000);
    }

    private static String awaitLine(BlockingQueue<String> lines, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.contains(text)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("no line with '" + text + "' within " + timeout + "; the monitor printed:\n" + seen);
    }
}
