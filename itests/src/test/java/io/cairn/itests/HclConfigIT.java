package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * An agent started from Consul's HCL config format ({@code bin/cairn agent -config-file server.hcl} with service
 * definitions, plus a {@code -hcl} fragment, and a file of {@code watches} and {@code template} blocks whose watch
 * fires its handler and whose templates render), its console (Consul's banner, then its log), and
 * {@code cairn validate} on good and bad files.
 */
public class HclConfigIT {
    private static Path dir;
    private static Path config;
    private static AgentProcess agent;

    /** The config files, the agent's data dir and what its watch and templates write; deleted after it stops. */
    @ClassRule
    public static final TemporaryFolder FILES = new TemporaryFolder();

    @BeforeClass
    public static void startFromHcl() throws Exception {
        dir = FILES.getRoot().toPath();
        Path dataDir = dir.resolve("data");
        config = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(config.resolve("server.hcl"), """
                # Consul's HCL, as in its deployment guide
                datacenter = "hcl-dc"
                data_dir = "%s"
                server = true
                bootstrap_expect = 1
                bind_addr = "127.0.0.1"
                advertise_addr = "127.0.0.1"

                services {
                  name = "web"
                  port = 8080
                  tags = ["hcl", "v1"]
                  check {
                    id = "web-ttl"
                    name = "web TTL"
                    ttl = "10m"
                  }
                }
                services {
                  name = "api"
                  port = 0x2382
                }
                """.formatted(dataDir));
        // watches and templates as Consul's (and consul-template's) HCL gives them: one block per entry
        Path watchesAndTemplates = Files.writeString(dir.resolve("watches.hcl"), """
                watches {
                  type = "key"
                  key = "hcl/watched"
                  args = ["/bin/sh", "-c", "cat >> %s"]
                }
                watches {
                  type = "keyprefix"
                  prefix = "hcl/"
                  handler_type = "http"
                  http_handler_config {
                    path = "http://127.0.0.1:1/unused"
                  }
                }
                template {
                  contents = "watched: {{ key \\"hcl/watched\\" }}"
                  destination = "%s"
                }
                template {
                  contents = "second"
                  destination = "%s"
                }
                """.formatted(dir.resolve("watch.out"), dir.resolve("rendered.txt"), dir.resolve("second.txt")));
        agent = new AgentProcess("hcl1", dataDir, "-config-file", config.resolve("server.hcl").toString(),
                "-config-file", watchesAndTemplates.toString(), "-hcl", "datacenter = \"frag-dc\"").start()
                .awaitRegistered(Duration.ofSeconds(120));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    public void servicesAndSettingsFromHcl() throws Exception {
        assertEquals("[\"frag-dc\"]", agent.get("/v1/catalog/datacenters").body().replaceAll("\\s", ""));
        String web = awaitBody("/v1/catalog/service/web", "\"ServicePort\":8080");
        assertTrue(web, web.contains("\"ServiceTags\":[\"hcl\",\"v1\"]"));
        assertTrue(awaitBody("/v1/catalog/service/api", "\"ServicePort\":9090").contains("\"ServiceName\":\"api\""));
        String checks = agent.get("/v1/agent/checks").body();
        assertTrue(checks, checks.contains("\"web-ttl\"") && checks.contains("\"ServiceID\":\"web\""));
    }

    @Test
    public void watchesAndTemplatesFromAnHclFileRunAsFromJson() throws Exception {
        assertEquals(200, agent.put("/v1/kv/hcl/watched", "from-hcl").statusCode());
        Path watched = dir.resolve("watch.out");
        awaitFile(watched, "\"Key\":\"hcl/watched\"");
        // Consul's handler input: the key's JSON, its value in base64
        assertTrue(Files.readString(watched), Files.readString(watched).contains("\"Value\":\"ZnJvbS1oY2w=\""));
        awaitFile(dir.resolve("rendered.txt"), "watched: from-hcl");
        awaitFile(dir.resolve("second.txt"), "second");
    }

    @Test
    public void consolePrintsConsulsBannerThenTheLog() throws Exception {
        String out = awaitOutput("==> Log data will now stream in as it occurs:");
        assertTrue(out, out.startsWith("==> Starting Consul agent...\n"));
        assertTrue(out, out.contains("\n            Node name: 'hcl1'\n"));
        assertTrue(out, out.contains("\n           Datacenter: 'frag-dc' (Segment: '<all>')\n"));
        assertTrue(out, out.contains("\n               Server: true (Bootstrap: true)\n"));
        assertTrue(out, out.contains("\n          Client Addr: [127.0.0.1] (HTTP: " + agent.httpPort + ", HTTPS: -1, "
                + "gRPC: -1, gRPC-TLS: -1, DNS: " + agent.dnsPort + ")\n"));
        assertTrue(out, out.contains("\n         ACLs Enabled: false\n"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        // the agent's own log (Karaf's console appender), not just the JVM launcher's messages
        while (!afterBanner(out).contains("HTTP API ready")) {
            assertTrue("no log line after the banner:\n" + out, System.nanoTime() < deadline);
            Thread.sleep(250);
            out = Files.readString(agent.logFile().toPath());
        }
    }

    @Test
    public void validateGoodAndBadFiles() throws Exception {
        Cli.Result good = Cli.cairn(null, "validate", config.toString());
        assertEquals(good.stderr(), 0, good.exitCode());
        assertEquals("Configuration is valid!\n", good.stdout());
        assertEquals(new Cli.Result(0, "", ""), Cli.cairn(null, "validate", "-quiet", config.toString()));

        Path bad = Files.writeString(dir.resolve("bad.hcl"), "server = true\nports {\n  http = 8500\n");
        Cli.Result syntax = Cli.cairn(null, "validate", config.toString(), bad.toString());
        assertEquals(1, syntax.exitCode());
        assertEquals("", syntax.stdout());
        assertTrue(syntax.stderr(), syntax.stderr().startsWith("Config validation failed: config file " + bad
                + ": invalid HCL: At "));

        Path twice = Files.writeString(dir.resolve("twice.hcl"), "ports { http = 8500 }\nports { dns = 8600 }\n");
        Cli.Result repeated = Cli.cairn(null, "validate", config.toString(), twice.toString());
        assertEquals(new Cli.Result(1, "", "Config validation failed: config file " + twice + ": invalid HCL: ports: "
                + "[]map[string]interface{} with more than one element not supported\n"), repeated);

        assertEquals(new Cli.Result(1, "", "Must specify at least one config file or directory\n"),
                Cli.cairn(null, "validate"));
    }

    private static String awaitBody(String path, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> response = agent.get(path);
            if (response.body().contains(expected)) {
                return response.body();
            }
            assertTrue(path + " never contained " + expected + ": " + response.body(), System.nanoTime() < deadline);
            Thread.sleep(250);
        }
    }

    private static void awaitFile(Path file, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(file) || !Files.readString(file).contains(expected)) {
            assertTrue(file + " never contained " + expected + ": "
                    + (Files.exists(file) ? Files.readString(file) : "(no file)") + "\nagent log:\n" + agent.tail(),
                    System.nanoTime() < deadline);
            Thread.sleep(250);
        }
    }

    private static String awaitOutput(String expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            String out = Files.readString(agent.logFile().toPath());
            if (out.contains(expected)) {
                return out;
            }
            assertTrue("the console never showed " + expected + ":\n" + out, System.nanoTime() < deadline);
            Thread.sleep(250);
        }
    }

    private static String afterBanner(String out) {
        return out.substring(out.indexOf("==> Log data will now stream in as it occurs:"));
    }
}
