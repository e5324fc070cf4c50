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

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code cairn snapshot save}, {@code inspect} and {@code restore} on three servers: KV, catalog, sessions and
 * prepared queries saved, wiped, restored through one Raft command, and then identical on every server; a corrupt
 * snapshot is refused with a clear message and changes nothing.
 */
public class SnapshotIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
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
        HttpResponse<String> session = s1.put("/v1/session/create", "{\"Name\":\"backup-lock\"}");
        assertEquals(session.body(), 200, session.statusCode());
        String sessionId = session.body().replaceAll(".*\"ID\":\"([^\"]+)\".*", "$1").trim();
        HttpResponse<String> query = send(s1, "POST", "/v1/query", "{\"Name\":\"web-query\",\"Service\":{\"Service\":\"web\"}}");
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
        assertEquals("true", send(s1, "DELETE", "/v1/kv/app/?recurse", "").body());
        assertEquals(200, s1.put("/v1/catalog/deregister", "{\"Node\":\"web-node\"}").statusCode());
        assertEquals(200, s1.put("/v1/session/destroy/" + sessionId, "").statusCode());
        assertEquals(200, send(s1, "DELETE", "/v1/query/" + queryId, "").statusCode());
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

    /** The records the test wrote, as the given server answers for them (fresh reads: the default mode). */
    private static Map<String, String> content(AgentProcess server) throws Exception {
        Map<String, String> content = new LinkedHashMap<>();
        for (String path : CONTENT) {
            HttpResponse<String> r = server.get(path);
            content.put(path, r.statusCode() + " " + r.body());
        }
        return content;
    }

    private static HttpResponse<String> send(AgentProcess server, String method, String path, String body)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + server.httpAddr() + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
