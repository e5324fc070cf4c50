package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The endpoint matrix of Consul's ACLs against a {@code -dev} agent with {@code default_policy = "deny"}: every
 * endpoint that reads or writes is sent the anonymous token (no token), a token that may read everything and a
 * token that may write everything. A write without write permission is 403 {@code Permission denied} (a
 * transaction's is Consul's 409 with that text for each denied operation) and changes
 * nothing (the agent's whole visible state, read with the management token, is the same before and after); a read
 * without read permission is 403 or answers nothing of what it protects; the read token reads, the write token
 * writes. Endpoints Consul serves without a token ({@code /v1/status/*}, the datacenter lists) stay open.
 */
public class AclMatrixIT {
    private static final String ROOT = "5f3b9c1e-0d1a-4c5e-9a57-2a6c3e9d7b10";
    private static final String NODE = "matrix1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static AgentProcess agent;
    private static String reader;
    private static String writer;
    private static String sessionId;
    private static String queryId;
    private static String readerPolicyId;

    /** What a request needs: nothing, read on what it names, or write on it. */
    private enum Needs { NOTHING, READ, WRITE }

    /** One endpoint of the matrix; {@code marker} is text only an authorized read may show. */
    private record Call(Needs needs, String method, String path, String body, String marker) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeClass
    public static void start() throws Exception {
        Path dir = Files.createTempDirectory("cairn-acl-matrix-it");
        Path config = Files.writeString(dir.resolve("acl.json"), """
                {"acl": {"enabled": true, "default_policy": "deny", "tokens": {"initial_management": "%s"}}}"""
                .formatted(ROOT));
        agent = new AgentProcess(NODE, dir.resolve("data"), "-dev", "-config-file", config.toString()).start()
                .awaitLeader(Duration.ofSeconds(120));
        awaitStatus(200, "GET", "/v1/acl/token/self", ROOT);

        String everything = """
                acl = "%1$s"
                agent_prefix "" { policy = "%1$s" }
                event_prefix "" { policy = "%1$s" }
                key_prefix "" { policy = "%1$s" }
                keyring = "%1$s"
                node_prefix "" { policy = "%1$s" }
                operator = "%1$s"
                query_prefix "" { policy = "%1$s" }
                service_prefix "" { policy = "%1$s" }
                session_prefix "" { policy = "%1$s" }
                """;
        readerPolicyId = field(ok("PUT", "/v1/acl/policy", ROOT, policy("everything-read",
                everything.formatted("read"))), "ID");
        ok("PUT", "/v1/acl/policy", ROOT, policy("everything-write", everything.formatted("write")));
        reader = field(ok("PUT", "/v1/acl/token", ROOT,
                "{\"Description\": \"reader\", \"Policies\": [{\"Name\": \"everything-read\"}]}"), "SecretID");
        writer = field(ok("PUT", "/v1/acl/token", ROOT,
                "{\"Description\": \"writer\", \"Policies\": [{\"Name\": \"everything-write\"}]}"), "SecretID");

        ok("PUT", "/v1/kv/m/k", ROOT, "protected-value");
        ok("PUT", "/v1/agent/service/register", ROOT,
                "{\"Name\": \"websvc\", \"Port\": 80, \"Check\": {\"CheckID\": \"webttl\", \"TTL\": \"10m\"}}");
        ok("PUT", "/v1/agent/check/pass/webttl", ROOT, "");
        ok("PUT", "/v1/catalog/register", ROOT, """
                {"Node": "extnode", "Address": "10.1.1.1",
                 "Service": {"Service": "extsvc", "Port": 81}}""");
        // sessions bind to serfHealth: wait until the leader has put it in the catalog, as Consul's tests do
        HttpResponse<String> health = await("GET", "/v1/health/node/" + NODE, ROOT,
                answer -> answer.body().contains("\"serfHealth\""));
        assertTrue(health.body(), health.body().contains("\"serfHealth\""));
        sessionId = field(ok("PUT", "/v1/session/create", ROOT, "{\"Name\": \"matrix-session\"}"), "ID");
        ok("PUT", "/v1/event/fire/matrix-event", ROOT, "payload");
        queryId = field(ok("POST", "/v1/query", ROOT,
                "{\"Name\": \"matrixq\", \"Service\": {\"Service\": \"websvc\"}}"), "ID");
        awaitStatus(200, "GET", "/v1/catalog/service/websvc", ROOT);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    private static List<Call> matrix() {
        List<Call> calls = new ArrayList<>();
        // open to all, as in Consul
        calls.add(new Call(Needs.NOTHING, "GET", "/v1/status/leader", null, null));
        calls.add(new Call(Needs.NOTHING, "GET", "/v1/status/peers", null, null));
        calls.add(new Call(Needs.NOTHING, "GET", "/v1/catalog/datacenters", null, null));
        // KV
        calls.add(new Call(Needs.READ, "GET", "/v1/kv/m/k", null, "cHJvdGVjdGVkLXZhbHVl"));
        calls.add(new Call(Needs.READ, "GET", "/v1/kv/m?recurse", null, "cHJvdGVjdGVkLXZhbHVl"));
        calls.add(new Call(Needs.READ, "GET", "/v1/kv/?keys", null, "m/k"));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/kv/m/new", "x", null));
        calls.add(new Call(Needs.WRITE, "DELETE", "/v1/kv/m/k", null, null));
        calls.add(new Call(Needs.WRITE, "DELETE", "/v1/kv/m?recurse", null, null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/txn", "[{\"KV\": {\"Verb\": \"set\", \"Key\": \"m/t\", "
                + "\"Value\": \"eA==\"}}]", null));
        calls.add(new Call(Needs.READ, "PUT", "/v1/txn", "[{\"KV\": {\"Verb\": \"get\", \"Key\": \"m/k\"}}]",
                "cHJvdGVjdGVkLXZhbHVl"));
        // catalog and health
        calls.add(new Call(Needs.READ, "GET", "/v1/catalog/nodes", null, "extnode"));
        calls.add(new Call(Needs.READ, "GET", "/v1/catalog/services", null, "extsvc"));
        calls.add(new Call(Needs.READ, "GET", "/v1/catalog/service/extsvc", null, "extnode"));
        calls.add(new Call(Needs.READ, "GET", "/v1/catalog/node/extnode", null, "extsvc"));
        calls.add(new Call(Needs.READ, "GET", "/v1/catalog/node-services/extnode", null, "extsvc"));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/catalog/register",
                "{\"Node\": \"newnode\", \"Address\": \"10.1.1.2\"}", null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/catalog/deregister", "{\"Node\": \"extnode\"}", null));
        calls.add(new Call(Needs.READ, "GET", "/v1/health/service/websvc", null, "webttl"));
        calls.add(new Call(Needs.READ, "GET", "/v1/health/checks/websvc", null, "webttl"));
        calls.add(new Call(Needs.READ, "GET", "/v1/health/node/" + NODE, null, "webttl"));
        calls.add(new Call(Needs.READ, "GET", "/v1/health/state/any", null, "webttl"));
        calls.add(new Call(Needs.READ, "GET", "/v1/coordinate/nodes", null, null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/coordinate/update", "{\"Node\": \"" + NODE
                + "\", \"Coord\": {\"Vec\": [0,0,0,0,0,0,0,0], \"Error\": 1.5, \"Adjustment\": 0, \"Height\": 1e-5}}",
                null));
        // sessions and events
        calls.add(new Call(Needs.READ, "GET", "/v1/session/list", null, "matrix-session"));
        calls.add(new Call(Needs.READ, "GET", "/v1/session/info/" + sessionId, null, "matrix-session"));
        calls.add(new Call(Needs.READ, "GET", "/v1/session/node/" + NODE, null, "matrix-session"));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/session/create", "{\"Name\": \"another\"}", null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/session/renew/" + sessionId, "", null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/session/destroy/" + sessionId, "", null));
        calls.add(new Call(Needs.READ, "GET", "/v1/event/list", null, "matrix-event"));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/event/fire/other-event", "", null));
        // prepared queries
        calls.add(new Call(Needs.READ, "GET", "/v1/query", null, "matrixq"));
        calls.add(new Call(Needs.READ, "GET", "/v1/query/" + queryId, null, "matrixq"));
        calls.add(new Call(Needs.READ, "GET", "/v1/query/" + queryId + "/execute", null, "\"Nodes\":[{"));
        calls.add(new Call(Needs.WRITE, "POST", "/v1/query", "{\"Name\": \"otherq\", \"Service\": "
                + "{\"Service\": \"websvc\"}}", null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/query/" + queryId, "{\"Name\": \"matrixq\", \"Service\": "
                + "{\"Service\": \"extsvc\"}}", null));
        calls.add(new Call(Needs.WRITE, "DELETE", "/v1/query/" + queryId, null, null));
        // the agent
        calls.add(new Call(Needs.READ, "GET", "/v1/agent/self", null, NODE));
        calls.add(new Call(Needs.READ, "GET", "/v1/agent/services", null, "websvc"));
        calls.add(new Call(Needs.READ, "GET", "/v1/agent/service/websvc", null, "websvc"));
        calls.add(new Call(Needs.READ, "GET", "/v1/agent/checks", null, "webttl"));
        calls.add(new Call(Needs.READ, "GET", "/v1/agent/members", null, NODE));
        calls.add(new Call(Needs.READ, "GET", "/v1/agent/metrics", null, "Gauges"));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/agent/service/register", "{\"Name\": \"websvc\", \"ID\": "
                + "\"websvc2\", \"Port\": 82}", null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/agent/service/deregister/websvc", "", null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/agent/service/maintenance/websvc?enable=true", "", null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/agent/maintenance?enable=true", "", null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/agent/check/register", "{\"Name\": \"nodettl\", "
                + "\"TTL\": \"10m\"}", null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/agent/check/pass/webttl", "", null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/agent/check/fail/webttl", "", null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/agent/check/update/webttl", "{\"Status\": \"warning\"}", null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/agent/check/deregister/webttl", "", null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/agent/force-leave/extnode", "", null));
        // operator
        calls.add(new Call(Needs.READ, "GET", "/v1/operator/raft/configuration", null, NODE));
        // ACLs
        calls.add(new Call(Needs.READ, "GET", "/v1/acl/tokens", null, "writer"));
        calls.add(new Call(Needs.READ, "GET", "/v1/acl/policies", null, "everything-write"));
        calls.add(new Call(Needs.READ, "GET", "/v1/acl/policy/" + readerPolicyId, null, "everything-read"));
        calls.add(new Call(Needs.READ, "GET", "/v1/acl/policy/name/everything-read", null, "everything-read"));
        calls.add(new Call(Needs.READ, "GET", "/v1/acl/roles", null, null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/acl/policy", policy("new-policy", "key \"x\" { policy = "
                + "\"read\" }"), null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/acl/token", "{\"Description\": \"new\"}", null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/acl/role", "{\"Name\": \"new-role\"}", null));
        calls.add(new Call(Needs.WRITE, "DELETE", "/v1/acl/policy/" + readerPolicyId, null, null));
        calls.add(new Call(Needs.WRITE, "PUT", "/v1/agent/token/default", "{\"Token\": \"" + ROOT + "\"}", null));
        return calls;
    }

    @Test
    public void withoutPermissionNothingIsReadOrWrittenAndWithItEverythingIs() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Call call : matrix()) {
            for (String token : new String[] {null, reader}) {
                String who = token == null ? "anonymous" : "reader";
                String before = visibleState();
                HttpResponse<String> r = send(call.method(), call.path(), token, call.body());
                String after = visibleState();
                boolean permitted = call.needs() == Needs.NOTHING || call.needs() == Needs.READ && token != null;
                if (!before.equals(after)) {
                    problems.add(call + " as " + who + " changed the state (" + r.statusCode() + " " + r.body() + ")");
                }
                if (permitted && r.statusCode() != 200) {
                    problems.add(call + " as " + who + ": " + r.statusCode() + " " + r.body());
                }
                if (permitted && call.marker() != null && !r.body().contains(call.marker())) {
                    problems.add(call + " as " + who + " did not show " + call.marker() + ": " + r.body());
                }
                if (!permitted && call.needs() == Needs.WRITE && !denied(call, r)) {
                    problems.add(call + " as " + who + " was not denied: " + r.statusCode() + " " + r.body());
                }
                if (!permitted && call.needs() == Needs.READ && r.statusCode() == 200 && call.marker() != null
                        && r.body().contains(call.marker())) {
                    problems.add(call + " as " + who + " showed " + call.marker() + ": " + r.body());
                }
            }
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    @Test
    public void theWriteTokenWrites() throws Exception {
        assertEquals(200, send("PUT", "/v1/kv/w/x", writer, "1").statusCode());
        assertEquals(200, send("PUT", "/v1/agent/service/register", writer, "{\"Name\": \"wsvc\"}").statusCode());
        assertEquals(200, send("PUT", "/v1/event/fire/w-event", writer, "").statusCode());
        assertEquals(200, send("PUT", "/v1/session/create", writer, "{}").statusCode());
        assertEquals(200, send("PUT", "/v1/acl/policy", writer, policy("w-policy", "key \"w\" { policy = \"read\" }"))
                .statusCode());
        assertEquals("1", send("GET", "/v1/kv/w/x?raw", writer, null).body());
        HttpResponse<String> denied = send("PUT", "/v1/kv/w/x", reader, "2");
        assertEquals(403, denied.statusCode());
        assertTrue(denied.body(), denied.body().startsWith("Permission denied: token with AccessorID '"));
        assertTrue(denied.body(), denied.body().endsWith("lacks permission 'key:write' on \"w/x\""));
    }

    @Test
    public void anUnknownTokenIsAclNotFoundAndTheDefaultPolicyIsAnnounced() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/kv/m/k", "00000000-1111-2222-3333-444444444444", null);
        assertEquals(403, r.statusCode());
        assertEquals("ACL not found", r.body());
        assertEquals("deny", r.headers().firstValue("X-Consul-Default-ACL-Policy").orElse(""));
    }

    @Test
    public void filteredListsSayThatTheyWereFiltered() throws Exception {
        String partial = field(ok("PUT", "/v1/acl/policy", ROOT, policy("only-websvc",
                "service \"websvc\" { policy = \"read\" } node_prefix \"\" { policy = \"read\" }")), "ID");
        String token = field(ok("PUT", "/v1/acl/token", ROOT, "{\"Policies\": [{\"ID\": \"" + partial + "\"}]}"),
                "SecretID");
        HttpResponse<String> services = send("GET", "/v1/catalog/services", token, null);
        assertEquals(200, services.statusCode());
        assertTrue(services.body(), services.body().contains("websvc"));
        assertFalse(services.body(), services.body().contains("extsvc"));
        assertEquals("true", services.headers().firstValue("X-Consul-Results-Filtered-By-ACLs").orElse(""));
    }

    /** A 403 {@code Permission denied}; a transaction's, as Consul's, is a 409 naming each denied operation. */
    private static boolean denied(Call call, HttpResponse<String> r) {
        return call.path().equals("/v1/txn") ? r.statusCode() == 409 && r.body().contains("\"Permission denied: ")
                : r.statusCode() == 403 && r.body().startsWith("Permission denied");
    }

    /** Everything a request could change, read with the management token. */
    private static String visibleState() throws Exception {
        StringBuilder state = new StringBuilder();
        for (String path : new String[] {"/v1/kv/?recurse", "/v1/catalog/services", "/v1/catalog/nodes",
                "/v1/health/state/any", "/v1/session/list", "/v1/query", "/v1/acl/tokens", "/v1/acl/policies",
                "/v1/acl/roles", "/v1/agent/services", "/v1/agent/checks", "/v1/event/list"}) {
            HttpResponse<String> r = send("GET", path, ROOT, null);
            state.append(path).append(' ').append(r.statusCode()).append(' ')
                    .append(r.body().replaceAll("\"(LastUsed|RenewDeadline)\":\"[^\"]*\"", "")).append('\n');
        }
        return state.toString();
    }

    private static String policy(String name, String rules) {
        return "{\"Name\": \"" + name + "\", \"Rules\": \"" + rules.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n") + "\"}";
    }

    private static String ok(String method, String path, String token, String body) throws Exception {
        HttpResponse<String> r = send(method, path, token, body);
        assertEquals(method + " " + path + ": " + r.body(), 200, r.statusCode());
        return r.body();
    }

    private static void awaitStatus(int status, String method, String path, String token) throws Exception {
        HttpResponse<String> r = await(method, path, token, answer -> answer.statusCode() == status);
        assertEquals(method + " " + path + ": " + r.body(), status, r.statusCode());
    }

    /** Sends the request every 200 ms until its answer is {@code done}, for up to a minute; the last answer. */
    private static HttpResponse<String> await(String method, String path, String token,
            Predicate<HttpResponse<String>> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> r;
        do {
            r = send(method, path, token, null);
            if (done.test(r)) {
                return r;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return r;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\"([^\"]*)\"").matcher(json);
        assertTrue(name + " in " + json, m.find());
        return m.group(1);
    }

    static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + agent.httpAddr() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Consul-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
