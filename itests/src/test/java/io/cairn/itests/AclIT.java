package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.kiwiproject.consul.Consul;
import org.kiwiproject.consul.ConsulException;
import org.kiwiproject.consul.KeyValueClient;

import com.google.common.net.HostAndPort;

/**
 * The ACL walkthrough with Cairn's binaries, as a Consul user types it: an agent with
 * {@code default_policy = "deny"}, {@code cairn acl bootstrap} (once; again after writing the reset index into
 * {@code acl-bootstrap-reset}), a policy and a token made with the CLI, {@code cairn kv put} allowed and denied
 * with {@code CONSUL_HTTP_TOKEN}, {@code -token-file}, the anonymous token seeing nothing until a policy is linked
 * to it (HTTP and DNS), and the kiwiproject Consul client sending a token.
 */
public class AclIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Path dir;
    private static AgentProcess agent;
    private static String root;

    @BeforeClass
    public static void startAndBootstrap() throws Exception {
        dir = Files.createTempDirectory("cairn-acl-it");
        Path config = Files.writeString(dir.resolve("acl.json"), """
                {"acl": {"enabled": true, "default_policy": "deny", "enable_token_persistence": true}}""");
        agent = new AgentProcess("acl1", dir.resolve("data"), "-dev", "-config-file", config.toString()).start()
                .awaitLeader(Duration.ofSeconds(120));

        Cli.Result first = awaitBootstrap();
        assertEquals(first.stderr(), 0, first.exitCode());
        assertTrue(first.stdout(), first.stdout().contains("Description:      Bootstrap Token (Global Management)\n"));
        assertTrue(first.stdout(), first.stdout().contains(
                "Policies:\n   00000000-0000-0000-0000-000000000001 - global-management\n"));
        String firstSecret = value(first.stdout(), "SecretID");

        Cli.Result again = Cli.cairn(agent.httpAddr(), "acl", "bootstrap");
        assertEquals(1, again.exitCode());
        Matcher reset = Pattern.compile("ACL bootstrap no longer allowed \\(reset index: (\\d+)\\)")
                .matcher(again.stderr());
        assertTrue(again.stderr(), reset.find());

        Path resetFile = dir.resolve("data/acl-bootstrap-reset");
        Files.writeString(resetFile, reset.group(1));
        Cli.Result reopened = Cli.cairn(agent.httpAddr(), "acl", "bootstrap");
        assertEquals(reopened.stderr(), 0, reopened.exitCode());
        root = value(reopened.stdout(), "SecretID");
        assertFalse(root.equals(firstSecret));
        assertFalse("the reset file is used once", Files.exists(resetFile));
        assertEquals(1, Cli.cairn(agent.httpAddr(), "acl", "bootstrap").exitCode());
    }

    @AfterClass
    public static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    /** The first bootstrap, once the leader has set up the ACL system (the built-in policy and anonymous token). */
    private static Cli.Result awaitBootstrap() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Cli.Result r;
        do {
            r = Cli.cairn(agent.httpAddr(), "acl", "bootstrap");
            if (r.exitCode() == 0) {
                return r;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return r;
    }

    @Test
    public void aPolicyMadeWithTheCliDecidesWhatItsTokenMayWrite() throws Exception {
        Cli.Result policy = cairn(root, "acl", "policy", "create", "-name", "web-rw", "-rules",
                "key_prefix \"web/\" { policy = \"write\" } service \"web\" { policy = \"write\" }");
        assertEquals(policy.stderr(), 0, policy.exitCode());
        assertTrue(policy.stdout(), policy.stdout().contains("Name:         web-rw\n"));
        Cli.Result token = cairn(root, "acl", "token", "create", "-description", "web", "-policy-name", "web-rw");
        assertEquals(token.stderr(), 0, token.exitCode());
        assertTrue(token.stdout(), token.stdout().contains(" - web-rw\n"));
        String web = value(token.stdout(), "SecretID");

        Cli.Result allowed = cairn(web, "kv", "put", "web/x", "1");
        assertEquals(allowed.stderr(), 0, allowed.exitCode());
        assertEquals("Success! Data written to: web/x\n", allowed.stdout());
        Cli.Result denied = cairn(web, "kv", "put", "db/x", "1");
        assertEquals(1, denied.exitCode());
        assertTrue(denied.stderr(), denied.stderr().startsWith("Error! Failed writing data: Unexpected response code:"
                + " 403 (Permission denied: token with AccessorID '"));
        assertEquals(404, get("/v1/kv/db/x", root).statusCode());

        Path tokenFile = Files.writeString(dir.resolve("web.token"), web + "\n");
        Cli.Result fromFile = Cli.cairn(agent.httpAddr(), "kv", "get", "-token-file", tokenFile.toString(), "web/x");
        assertEquals(fromFile.stderr(), 0, fromFile.exitCode());
        assertEquals("1\n", fromFile.stdout());
        Cli.Result withoutToken = Cli.cairn(agent.httpAddr(), "kv", "get", "web/x");
        assertEquals(1, withoutToken.exitCode());
        assertTrue(withoutToken.stderr(), withoutToken.stderr().contains("403 (Permission denied: anonymous token"));
    }

    @Test
    public void theAnonymousTokenSeesWhatItsPoliciesAllowOverHttpAndDns() throws Exception {
        assertEquals(403, agent.put("/v1/agent/service/register", "{\"Name\": \"web\", \"Port\": 80}")
                .statusCode());
        HttpResponse<String> registered = put("/v1/agent/service/register", root, "{\"Name\": \"hopscotch\", "
                + "\"Port\": 8080}");
        assertEquals(registered.body(), 200, registered.statusCode());
        awaitBody("/v1/catalog/services", root, "hopscotch");

        HttpResponse<String> anonymous = get("/v1/catalog/services", null);
        assertEquals(200, anonymous.statusCode());
        assertEquals("{}", anonymous.body());
        String nothing = Dig.run(agent.dnsPort, List.of("hopscotch.service.consul", "A"));
        assertTrue(nothing, nothing.contains("status: NXDOMAIN"));

        Cli.Result policy = cairn(root, "acl", "policy", "create", "-name", "discovery", "-rules",
                "service_prefix \"\" { policy = \"read\" } node_prefix \"\" { policy = \"read\" }");
        assertEquals(policy.stderr(), 0, policy.exitCode());
        Cli.Result linked = cairn(root, "acl", "token", "update", "-id", "anonymous", "-policy-name", "discovery");
        assertEquals(linked.stderr(), 0, linked.exitCode());

        awaitBody("/v1/catalog/services", null, "hopscotch");
        String answer = Dig.run(agent.dnsPort, List.of("hopscotch.service.consul", "A"));
        assertTrue(answer, answer.contains("status: NOERROR"));
        assertTrue(answer, answer.contains("127.0.0.1"));
    }

    @Test
    public void theKiwiprojectClientSendsItsToken() throws Exception {
        Cli.Result policy = cairn(root, "acl", "policy", "create", "-name", "app-kv", "-rules",
                "key_prefix \"app/\" { policy = \"write\" }");
        assertEquals(policy.stderr(), 0, policy.exitCode());
        String app = value(cairn(root, "acl", "token", "create", "-policy-name", "app-kv").stdout(), "SecretID");

        Consul consul = Consul.builder().withHostAndPort(HostAndPort.fromParts("127.0.0.1", agent.httpPort))
                .withAclToken(app).build();
        try {
            KeyValueClient kv = consul.keyValueClient();
            assertTrue(kv.putValue("app/config", "v1"));
            assertEquals(Optional.of("v1"), kv.getValueAsString("app/config"));
            ConsulException denied = assertThrows(ConsulException.class, () -> kv.putValue("other/config", "v1"));
            assertEquals(403, denied.getCode());
        } finally {
            consul.destroy();
        }
        assertEquals(404, get("/v1/kv/other/config", root).statusCode());
    }

    @Test
    public void withAclsDisabledTheAclEndpointsSaySo() throws Exception {
        try (AgentProcess open = new AgentProcess("acl2", dir.resolve("open"), "-dev")) {
            open.start().awaitLeader(Duration.ofSeconds(120));
            Cli.Result r = Cli.cairn(open.httpAddr(), "acl", "token", "list");
            assertEquals(1, r.exitCode());
            assertTrue(r.stderr(), r.stderr().contains("401 (ACL support disabled)"));
            assertEquals(200, open.put("/v1/kv/k", "v").statusCode());
        }
    }

    private static Cli.Result cairn(String token, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("env", "CONSUL_HTTP_TOKEN=" + token,
                AgentProcess.CAIRN.toString()));
        cmd.addAll(List.of(args));
        return Cli.run(cmd, agent.httpAddr(), null);
    }

    private static String value(String output, String label) {
        Matcher m = Pattern.compile(label + ":\\s+(\\S+)").matcher(output);
        assertTrue(label + " in " + output, m.find());
        return m.group(1);
    }

    private static void awaitBody(String path, String token, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> r;
        do {
            r = get(path, token);
            if (r.body().contains(text)) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertTrue(path + ": " + r.body(), r.body().contains(text));
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    private static HttpResponse<String> put(String path, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    private static URI uri(String path) {
        return URI.create("http://" + agent.httpAddr() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("X-Consul-Token", token);
        }
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
