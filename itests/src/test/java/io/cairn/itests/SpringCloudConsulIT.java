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
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Spring Cloud Consul (discovery and config, from Maven Central, unmodified) in a small Spring Boot app
 * ({@code itests/spring-consul-app}, built into its own executable jar by this module's pom so that Spring's
 * dependencies stay off this classpath) run as a separate JVM against a {@code bin/cairn agent -dev}: it
 * registers itself with a passing HTTP check, its {@code DiscoveryClient} finds services, a KV change reaches
 * its {@code @RefreshScope} bean with Spring's default watch settings, and SIGTERM deregisters it.
 * <p>
 * The methods run in name order against one agent and one app.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SpringCloudConsulIT {
    static final Path APP_JAR = Path.of(System.getProperty("cairn.springApp",
            "target/spring-app/spring-consul-app/target/spring-consul-app.jar")).toAbsolutePath().normalize();
    private static final String APP = "cairn-spring-app";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AgentProcess agent;
    private static Path dir;
    private static int appPort;
    private static Process app;

    @BeforeClass
    public static void startAgentAndApp() throws Exception {
        if (!Files.isRegularFile(APP_JAR)) {
            throw new AssertionError(APP_JAR + " is missing: itests' pom builds it (maven-invoker-plugin, "
                    + "pre-integration-test) unless -Dit.test names another test than SpringCloudConsulIT");
        }
        dir = Files.createTempDirectory("cairn-spring-it");
        agent = new AgentProcess("spring-it", dir.resolve("data"), "-dev").start().awaitLeader(Duration.ofSeconds(120));
        // Spring Cloud Consul Config's default key for the app's own context: config/<spring.application.name>/.
        assertEquals("true", agent.put("/v1/kv/config/" + APP + "/greeting", "hello").body());
        appPort = AgentProcess.freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        app = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", APP_JAR.toString(),
                "--server.port=" + appPort, "--spring.cloud.consul.port=" + agent.httpPort)
                .redirectErrorStream(true).redirectOutput(dir.resolve("app.log").toFile()).start();
        await(Duration.ofSeconds(120), "the app to answer /greeting", () -> {
            if (!app.isAlive()) {
                throw new AssertionError("the app exited with " + app.exitValue() + ":\n" + appLog());
            }
            return appGet("/greeting").statusCode() == 200;
        });
    }

    @AfterClass
    public static void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    public void a_theAppReadItsConfigurationFromTheKv() throws Exception {
        assertEquals("hello", appGet("/greeting").body());
    }

    @Test
    public void b_theAppRegistersWithAPassingHealthCheck() throws Exception {
        await(Duration.ofSeconds(30), APP + " passing in /v1/health/service", () -> passingPorts(APP).contains(appPort));
        JsonNode instance = JSON.readTree(agent.get("/v1/health/service/" + APP + "?passing").body()).path(0);
        assertEquals("127.0.0.1", instance.path("Service").path("Address").asText());
        boolean httpCheck = false;
        for (JsonNode check : instance.path("Checks")) {
            httpCheck |= check.path("ServiceID").asText().equals(instance.path("Service").path("ID").asText())
                    && check.path("Output").asText().contains("/actuator/health");
        }
        assertTrue("the app's HTTP check on /actuator/health: " + instance, httpCheck);
    }

    @Test
    public void c_theDiscoveryClientFindsItselfAndAnotherService() throws Exception {
        assertEquals(200, agent.put("/v1/agent/service/register",
                "{\"Name\": \"billing\", \"ID\": \"billing-1\", \"Address\": \"127.0.0.1\", \"Port\": 9090}")
                .statusCode());
        await(Duration.ofSeconds(30), "the app's DiscoveryClient to find billing and itself", () ->
                appList("/discovered/billing").equals(List.of("127.0.0.1:9090"))
                        && appList("/discovered/" + APP).equals(List.of("127.0.0.1:" + appPort))
                        && appList("/services").containsAll(List.of("billing", APP)));
    }

    @Test
    public void d_aKvChangeReachesTheAppWithinFiveSeconds() throws Exception {
        // Spring Cloud Consul's ConfigWatch blocks on config/<app>/ (wait 55 s, 1 s between queries): the write
        // must wake that blocking query, not wait for it to time out.
        assertEquals("true", agent.put("/v1/kv/config/" + APP + "/greeting", "bonjour").body());
        long start = System.nanoTime();
        String[] seen = {""};
        // Waits past the 5 s the test allows, up to the watch's 55 s wait, to tell a slow change from a lost one.
        try {
            await(Duration.ofSeconds(65), "greeting=bonjour to reach the app", () -> {
                seen[0] = appGet("/greeting").body();
                return seen[0].equals("bonjour");
            });
        } catch (AssertionError e) {
            throw new AssertionError("the change did not reach the app at all (still \"" + seen[0] + "\"): "
                    + e.getMessage(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("SpringCloudConsulIT: the change reached the app in " + took.toMillis() + " ms");
        assertTrue("the change reached the app after " + took.toMillis() + " ms, not within 5 s: the blocking query "
                + "on config/" + APP + "/ did not wake on the write", took.compareTo(Duration.ofSeconds(5)) <= 0);
    }

    @Test
    public void e_sigtermDeregistersTheApp() throws Exception {
        app.destroy();
        assertTrue("the app did not stop within 30 s of SIGTERM:\n" + appLog(), app.waitFor(30, TimeUnit.SECONDS));
        await(Duration.ofSeconds(10), APP + " to leave the catalog", () -> {
            JsonNode services = JSON.readTree(agent.get("/v1/catalog/services").body());
            return !services.has(APP);
        });
        assertEquals("[]", agent.get("/v1/health/service/" + APP).body().trim());
    }

    /** The ports of the instances of {@code service} whose checks all pass. */
    private static List<Integer> passingPorts(String service) throws Exception {
        List<Integer> ports = new ArrayList<>();
        for (JsonNode instance : JSON.readTree(agent.get("/v1/health/service/" + service + "?passing").body())) {
            ports.add(instance.path("Service").path("Port").asInt());
        }
        return ports;
    }

    private static List<String> appList(String path) throws Exception {
        HttpResponse<String> r = appGet(path);
        List<String> items = new ArrayList<>();
        if (r.statusCode() == 200) {
            JSON.readTree(r.body()).forEach(item -> items.add(item.asText()));
        }
        return items;
    }

    private static HttpResponse<String> appGet(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String appLog() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("app.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Duration timeout, String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IOException notYet) {
                // the app is not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "\n--- app ---\n"
                        + appLog() + "\n--- agent ---\n" + agent.tail());
            }
            Thread.sleep(200);
        }
    }
}
