package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real Prometheus against a dev agent: instances found through {@code /v1/prometheus/sd} (HTTP SD) carry
 * consul_sd's labels, the relabeling example of docs/prometheus.md keeps only passing instances, and Prometheus
 * scrapes the agent's own metrics from {@code /v1/agent/metrics?format=prometheus}. Debian's Prometheus is built
 * without consul_sd, so its request sequence (reference §4.1) is replayed here call by call instead. Every
 * target is on the loopback range.
 */
public class PrometheusIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static AgentProcess agent;
    private static PrometheusServer prometheus;
    private static int hopscotchPort;

    @BeforeClass
    public static void start() throws Exception {
        if (!Files.isExecutable(PrometheusServer.BINARY)) {
            throw new AssertionError(PrometheusServer.BINARY + " is missing: install Debian's prometheus package "
                    + "(apt-get install prometheus; .ci/run does)");
        }
        Path dir = Files.createTempDirectory("cairn-prometheus-it");
        agent = new AgentProcess("promnode", dir.resolve("data"), "-dev").start().awaitLeader(Duration.ofSeconds(120));
        register("exp-a", "127.0.0.2", "{\"rack\": \"r1\"}",
                "{\"Service\": \"node_exporter\", \"ID\": \"ne-a\", \"Port\": 9100, \"Tags\": [\"a\", \"b\"],"
                        + " \"Meta\": {\"version\": \"1.7\"}}", "ne-a", "passing");
        register("exp-b", "127.0.0.3", "{}",
                "{\"Service\": \"node_exporter\", \"ID\": \"ne-b\", \"Port\": 9100}", "ne-b", "critical");
        hopscotchPort = AgentProcess.freePort();
        HttpResponse<String> hop = agent.put("/v1/agent/service/register", """
                {"Name": "hopscotch", "ID": "hop-1", "Address": "127.0.0.4", "Port": %d, "Tags": ["web"],
                 "Check": {"CheckID": "hop-ttl", "TTL": "10m", "Status": "passing"}}
                """.formatted(hopscotchPort));
        assertEquals(hop.body(), 200, hop.statusCode());
        HttpResponse<String> kv = agent.put("/v1/kv/prometheus-it", "seen");
        assertEquals(kv.body(), 200, kv.statusCode());
        askDns("hopscotch.service.consul.");
        prometheus = new PrometheusServer(dir.resolve("prometheus")).start(config(agent.httpAddr()));
    }

    @AfterClass
    public static void stop() throws Exception {
        try {
            if (prometheus != null) {
                prometheus.close();
            }
        } finally {
            if (agent != null) {
                agent.close();
            }
        }
    }

    /** The scrape configuration, plus the docs' relabeling example. */
    private static String config(String agentAddr) {
        String sd = "http://" + agentAddr + "/v1/prometheus/sd?service=node_exporter&service=hopscotch";
        return """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 500ms
                scrape_configs:
                  - job_name: services
                    http_sd_configs:
                      - url: '%1$s'
                        refresh_interval: 1s
                  - job_name: cairn
                    metrics_path: /v1/agent/metrics
                    params: {format: [prometheus]}
                    static_configs: [{targets: ['%2$s']}]
                  - job_name: passing
                    http_sd_configs:
                      - url: '%1$s'
                        refresh_interval: 1s
                    relabel_configs:
                      - source_labels: [__meta_consul_health]
                        regex: passing
                        action: keep
                """.formatted(sd, agentAddr);
    }

    private static void register(String node, String address, String nodeMeta, String service, String checkFor,
            String status) throws Exception {
        String body = """
                {"Node": "%s", "Address": "%s", "NodeMeta": %s, "Service": %s,
                 "Check": {"CheckID": "%s", "Name": "%s", "Status": "%s", "ServiceID": "%s"}}
                """.formatted(node, address, nodeMeta, service, checkFor, checkFor, status, checkFor);
        HttpResponse<String> response = agent.put("/v1/catalog/register", body);
        assertEquals(response.body(), 200, response.statusCode());
    }

    @Test
    public void httpSdListsEveryInstanceWithConsulSdLabels() throws Exception {
        Map<String, JsonNode> targets = awaitTargets("services", 3);
        JsonNode a = targets.get("127.0.0.2:9100").get("discoveredLabels");
        assertEquals("node_exporter", a.get("__meta_consul_service").asText());
        assertEquals("exp-a", a.get("__meta_consul_node").asText());
        assertEquals("ne-a", a.get("__meta_consul_service_id").asText());
        assertEquals(",a,b,", a.get("__meta_consul_tags").asText());
        assertEquals("passing", a.get("__meta_consul_health").asText());
        assertEquals("dc1", a.get("__meta_consul_dc").asText());
        assertEquals("127.0.0.2", a.get("__meta_consul_address").asText());
        assertEquals("9100", a.get("__meta_consul_service_port").asText());
        assertEquals("r1", a.get("__meta_consul_metadata_rack").asText());
        assertEquals("1.7", a.get("__meta_consul_service_metadata_version").asText());
        assertEquals("critical", targets.get("127.0.0.3:9100").get("discoveredLabels").get("__meta_consul_health")
                .asText());
        JsonNode hop = targets.get("127.0.0.4:" + hopscotchPort).get("discoveredLabels");
        assertEquals("promnode", hop.get("__meta_consul_node").asText());
        assertEquals("127.0.0.4", hop.get("__meta_consul_service_address").asText());
        assertEquals(",web,", hop.get("__meta_consul_tags").asText());
    }

    @Test
    public void relabelingKeepsOnlyPassingInstances() throws Exception {
        Map<String, JsonNode> passing = awaitTargets("passing", 2);
        assertEquals(Set.of("127.0.0.2:9100", "127.0.0.4:" + hopscotchPort), passing.keySet());
    }

    @Test
    public void prometheusScrapesCairnsOwnMetrics() throws Exception {
        JsonNode up = await("up{job=\"cairn\"} == 1", r -> r.size() == 1);
        assertEquals(agent.httpAddr(), up.get(0).get("metric").get("instance").asText());
        JsonNode requests = await("sum by (route) (cairn_http_requests_seconds_count{job=\"cairn\",route=\"/v1/prometheus/sd\"})",
                r -> r.size() == 1);
        assertTrue(requests.get(0).get("value").get(1).asDouble() > 0);
        await("cairn_raft_commit_index{job=\"cairn\"} > 0", r -> r.size() == 1);
        await("cairn_raft_leader{job=\"cairn\"} == 1", r -> r.size() == 1);
        await("sum(cairn_raft_fsm_apply_seconds_count{job=\"cairn\",type=\"catalog\"}) > 0", r -> r.size() == 1);
        await("sum(cairn_raft_fsm_apply_seconds_count{job=\"cairn\",type=\"kv\"}) > 0", r -> r.size() == 1);
        await("sum(cairn_http_requests_seconds_count{job=\"cairn\",route=\"/v1/kv/\",method=\"PUT\",status=\"200\"}) > 0",
                r -> r.size() == 1);
        await("cairn_dns_queries_seconds_count{job=\"cairn\",type=\"A\",rcode=\"NOERROR\"} > 0", r -> r.size() == 1);
        await("cairn_health_checks{job=\"cairn\",type=\"ttl\",status=\"passing\"} == 1", r -> r.size() == 1);
        await("sum(jvm_memory_used_bytes{job=\"cairn\",area=\"heap\"}) > 0", r -> r.size() == 1);
        await("jvm_threads_live_threads{job=\"cairn\"} > 0", r -> r.size() == 1);
    }

    /** The calls Prometheus' consul_sd makes (reference §4.1), replayed one by one. */
    @Test
    public void consulSdRequestSequence() throws Exception {
        JsonNode self = JSON.readTree(agent.get("/v1/agent/self").body());
        assertTrue("Config.Datacenter must be a string", self.get("Config").get("Datacenter").isTextual());
        assertEquals("dc1", self.get("Config").get("Datacenter").asText());

        HttpResponse<String> services = agent.get("/v1/catalog/services?stale=");
        long servicesIndex = index(services);
        assertTrue(JSON.readTree(services.body()).has("node_exporter"));
        assertTrue("an unknown service still has an index", index(agent.get("/v1/health/service/nope?stale=")) >= 1);

        HttpResponse<String> filtered = agent.get("/v1/health/service/node_exporter?tag=a&tag=b&node-meta=rack:r1&stale=");
        assertEquals(1, JSON.readTree(filtered.body()).size());

        // a blocking health query returns when the service changes
        register("replay-a", "127.0.0.5", "{}", "{\"Service\": \"replay\", \"ID\": \"r-a\", \"Port\": 1}", "r-a",
                "passing");
        long healthIndex = index(agent.get("/v1/health/service/replay?stale="));
        CompletableFuture<HttpResponse<String>> health = CompletableFuture.supplyAsync(() -> call(
                "/v1/health/service/replay?index=" + healthIndex + "&wait=120000ms&stale="));
        CompletableFuture<HttpResponse<String>> catalog = CompletableFuture.supplyAsync(() -> call(
                "/v1/catalog/services?index=" + servicesIndex + "&wait=120000ms&stale="));
        register("replay-b", "127.0.0.6", "{}", "{\"Service\": \"replay\", \"ID\": \"r-b\", \"Port\": 1}", "r-b",
                "passing");
        HttpResponse<String> changed = health.get(60, TimeUnit.SECONDS);
        assertTrue(index(changed) > healthIndex);
        assertEquals(2, JSON.readTree(changed.body()).size());
        HttpResponse<String> servicesChanged = catalog.get(60, TimeUnit.SECONDS);
        assertNotEquals(servicesIndex, index(servicesChanged));
        assertTrue(JSON.readTree(servicesChanged.body()).has("replay"));
    }

    /** Asks the agent's DNS interface until it answers (it may open after HTTP). */
    private static void askDns(String name) throws Exception {
        SimpleResolver resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(agent.dnsPort);
        resolver.setTimeout(Duration.ofSeconds(2));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Message answer = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), Type.A,
                        DClass.IN)));
                if (answer.getRcode() == Rcode.NOERROR && !answer.getSection(Section.ANSWER).isEmpty()) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("DNS never answered " + name + "\n" + agent.tail());
    }

    private static HttpResponse<String> call(String pathAndQuery) {
        try {
            return agent.get(pathAndQuery);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** X-Consul-Index, which consul_sd needs present and never 0. */
    private static long index(HttpResponse<String> response) {
        assertEquals(response.body(), 200, response.statusCode());
        long index = Long.parseLong(response.headers().firstValue("X-Consul-Index").orElseThrow(
                () -> new AssertionError("no X-Consul-Index")));
        assertTrue("X-Consul-Index is never 0", index >= 1);
        return index;
    }

    /** The job's active targets by address, once there are {@code count} of them. */
    private static Map<String, JsonNode> awaitTargets(String job, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, JsonNode> targets = Map.of();
        while (System.nanoTime() < deadline) {
            targets = new TreeMap<>();
            for (JsonNode target : prometheus.api("/api/v1/targets?state=active").get("activeTargets")) {
                if (target.get("scrapePool").asText().equals(job)) {
                    targets.put(target.get("discoveredLabels").get("__address__").asText(), target);
                }
            }
            if (targets.size() == count) {
                return targets;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("job " + job + " did not get " + count + " targets within " + WAIT + ": "
                + targets.keySet() + "\n" + prometheus.log());
    }

    private static JsonNode await(String promql, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode result = null;
        while (System.nanoTime() < deadline) {
            result = prometheus.query(promql);
            if (done.test(result)) {
                return result;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("query " + promql + " still gives " + result + " after " + WAIT + "\n"
                + prometheus.log());
    }
}
