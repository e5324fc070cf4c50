package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The catalog walkthrough: a {@code services.json} in the config dir (Consul's format, snake_case keys) registers
 * a service with an HTTP check against a real HTTP server; the CLI and the HTTP API find it; when the server
 * stops, the check turns critical saying why and the instance drops out of {@code ?passing}.
 */
public class CatalogWalkthroughIT {
    private static HttpServer backend;
    private static AgentProcess agent;
    private static Path config;

    @BeforeClass
    public static void start() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/health", exchange -> {
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        backend.start();
        int port = backend.getAddress().getPort();

        Path dir = Files.createTempDirectory("cairn-catalog-it");
        config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("services.json"), """
                {"service": {"name": "hopscotch", "address": "10.202.2.10", "port": %d, "tags": ["beta"],
                             "check": {"id": "hopscotch", "http": "http://127.0.0.1:%d/health",
                                       "interval": "1s", "timeout": "1s"}}}
                """.formatted(port, port));
        agent = new AgentProcess("betaweb1", dir.resolve("data"), "-dev", "-config-dir", config.toString())
                .start().awaitLeader(Duration.ofSeconds(120));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (backend != null) {
            backend.stop(0);
        }
    }

    @Test
    public void serviceFromConfigIsFoundHealthyThenDropsOutWhenItsBackendDies() throws Exception {
        awaitBody("/v1/health/service/hopscotch?passing", "\"ServiceID\":\"hopscotch\"");

        Cli.Result nodes = Cli.cairn(agent.httpAddr(), "catalog", "nodes", "-service=hopscotch");
        assertEquals(nodes.stderr(), 0, nodes.exitCode());
        List<String> lines = nodes.stdout().lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0), lines.get(0).matches("Node\\s+ID\\s+Address\\s+DC"));
        assertTrue(lines.get(1), lines.get(1).matches("betaweb1\\s+[0-9a-f]{8}\\s+127\\.0\\.0\\.1\\s+dc1"));

        HttpResponse<String> beta = agent.get("/v1/catalog/service/hopscotch?tag=beta");
        assertTrue(beta.body(), beta.body().contains("\"ServiceAddress\":\"10.202.2.10\""));
        assertEquals("[]", agent.get("/v1/catalog/service/hopscotch?tag=prod").body());

        backend.stop(0);
        awaitBody("/v1/health/service/hopscotch?passing", "[]");
        HttpResponse<String> all = agent.get("/v1/health/checks/hopscotch");
        assertTrue(all.body(), all.body().contains("\"Status\":\"critical\""));
        assertTrue(all.body(), all.body().toLowerCase().contains("connection refused"));
    }

    @Test
    public void sighupAndCliReloadPickUpChangedServiceFiles() throws Exception {
        Files.writeString(config.resolve("web.json"), "{\"service\": {\"name\": \"web\", \"port\": 80}}");
        new ProcessBuilder("kill", "-HUP", Long.toString(agent.pid())).start().waitFor();
        awaitBody("/v1/catalog/services", "\"web\":[]");
        assertTrue("SIGHUP must reload, not stop, the agent", agent.isAlive());

        Files.delete(config.resolve("web.json"));
        Cli.Result reload = Cli.cairn(agent.httpAddr(), "reload");
        assertEquals(reload.stderr(), "Configuration reload triggered\n", reload.stdout());
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (agent.get("/v1/catalog/services").body().contains("\"web\"")) {
            assertTrue("web was not deregistered after reload", System.nanoTime() < deadline);
            Thread.sleep(200);
        }
    }

    /** Waits up to 15 s (the check's interval and timeout are 1 s) for a body that is or contains {@code expected}. */
    private static void awaitBody(String path, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = agent.get(path).body();
            if (last.equals(expected) || (expected.length() > 2 && last.contains(expected))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never showed " + expected + "; last: " + last + "\n" + agent.tail());
    }
}
