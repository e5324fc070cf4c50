package io.cairn.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code cairn snapshot save}, {@code inspect} and {@code restore} on three servers: KV, catalog, sessions and
 * prepared queries saved, wiped, restored through one Raft command, and then identical on every server; a corrupt
 * snapshot is refused with a clear message and changes nothing; and a snapshot of one cluster restored into a
 * fresh one.
 */
public class SnapshotIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ROOT_A = "4b1c7d2e-8a3f-4e6b-9c0d-1e2f3a4b5c6d";
    private static final String ROOT_B = "7e6d5c4b-3a2f-4190-8e7d-6c5b4a3f2e1d";
    /** What the test compares before and after: the replicated records it wrote, read on every server. */
    private static final List<String> CONTENT = List.of("/v1/kv/?recurse", "/v1/catalog/service/web",
            "/v1/session/list", "/v1/query");

    @Rule
    public final ThreeServerCluster cluster = new ThreeServerCluster("cairn-snapshot-it", "s1", "s2", "s3");
    @Rule
    public final TemporaryFolder files = new TemporaryFolder();

    @Test
    public void savedStateRestoresIdenticallyOnEveryServerAndACorruptSnapshotChangesNothing() throws Exception {
        List<AgentProcess> servers = cluster.start().servers();
        AgentProcess s1 = servers.get(0);
        for (int i = 0; i < 20; i++) {
            assertEquals("true", s1.put("/v1/kv/app/config/" + i, "value-" + i).body());
        }
        assertEquals(200, s1.put("/v1/catalog/register", "{\"Node\":\"web-node\",\"Address\":\"10.0.0.7\","
                + "\"Service\":{\"Service\":\"web\",\"Port\":8080,\"Tags\":[\"v1\"]}}").statusCode());
        s1.awaitRegistered(Duration.ofSeconds(60)); // the session binds to its serfHealth check
        HttpResponse<String> session = s1.put("/v1/session/create", "{\"Name\":\"backup-lock\"}");
        assertEquals(session.body(), 200, session.statusCode());
        String sessionId = session.body().replaceAll(".*\"ID\":\"([^\"]+)\".*", "$1").trim();
        HttpResponse<String> query = s1.send("POST", "/v1/query", "{\"Name\":\"web-query\",\"Service\":{\"Service\":\"web\"}}");
        assertEquals(query.body(), 200, query.statusCode());
        String queryId = query.body().replaceAll(".*\"ID\":\"([^\"]+)\".*", "$1").trim();
        Map<String, String> before = content(s1);

        Path backup = files.getRoot().toPath().resolve("backup.snap");
        Cli.Result saved = Cli.cairn(servers.get(1).httpAddr(), "snapshot", "save", "-stale", backup.toString());
        assertEquals(saved.stderr(), 0, saved.exitCode());
        assertTrue(saved.stdout(), saved.stdout().matches("Saved and verified snapshot to index \\d+\\n"));
        Cli.Result inspected = Cli.cairn(null, "snapshot", "inspect", backup.toString());
        assertEquals(inspected.stderr(), 0, inspected.exitCode());
        assertTrue(inspected.stdout(), inspected.stdout().matches(
                "(?s) ID +\\d+-\\d+-\\d+\\n Size +\\d+\\n Index +\\d+\\n Term +\\d+\\n Version +1\\n"));

        // wipe what was written
        assertEquals("true", s1.send("DELETE", "/v1/kv/app/?recurse", "").body());
        assertEquals(200, s1.put("/v1/catalog/deregister", "{\"Node\":\"web-node\"}").statusCode());
        assertEquals(200, s1.put("/v1/session/destroy/" + sessionId, "").statusCode());
        assertEquals(200, s1.send("DELETE", "/v1/query/" + queryId, "").statusCode());
        assertNotEquals(before, content(s1));

        // a corrupt or truncated snapshot is refused and changes nothing
        byte[] archive = Files.readAllBytes(backup);
        Path truncated = files.getRoot().toPath().resolve("truncated.snap");
        Files.write(truncated, Arrays.copyOf(archive, archive.length / 2));
        Map<String, String> wiped = content(s1);
        Cli.Result refused = Cli.cairn(s1.httpAddr(), "snapshot", "restore", truncated.toString());
        assertEquals(1, refused.exitCode());
        assertTrue(refused.stderr(), refused.stderr().startsWith("Error restoring snapshot: Unexpected response code: "
                + "400 (Invalid snapshot: "));
        Cli.Result refusedInspect = Cli.cairn(null, "snapshot", "inspect", truncated.toString());
        assertEquals(1, refusedInspect.exitCode());
        assertTrue(refusedInspect.stderr(), refusedInspect.stderr().startsWith("Error verifying snapshot: "));
        assertEquals(wiped, content(s1));

        Cli.Result restored = Cli.cairn(servers.get(2).httpAddr(), "snapshot", "restore", backup.toString());
        assertEquals(restored.stderr(), 0, restored.exitCode());
        assertEquals("Restored snapshot\n", restored.stdout());
        for (AgentProcess server : servers) {
            assertEquals(server.httpAddr(), before, content(server));
        }

        // a snapshot taken after the restore holds the same state
        HttpResponse<byte[]> again = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + s1.httpAddr()
                + "/v1/snapshot")).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, again.statusCode());
        assertEquals("application/x-gzip", again.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(again.headers().firstValue("X-Consul-Index").isPresent());
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b}, Arrays.copyOf(again.body(), 2));
    }

    /**
     * A snapshot of one cluster restored into a fresh one (its own data dirs, node names and management token), both
     * with ACLs: KV (with a lock held by a session), catalog services with checks, the session, a prepared query and
     * the ACL policy and token read the same on both (but for their indexes), and the restored token works in the
     * new cluster. As in Consul, the restored catalog keeps the nodes registered through the catalog API, the new
     * cluster's own server is registered again, and its {@code initial_management} token is created again.
     */
    @Test
    public void aSnapshotOfOneClusterRestoresIntoAFreshOne() throws Exception {
        Path dir = files.getRoot().toPath();
        try (AgentProcess a = aclServer(dir, "snapa1", ROOT_A); AgentProcess b = aclServer(dir, "snapb1", ROOT_B)) {
            a.start();
            b.start();
            a.awaitLeader(Duration.ofSeconds(120));
            b.awaitLeader(Duration.ofSeconds(120));
            for (int i = 0; i < 5; i++) {
                a.sendUntilOk("PUT", "/v1/kv/app/config/" + i, ROOT_A, "value-" + i);
            }
            a.sendUntilOk("PUT", "/v1/catalog/register", ROOT_A, "{\"Node\":\"web-node\",\"Address\":\"10.0.0.7\","
                    + "\"Service\":{\"ID\":\"web-1\",\"Service\":\"web\",\"Port\":8080,\"Tags\":[\"v1\"]},"
                    + "\"Check\":{\"CheckID\":\"web-alive\",\"Name\":\"web alive\",\"Status\":\"passing\","
                    + "\"ServiceID\":\"web-1\"}}");
            // a session on that node, without the serfHealth check it does not have, holding a lock
            String session = field(a.sendUntilOk("PUT", "/v1/session/create", ROOT_A,
                    "{\"Name\":\"app-lock\",\"Node\":\"web-node\",\"NodeChecks\":[]}"), "ID");
            assertEquals("true", a.sendUntilOk("PUT", "/v1/kv/app/leader?acquire=" + session, ROOT_A, "holder"));
            a.sendUntilOk("POST", "/v1/query", ROOT_A, "{\"Name\":\"web-query\",\"Service\":{\"Service\":\"web\"}}");
            String policy = field(a.sendUntilOk("PUT", "/v1/acl/policy", ROOT_A,
                    "{\"Name\":\"app-read\",\"Rules\":\"key_prefix \\\"app/\\\" { policy = \\\"read\\\" }\"}"), "ID");
            String token = a.sendUntilOk("PUT", "/v1/acl/token", ROOT_A,
                    "{\"Description\":\"app reader\",\"Policies\":[{\"Name\":\"app-read\"}]}");
            String accessor = field(token, "AccessorID");
            String secret = field(token, "SecretID");
            List<String> restored = List.of("/v1/kv/?recurse", "/v1/catalog/service/web", "/v1/health/service/web",
                    "/v1/session/list", "/v1/query", "/v1/acl/policy/" + policy, "/v1/acl/token/" + accessor);
            Map<String, String> before = content(a, ROOT_A, restored);

            Path backup = dir.resolve("cluster-a.snap");
            Cli.Result saved = Cli.cairn(a.httpAddr(), "snapshot", "save", "-token=" + ROOT_A, backup.toString());
            assertEquals(saved.stderr(), 0, saved.exitCode());
            a.close();
            Cli.Result refused = Cli.cairn(b.httpAddr(), "snapshot", "restore", backup.toString());
            assertEquals("the anonymous token may not restore", 1, refused.exitCode());
            Cli.Result done = Cli.cairn(b.httpAddr(), "snapshot", "restore", "-token=" + ROOT_B, backup.toString());
            assertEquals(done.stderr(), 0, done.exitCode());
            assertEquals("Restored snapshot\n", done.stdout());

            // Consul keeps the records' indexes and moves the new cluster's Raft index past them; Cairn's restore
            // lowers an index above the restoring command's to that command's (StateSnapshots.restore), so the
            // indexes of a fresh cluster differ: everything else is the same
            assertEquals(withoutIndexes(before), withoutIndexes(content(b, ROOT_A, restored)));
            assertEquals("value-1", b.send("GET", "/v1/kv/app/config/1?raw", secret, null).body());
            assertEquals(403, b.send("PUT", "/v1/kv/app/config/1", secret, "x").statusCode());
            awaitStatus(b, "/v1/acl/token/self", ROOT_B, 200);
            // The old cluster's server, no member of the new one, is reaped by the leader's next full
            // reconciliation (within a minute); Consul's leader reconciles at once after a restore.
            awaitBody(b, "/v1/catalog/nodes", ROOT_B, nodes -> nodes.contains("\"Node\":\"snapb1\"")
                    && nodes.contains("\"Node\":\"web-node\""));
        }
    }

    private static Map<String, String> withoutIndexes(Map<String, String> content) {
        Map<String, String> stripped = new LinkedHashMap<>();
        content.forEach((path, body) -> stripped.put(path,
                body.replaceAll("\"(Create|Modify)Index\":\\d+", "\"$1Index\":_")));
        return stripped;
    }

    /** A single server with ACLs on ({@code default_policy = "deny"}) whose management token is {@code root}. */
    private static AgentProcess aclServer(Path dir, String node, String root) throws Exception {
        Path config = Files.writeString(dir.resolve(node + ".json"), """
                {"acl": {"enabled": true, "default_policy": "deny", "tokens": {"initial_management": "%s"}}}"""
                .formatted(root));
        return new AgentProcess(node, dir.resolve(node), "-server", "-bootstrap-expect", "1", "-bind", "127.0.0.1",
                "-config-file", config.toString());
    }

    private static Map<String, String> content(AgentProcess server, String token, List<String> paths)
            throws Exception {
        Map<String, String> content = new LinkedHashMap<>();
        for (String path : paths) {
            HttpResponse<String> r = server.send("GET", path, token, null);
            content.put(path, r.statusCode() + " " + r.body());
        }
        return content;
    }

    private static void awaitStatus(AgentProcess agent, String path, String token, int status) throws Exception {
        awaitBody(agent, path, token, null, status);
    }

    private static void awaitBody(AgentProcess agent, String path, String token, Predicate<String> wanted)
            throws Exception {
        awaitBody(agent, path, token, wanted, 200);
    }

    private static void awaitBody(AgentProcess agent, String path, String token, Predicate<String> wanted,
            int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> r = agent.send("GET", path, token, null);
        while ((r.statusCode() != status || wanted != null && !wanted.test(r.body()))
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
            r = agent.send("GET", path, token, null);
        }
        assertEquals(path + ": " + r.body(), status, r.statusCode());
        assertTrue(path + ": " + r.body(), wanted == null || wanted.test(r.body()));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\"([^\"]*)\"").matcher(json);
        assertTrue(name + " in " + json, m.find());
        return m.group(1);
    }

    /** The records the test wrote, as the given server answers for them (fresh reads: the default mode). */
    private static Map<String, String> content(AgentProcess server) throws Exception {
        Map<String, String> content = new LinkedHashMap<>();
        for (String path : CONTENT) {
            HttpResponse<String> r = server.get(path);
            content.put(path, r.statusCode() + " " + r.body());
        }
        return content;
    }
}
