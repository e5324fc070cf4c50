package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@code ?filter=} on every endpoint Consul filters, the CLI's {@code -filter}, and {@code ?dc=} naming a datacenter
 * this agent has no path to, against a {@code -dev} agent: the commands as a user types them, then each
 * filtered endpoint once.
 * <p>
 * The catalog holds three external nodes running {@code web}: {@code web-a} (rack r1, tag v2, passing),
 * {@code web-b} (rack r2, tag v2, critical) and {@code web-c} (rack r3, tag v1, passing); the agent itself runs
 * {@code api} (env prod) and {@code worker} (env dev), and has the TTL checks {@code disk} (critical) and
 * {@code mem} (passing).
 */
public class FilterIT {
    private static final String EVALUATOR_FAILED = "Failed to create boolean expression evaluator";
    private static final String NO_PATH = "No path to datacenter";
    private static AgentProcess agent;

    @BeforeClass
    public static void start() throws Exception {
        Path dir = Files.createTempDirectory("cairn-filter-it");
        agent = new AgentProcess("dev1", dir.resolve("data"), "-dev").start().awaitLeader(Duration.ofSeconds(120));
        register("web-a", "r1", "v2", "passing");
        register("web-b", "r2", "v2", "critical");
        register("web-c", "r3", "v1", "passing");
        ok(agent.put("/v1/agent/service/register", """
                {"Name": "api", "Port": 8080, "Meta": {"env": "prod"}}"""));
        ok(agent.put("/v1/agent/service/register", """
                {"Name": "worker", "Port": 9090, "Meta": {"env": "dev"}}"""));
        ok(agent.put("/v1/agent/check/register", "{\"Name\": \"disk\", \"TTL\": \"10m\"}"));
        ok(agent.put("/v1/agent/check/register", "{\"Name\": \"mem\", \"TTL\": \"10m\"}"));
        ok(agent.put("/v1/agent/check/pass/mem", ""));
        awaitBody("/v1/catalog/service/api", "\"ServiceName\":\"api\"");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    private static void register(String node, String rack, String tag, String status) throws Exception {
        ok(agent.put("/v1/catalog/register", """
                {"Node": "%1$s", "Address": "10.0.0.%2$d", "NodeMeta": {"rack": "%3$s"},
                 "Service": {"ID": "%1$s", "Service": "web", "Tags": ["%4$s"], "Port": 80},
                 "Checks": [{"CheckID": "%1$s-alive", "Name": "alive", "Status": "%5$s", "ServiceID": "%1$s"}]}
                """.formatted(node, node.charAt(4) - 'a' + 1, rack, tag, status)));
    }

    private static void ok(HttpResponse<String> response) {
        assertEquals(response.body(), 200, response.statusCode());
    }

    // ---- the commands -------------------------------------------------------------------------------

    @Test
    public void healthServiceByTagAndCheckStatus() throws Exception {
        Curl r = curl("-G", agent.httpAddr() + "/v1/health/service/web", "--data-urlencode",
                "filter=Service.Tags contains \"v2\" and Checks.Status != \"critical\"");
        assertEquals(r.body(), 200, r.status());
        assertEquals(List.of("web-a"), values(r.body(), "\"ID\":\"", "web-"));
    }

    @Test
    public void agentServicesByMeta() throws Exception {
        Curl r = curl("-G", agent.httpAddr() + "/v1/agent/services", "--data-urlencode",
                "filter=Meta.env == \"prod\"");
        assertEquals(r.body(), 200, r.status());
        assertTrue(r.body(), r.body().startsWith("{\"api\":{"));
        assertFalse(r.body(), r.body().contains("worker"));
    }

    @Test
    public void catalogNodesByRackPattern() throws Exception {
        // -g: curl itself would read [12] as one of its URL globs and refuse the URL
        Curl r = curl("-g", agent.httpAddr() + "/v1/catalog/nodes?filter=Meta.rack%20matches%20\"r[12]\"");
        assertEquals(r.body(), 200, r.status());
        List<String> nodes = values(r.body(), "\"Node\":\"", "");
        // the agent's own node has no rack: nothing matches a missing key
        assertEquals(r.body(), List.of("web-a", "web-b"), nodes);
    }

    @Test
    public void aBadExpressionIs400WithTheParseError() throws Exception {
        Curl r = curl("-G", agent.httpAddr() + "/v1/catalog/services", "--data-urlencode", "filter=bad ===");
        assertEquals(r.body(), 400, r.status());
        assertTrue(r.body(), r.body().startsWith(EVALUATOR_FAILED));
    }

    @Test
    public void cliCatalogNodesFilter() throws Exception {
        Cli.Result nodes = Cli.cairn(agent.httpAddr(), "catalog", "nodes", "-filter", "Node matches \"web\"");
        assertEquals(nodes.stderr(), 0, nodes.exitCode());
        List<String> lines = nodes.stdout().lines().toList();
        assertEquals(nodes.stdout(), 4, lines.size());
        assertTrue(lines.get(1), lines.get(1).startsWith("web-a "));
        assertTrue(lines.get(3), lines.get(3).startsWith("web-c "));
        assertFalse(nodes.stdout(), nodes.stdout().contains("dev1"));
    }

    // ---- every filtered endpoint once ---------------------------------------------------------------------

    @Test
    public void agentChecksAndMembers() throws Exception {
        String checks = get("/v1/agent/checks", "Status == \"critical\"");
        assertTrue(checks, checks.contains("\"disk\":{"));
        assertFalse(checks, checks.contains("\"mem\""));
        assertEquals(List.of("dev1"), values(get("/v1/agent/members", "Name == \"dev1\""), "\"Name\":\"", ""));
        assertEquals("[]", get("/v1/agent/members", "Tags.role == \"nobody\""));

        Cli.Result members = Cli.cairn(agent.httpAddr(), "members", "-filter", "Name == \"nope\"");
        assertEquals(members.stderr(), 2, members.exitCode());
    }

    @Test
    public void catalogEndpoints() throws Exception {
        String services = get("/v1/catalog/services", "ServiceTags contains \"v1\"");
        assertEquals("{\"web\":[\"v1\"]}", services);
        assertEquals(List.of("web-c"), values(get("/v1/catalog/service/web", "NodeMeta.rack == \"r3\""),
                "\"ServiceID\":\"", ""));
        String node = get("/v1/catalog/node/web-a", "Service == \"nope\"");
        assertTrue(node, node.contains("\"Services\":{}"));
        assertTrue(node, node.contains("\"Node\":\"web-a\""));
    }

    @Test
    public void healthEndpoints() throws Exception {
        assertEquals(List.of("web-b-alive"), values(get("/v1/health/node/web-b", "Status == \"critical\""),
                "\"CheckID\":\"", ""));
        assertEquals(List.of("web-a-alive", "web-c-alive"), values(get("/v1/health/checks/web",
                "Status == \"passing\""), "\"CheckID\":\"", ""));
        assertEquals(List.of("web-c"), values(get("/v1/health/service/web", "Service.Tags contains \"v1\""),
                "\"ID\":\"", "web-"));
        assertEquals(List.of("web-b-alive"), values(get("/v1/health/state/critical", "Node == \"web-b\""),
                "\"CheckID\":\"", ""));
    }

    @Test
    public void aBlockingQueryReportsTheUnfilteredIndex() throws Exception {
        HttpResponse<String> all = agent.get("/v1/catalog/nodes");
        HttpResponse<String> none = agent.get("/v1/catalog/nodes?filter=" + encode("Node == \"nope\""));
        assertEquals("[]", none.body());
        assertEquals(all.headers().firstValue("X-Consul-Index"), none.headers().firstValue("X-Consul-Index"));
    }

    // ---- ?dc= ---------------------------------------------------------------------------------------------

    @Test
    public void anUnknownDatacenterHasNoPath() throws Exception {
        for (HttpResponse<String> r : List.of(agent.get("/v1/kv/x?dc=nope"), agent.put("/v1/kv/x?dc=nope", "v"),
                agent.get("/v1/session/list?dc=nope"), agent.put("/v1/session/create?dc=nope", "{}"),
                agent.put("/v1/txn?dc=nope", "[]"), agent.get("/v1/catalog/nodes?dc=nope"),
                agent.get("/v1/health/service/web?dc=nope"))) {
            assertEquals(r.uri() + ": " + r.body(), 500, r.statusCode());
            assertEquals(r.uri().toString(), NO_PATH, r.body());
        }
        assertEquals(404, agent.get("/v1/kv/x?dc=dc1").statusCode());
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The body of {@code GET path?filter=expression}, which must answer 200. */
    private static String get(String path, String expression) throws Exception {
        HttpResponse<String> r = agent.get(path + "?filter=" + encode(expression));
        assertEquals(path + " " + expression + ": " + r.body(), 200, r.statusCode());
        return r.body();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Every string value that follows {@code key} in {@code json} and starts with {@code prefix}, in order. */
    private static List<String> values(String json, String key, String prefix) {
        List<String> found = new ArrayList<>();
        for (int at = json.indexOf(key); at >= 0; at = json.indexOf(key, at + 1)) {
            int start = at + key.length();
            String value = json.substring(start, json.indexOf('"', start));
            if (value.startsWith(prefix) && !found.contains(value)) {
                found.add(value);
            }
        }
        return found;
    }

    /** A curl run's HTTP status and body. */
    private record Curl(int status, String body) {
    }

    /** Runs {@code curl -s} with {@code args}, as a user types them, and reads the status it reports. */
    private static Curl curl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-w", "\n%{http_code}"));
        cmd.addAll(List.of(args));
        Cli.Result run = Cli.run(cmd, null, null);
        assertEquals(run.stderr(), 0, run.exitCode());
        String out = run.stdout();
        int lastLine = out.lastIndexOf('\n');
        return new Curl(Integer.parseInt(out.substring(lastLine + 1).trim()), out.substring(0, lastLine));
    }

    private static void awaitBody(String path, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = agent.get(path).body();
            if (last.contains(expected)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never showed " + expected + "; last: " + last + "\n" + agent.tail());
    }
}
