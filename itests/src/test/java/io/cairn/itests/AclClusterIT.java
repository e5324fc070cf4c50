package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;

/**
 * A secured cluster of processes: three servers and a client agent with {@code default_policy = "deny"}, gossip
 * encryption, TLS between the servers ({@code verify_incoming}, {@code verify_outgoing},
 * {@code verify_server_hostname}) and HTTPS listeners with client certificates, over which the client agent
 * forwards to the servers; certificates from {@code cairn tls}. The servers create the configured management token;
 * the client agent gets its agent token at run time ({@code PUT /v1/agent/token/agent}), which may write its node
 * but no service, and syncs a service with the token that registered it; it resolves the tokens its own endpoints are sent through a server, and keeps doing so after
 * the leader is killed with {@code kill -9}. (Each agent keeps a plain HTTP listener on loopback for the test's
 * own requests.)
 */
public class AclClusterIT {
    private static final String ROOT = "9d1c6a0e-4b7f-4e52-8c1d-3f5a2b6e7c90";

    @Rule
    public final ThreeServerCluster cluster = new ThreeServerCluster("cairn-acl-cluster-it", "acls1", "acls2",
            "acls3");

    @Test
    public void aClientAgentSyncsWithItsAgentTokenAndResolvesTokensThroughTheServers() throws Exception {
        Path dir = Files.createTempDirectory("cairn-acl-cluster-client");
        assertEquals(0, tls(dir, "ca", "create").exitCode());
        assertEquals(0, tls(dir, "cert", "create", "-server", "-dc", "dc1").exitCode());
        assertEquals(0, tls(dir, "cert", "create", "-client", "-dc", "dc1").exitCode());
        String key = Cli.cairn(null, "keygen").stdout().trim();
        String tls = """
                "encrypt": "%s", "tls": {"defaults": {"ca_file": "%s", "cert_file": "%s", "key_file": "%s",
                 "verify_incoming": true, "verify_outgoing": true}, "internal_rpc": {"verify_server_hostname": true}}""";
        Path serverConfig = Files.writeString(dir.resolve("server.json"), """
                {"acl": {"enabled": true, "default_policy": "deny", "tokens": {"initial_management": "%s"}}, %s}"""
                .formatted(ROOT, tls.formatted(key, dir.resolve("consul-agent-ca.pem"),
                        dir.resolve("dc1-server-consul-0.pem"), dir.resolve("dc1-server-consul-0-key.pem"))));
        Path clientConfig = Files.writeString(dir.resolve("client.json"), """
                {"acl": {"enabled": true, "default_policy": "deny", "enable_token_persistence": true}, %s}"""
                .formatted(tls.formatted(key, dir.resolve("consul-agent-ca.pem"),
                        dir.resolve("dc1-client-consul-0.pem"), dir.resolve("dc1-client-consul-0-key.pem"))));
        for (AgentProcess server : cluster.servers()) {
            server.withArgs(List.of("-config-file", serverConfig.toString(), "-https-port",
                    Integer.toString(AgentProcess.freePort())));
        }
        cluster.start();
        AgentProcess first = cluster.servers().get(0);
        try (AgentProcess client = new AgentProcess("aclc1", dir.resolve("client"), "-bind", "127.0.0.1",
                "-retry-join", "127.0.0.1:" + first.serfLanPort, "-config-file", clientConfig.toString(),
                "-https-port", Integer.toString(AgentProcess.freePort()))) {
            client.start().awaitLeader(Duration.ofSeconds(120));
            awaitStatus(client, "/v1/acl/token/self", ROOT, 200);
            String clientLog = Files.readString(dir.resolve("client/karaf/log/karaf.log"));
            assertTrue("the client forwards over HTTPS", clientLog.contains("go to acls")
                    && clientLog.contains("(https://127.0.0.1:"));
            for (AgentProcess server : cluster.servers()) {
                String serverLog = Files.readString(server.dataDir.resolve("karaf/log/karaf.log"));
                assertTrue("Raft over TLS on " + server.node, serverLog.contains(" with TLS"));
            }

            // The agent token syncs the node; a service is synced with the token it was registered with, as Consul's.
            String agentPolicy = "node_prefix \"\" { policy = \"write\" } service_prefix \"\" { policy = \"read\" }";
            client.sendUntilOk("PUT", "/v1/acl/policy", ROOT, policy("agents", agentPolicy));
            String agentToken = field(client.sendUntilOk("PUT", "/v1/acl/token", ROOT,
                    "{\"Policies\": [{\"Name\": \"agents\"}]}"), "SecretID");
            client.sendUntilOk("PUT", "/v1/agent/token/agent", ROOT, "{\"Token\": \"" + agentToken + "\"}");

            client.sendUntilOk("PUT", "/v1/acl/policy", ROOT, policy("web", "service \"web\" { policy = \"write\" } "
                    + "node_prefix \"\" { policy = \"read\" } agent_prefix \"\" { policy = \"read\" }"));
            String web = field(client.sendUntilOk("PUT", "/v1/acl/token", ROOT, "{\"Policies\": [{\"Name\": \"web\"}]}"),
                    "SecretID");

            HttpResponse<String> anonymous = client.send("PUT", "/v1/agent/service/register", null,
                    "{\"Name\": \"web\", \"Port\": 80}");
            assertEquals(anonymous.body(), 403, anonymous.statusCode());
            client.sendUntilOk("PUT", "/v1/agent/service/register", web, "{\"Name\": \"web\", \"Port\": 80}");
            awaitBody(first, "/v1/catalog/service/web", ROOT, "\"Node\":\"aclc1\"");

            assertEquals("{}", client.sendUntilOk("GET", "/v1/agent/services", null, null));
            assertTrue(client.sendUntilOk("GET", "/v1/agent/services", web, null).contains("\"Service\":\"web\""));
            assertTrue(client.sendUntilOk("GET", "/v1/agent/self", web, null).contains("aclc1"));
            assertEquals(403, client.send("PUT", "/v1/kv/app/x", web, "1").statusCode());
            client.sendUntilOk("PUT", "/v1/kv/app/x", ROOT, "1");

            AgentProcess leader = cluster.server(cluster.leaderAddr());
            leader.kill();
            for (AgentProcess server : cluster.followers(leader)) {
                ThreeServerCluster.awaitNewLeader(server, leader.raftAddr());
            }
            client.sendUntilOk("PUT", "/v1/acl/policy", ROOT, policy("after", "key_prefix \"after/\" { policy = \"write\" }"));
            String after = field(client.sendUntilOk("PUT", "/v1/acl/token", ROOT,
                    "{\"Policies\": [{\"Name\": \"after\"}]}"), "SecretID");
            client.sendUntilOk("PUT", "/v1/kv/after/x", after, "1");
            assertEquals(403, client.send("PUT", "/v1/kv/app/x", after, "2").statusCode());
            assertFalse(client.sendUntilOk("GET", "/v1/agent/services", after, null).contains("web"));
        }
    }

    private static Cli.Result tls(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "cd \"$0\" && exec \"$@\"", dir.toString(),
                AgentProcess.CAIRN.toString(), "tls"));
        cmd.addAll(List.of(args));
        return Cli.run(cmd, null, null);
    }

    private static String policy(String name, String rules) {
        return "{\"Name\": \"" + name + "\", \"Rules\": \"" + rules.replace("\"", "\\\"") + "\"}";
    }

    private static void awaitStatus(AgentProcess agent, String path, String token, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        HttpResponse<String> r;
        do {
            r = agent.send("GET", path, token, null);
            if (r.statusCode() == status) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        assertEquals(path + ": " + r.body(), status, r.statusCode());
    }

    private static void awaitBody(AgentProcess agent, String path, String token, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> r;
        do {
            r = agent.send("GET", path, token, null);
            if (r.body().contains(text)) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        assertTrue(path + ": " + r.body(), r.body().contains(text));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\"([^\"]*)\"").matcher(json);
        assertTrue(name + " in " + json, m.find());
        return m.group(1);
    }
}
