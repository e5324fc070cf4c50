package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Consul's TLS walkthrough with Cairn's binaries: {@code cairn tls ca create} and {@code cairn tls cert create},
 * a dev agent serving the API over HTTPS with {@code verify_incoming}, real curl with and without a client
 * certificate, and the CLI over HTTPS with Consul's environment variables. With plain HTTP off, the agent calls
 * its own API over HTTPS with its certificate (a config-file watch), and {@code cairn watch} and {@code cairn lock}
 * make their blocking reads over HTTPS too.
 */
public class TlsIT {
    private static Path dir;
    private static Path otherDir;
    private static int httpsPort;
    private static AgentProcess agent;

    @BeforeClass
    public static void createCertificatesAndStartAgent() throws Exception {
        dir = Files.createTempDirectory("cairn-tls-it");
        Result ca = run(dir, Map.of(), AgentProcess.CAIRN.toString(), "tls", "ca", "create");
        assertEquals(ca.err, 0, ca.code);
        assertEquals("==> Saved consul-agent-ca.pem\n==> Saved consul-agent-ca-key.pem\n", ca.out);
        Result server = run(dir, Map.of(), AgentProcess.CAIRN.toString(), "tls", "cert", "create", "-server",
                "-dc", "dc1");
        assertEquals(server.err, 0, server.code);
        assertTrue(server.out, server.out.startsWith("==> WARNING: Server Certificates grants authority"));
        assertTrue(server.out, server.out.endsWith("==> Using consul-agent-ca.pem and consul-agent-ca-key.pem\n"
                + "==> Saved dc1-server-consul-0.pem\n==> Saved dc1-server-consul-0-key.pem\n"));
        Result cli = run(dir, Map.of(), AgentProcess.CAIRN.toString(), "tls", "cert", "create", "-cli");
        assertEquals(cli.err, 0, cli.code);
        Result again = run(dir, Map.of(), AgentProcess.CAIRN.toString(), "tls", "ca", "create");
        assertEquals(1, again.code);
        assertEquals("consul-agent-ca.pem already exists.\n", again.err);

        otherDir = Files.createDirectory(dir.resolve("other"));
        assertEquals(0, run(otherDir, Map.of(), AgentProcess.CAIRN.toString(), "tls", "ca", "create").code);
        assertEquals(0, run(otherDir, Map.of(), AgentProcess.CAIRN.toString(), "tls", "cert", "create", "-cli").code);

        httpsPort = AgentProcess.freePort();
        Path config = Files.writeString(dir.resolve("tls.json"), "{\"ports\": {\"https\": " + httpsPort + "}, "
                + "\"tls\": {\"defaults\": {\"ca_file\": \"" + dir.resolve("consul-agent-ca.pem") + "\", "
                + "\"cert_file\": \"" + dir.resolve("dc1-server-consul-0.pem") + "\", \"key_file\": \""
                + dir.resolve("dc1-server-consul-0-key.pem") + "\", \"verify_incoming\": true}}}");
        agent = new AgentProcess("tls1", dir.resolve("data"), "-dev", "-config-file", config.toString()).start()
                .awaitLeader(Duration.ofSeconds(120));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    public void curlWithTheCasClientCertificateIsServedOthersFailTheHandshake() throws Exception {
        String url = "https://127.0.0.1:" + httpsPort + "/v1/status/leader";
        Result ok = curl("--cacert", dir.resolve("consul-agent-ca.pem").toString(),
                "--cert", dir.resolve("dc1-cli-consul-0.pem").toString(),
                "--key", dir.resolve("dc1-cli-consul-0-key.pem").toString(), url);
        assertEquals(ok.err, 0, ok.code);
        assertTrue(ok.out, ok.out.startsWith("\"127.0.0.1:"));

        Result noCertificate = curl("--cacert", dir.resolve("consul-agent-ca.pem").toString(), url);
        assertNotEquals(noCertificate.out, 0, noCertificate.code);
        Result otherCa = curl("--cacert", dir.resolve("consul-agent-ca.pem").toString(),
                "--cert", otherDir.resolve("dc1-cli-consul-0.pem").toString(),
                "--key", otherDir.resolve("dc1-cli-consul-0-key.pem").toString(), url);
        assertNotEquals(otherCa.out, 0, otherCa.code);
        Result untrustedAgent = curl("--cacert", otherDir.resolve("consul-agent-ca.pem").toString(),
                "--cert", dir.resolve("dc1-cli-consul-0.pem").toString(),
                "--key", dir.resolve("dc1-cli-consul-0-key.pem").toString(), url);
        assertNotEquals(untrustedAgent.out, 0, untrustedAgent.code);

        // Plain HTTP stays on beside HTTPS.
        assertEquals(200, agent.get("/v1/status/leader").statusCode());
    }

    @Test
    public void theCliSpeaksHttpsWithConsulsVariables() throws Exception {
        Map<String, String> env = Map.of("CONSUL_HTTP_ADDR", "https://127.0.0.1:" + httpsPort,
                "CONSUL_CACERT", dir.resolve("consul-agent-ca.pem").toString(),
                "CONSUL_CLIENT_CERT", dir.resolve("dc1-cli-consul-0.pem").toString(),
                "CONSUL_CLIENT_KEY", dir.resolve("dc1-cli-consul-0-key.pem").toString());
        Result put = run(dir, env, AgentProcess.CAIRN.toString(), "kv", "put", "tls/key", "secret");
        assertEquals(put.err, 0, put.code);
        assertEquals("Success! Data written to: tls/key\n", put.out);
        Result get = run(dir, env, AgentProcess.CAIRN.toString(), "kv", "get", "tls/key");
        assertEquals(get.err, 0, get.code);
        assertEquals("secret\n", get.out);

        Map<String, String> flagsOnly = Map.of("CONSUL_HTTP_ADDR", "127.0.0.1:" + httpsPort, "CONSUL_HTTP_SSL",
                "true");
        Result viaFlags = run(dir, flagsOnly, AgentProcess.CAIRN.toString(), "kv", "get",
                "-ca-file", dir.resolve("consul-agent-ca.pem").toString(),
                "-client-cert", dir.resolve("dc1-cli-consul-0.pem").toString(),
                "-client-key", dir.resolve("dc1-cli-consul-0-key.pem").toString(),
                "-tls-server-name", "server.dc1.consul", "tls/key");
        assertEquals(viaFlags.err, 0, viaFlags.code);
        assertEquals("secret\n", viaFlags.out);

        Result noCertificate = run(dir, Map.of("CONSUL_HTTP_ADDR", "https://127.0.0.1:" + httpsPort,
                "CONSUL_CACERT", dir.resolve("consul-agent-ca.pem").toString()),
                AgentProcess.CAIRN.toString(), "kv", "get", "tls/key");
        assertEquals(1, noCertificate.code);
    }

    @Test
    public void portsHttpMinusOneLeavesOnlyHttpsAndBadFilesStopTheAgent() throws Exception {
        Path data = dir.resolve("https-only");
        int port = AgentProcess.freePort();
        Path config = Files.writeString(dir.resolve("https-only.json"), "{\"ports\": {\"http\": -1, \"https\": "
                + port + "}, \"cert_file\": \"" + dir.resolve("dc1-server-consul-0.pem") + "\", \"key_file\": \""
                + dir.resolve("dc1-server-consul-0-key.pem") + "\"}");
        try (AgentProcess httpsOnly = new AgentProcess("tls2", data, "-dev", "-config-file", config.toString())) {
            // The launcher's own -http-port comes first; the config file's -1 would lose to it, so repeat it.
            httpsOnly.withArgs(List.of("-http-port", "-1")).start();
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(dir.resolve("consul-agent-ca.pem")))
                    .connectTimeout(Duration.ofSeconds(2)).build();
            String leader = awaitLeader(client, "https://127.0.0.1:" + port + "/v1/status/leader", httpsOnly);
            assertTrue(leader, leader.startsWith("\"127.0.0.1:"));
            try (Socket plain = new Socket("127.0.0.1", httpsOnly.httpPort)) {
                fail("plain HTTP answered on " + httpsOnly.httpPort);
            } catch (ConnectException expected) {
                // nothing listens there
            }
        }

        Path missing = dir.resolve("missing.pem");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"ports\": {\"https\": " + AgentProcess.freePort()
                + "}, \"cert_file\": \"" + missing + "\", \"key_file\": \"" + missing + "\"}");
        Result refused = run(dir, Map.of(), AgentProcess.CAIRN.toString(), "agent", "-dev", "-config-file",
                bad.toString());
        assertEquals(refused.err, 1, refused.code);
        assertTrue(refused.err, refused.err.contains("cert_file " + missing + ": cannot read it"));
    }

    @Test
    public void withOnlyHttpsAndVerifyIncomingTheAgentsWatchesAndTheClisBlockingCommandsWork() throws Exception {
        Path watched = dir.resolve("watched-key.json");
        int port = AgentProcess.freePort();
        Path config = Files.writeString(dir.resolve("https-watch.json"), "{\"ports\": {\"http\": -1, \"https\": "
                + port + "}, \"tls\": {\"defaults\": {\"ca_file\": \"" + dir.resolve("consul-agent-ca.pem")
                + "\", \"cert_file\": \"" + dir.resolve("dc1-server-consul-0.pem") + "\", \"key_file\": \""
                + dir.resolve("dc1-server-consul-0-key.pem") + "\", \"verify_incoming\": true}}, \"watches\": ["
                + "{\"type\": \"key\", \"key\": \"tls/watched\", \"args\": [\"/bin/sh\", \"-c\", \"cat >> "
                + watched + "\"]}]}");
        try (AgentProcess httpsOnly = new AgentProcess("tls3", dir.resolve("https-watch"), "-dev", "-config-file",
                config.toString())) {
            httpsOnly.withArgs(List.of("-http-port", "-1")).start();
            Map<String, String> env = Map.of("CONSUL_HTTP_ADDR", "https://127.0.0.1:" + port,
                    "CONSUL_CACERT", dir.resolve("consul-agent-ca.pem").toString(),
                    "CONSUL_CLIENT_CERT", dir.resolve("dc1-cli-consul-0.pem").toString(),
                    "CONSUL_CLIENT_KEY", dir.resolve("dc1-cli-consul-0-key.pem").toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            Result put;
            do {
                assertTrue("agent exited:\n" + httpsOnly.tail(), httpsOnly.isAlive());
                Thread.sleep(250);
                put = run(dir, env, AgentProcess.CAIRN.toString(), "kv", "put", "tls/watched", "hello");
            } while (put.code != 0 && System.nanoTime() < deadline);
            assertEquals(put.err + httpsOnly.tail(), 0, put.code);

            // The agent's own watch reads the key over HTTPS, presenting its certificate to verify_incoming.
            while (!(Files.exists(watched) && Files.readString(watched).contains("\"Value\":\"aGVsbG8=\""))
                    && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertTrue("watch handler output missing:\n" + httpsOnly.tail(), Files.exists(watched)
                    && Files.readString(watched).contains("\"Value\":\"aGVsbG8=\""));

            Result watch = run(dir, env, AgentProcess.CAIRN.toString(), "watch", "-type=key", "-key=tls/watched");
            assertEquals(watch.err, 0, watch.code);
            assertTrue(watch.out, watch.out.contains("\"Value\": \"aGVsbG8=\""));
            Result lock = run(dir, env, AgentProcess.CAIRN.toString(), "lock", "tls/lock", "echo locked");
            assertEquals(lock.err, 0, lock.code);
            assertTrue(lock.out, lock.out.contains("locked"));
        }
    }

    private static String awaitLeader(HttpClient client, String url, AgentProcess process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue("agent exited:\n" + process.tail(), process.isAlive());
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().length() > 2) {
                    return response.body();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no leader over HTTPS within 120 s:\n" + process.tail());
    }

    private static SSLContext trusting(Path caFile) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private record Result(int code, String out, String err) {
    }

    private static Result curl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--max-time", "30"));
        cmd.addAll(List.of(args));
        return run(dir, Map.of(), cmd.toArray(String[]::new));
    }

    /** Runs a command in {@code workDir} with the given variables and none of the test JVM's agent addresses. */
    private static Result run(Path workDir, Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CAIRN_") || name.startsWith("CONSUL_"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish: " + List.of(cmd));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
