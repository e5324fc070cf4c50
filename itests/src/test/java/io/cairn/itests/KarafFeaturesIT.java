package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Boots the built Cairn distribution in Pax Exam: the gossip bundles start and the agent is the alive member of its
 * pool; the KV feature can be uninstalled and installed again at runtime (its endpoints disappear and come back,
 * the replicated data survives), KV round-trips over HTTP and through the {@code kv:*} console commands.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafFeaturesIT {
    /** Chosen in the test driver, handed to the container as a system property; tests read it back there. */
    private static final String HTTP_PORT_PROPERTY = "cairn.http.port";
    private static final String DNS_PORT_PROPERTY = "cairn.dns.port";

    @Inject
    private FeaturesService features;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        String karaf = "4.4.10";
        String localRepo = System.getProperty("org.ops4j.pax.url.mvn.localRepository",
                System.getProperty("user.home") + "/.m2/repository");
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(maven("io.cairn", "distribution").version(System.getProperty("cairn.version")).type("tar.gz"))
                    .unpackDirectory(new File("target/exam")).useDeployFolder(false).name("Cairn"),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepo),
            systemProperty(HTTP_PORT_PROPERTY).value(Integer.toString(AgentProcess.freePort())),
            systemProperty(DNS_PORT_PROPERTY).value(Integer.toString(AgentProcess.freePort())),
            systemProperty("cairn.server.port").value(Integer.toString(AgentProcess.freePort())),
            systemProperty("cairn.serf.lan.port").value(Integer.toString(AgentProcess.freePort())),
            systemProperty("cairn.serf.wan.port").value(Integer.toString(AgentProcess.freePort())),
            systemProperty("cairn.node.name").value("exam"),
            systemProperty("cairn.bootstrap.expect").value("1"),
            new VMOption("--add-reads=java.xml=java.logging"),
            new VMOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
            new VMOption("--patch-module"),
            new VMOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar"),
            new VMOption("--patch-module"),
            new VMOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar"),
            new VMOption("--add-opens"), new VMOption("java.base/java.security=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.net=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.lang=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.util=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
            new VMOption("-classpath"), new VMOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"),
        };
    }

    @Test
    public void gossipBundlesStartAndTheAgentIsTheAliveMemberOfItsPoolWithItsSerfHealthPassing() throws Exception {
        for (String name : List.of("io.cairn.coordinate", "io.cairn.gossip.api", "io.cairn.gossip",
                "io.cairn.reconcile", "io.cairn.forward")) {
            Bundle bundle = Arrays.stream(bundleContext.getBundles()).filter(b -> b.getSymbolicName().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " is not installed"));
            assertEquals(name + " is not active", Bundle.ACTIVE, bundle.getState());
        }
        assertEquals(2, bundleContext.getServiceReferences("io.cairn.gossip.api.Membership", null).length);
        Reply members = awaitStatus("/v1/agent/members", 200, null);
        assertTrue(members.body, members.body.contains("\"Name\":\"exam\"") && members.body.contains("\"Status\":1"));
        Reply health = awaitStatus("/v1/health/node/exam", 200, "[]");
        assertTrue(health.body, health.body.contains("\"CheckID\":\"serfHealth\",\"Name\":\"Serf Health Status\","
                + "\"Status\":\"passing\""));
    }

    @Test
    public void kvFeatureComesAndGoesAtRuntimeAndKeepsItsData() throws Exception {
        awaitStatus("/v1/kv/?keys", 200, null); // the endpoint is up and a leader is elected
        assertEquals("true", request("PUT", "/v1/kv/exam/key", "hello").body);
        assertEquals("hello", request("GET", "/v1/kv/exam/key?raw", null).body);

        features.uninstallFeature("cairn-kv", EnumSet.noneOf(FeaturesService.Option.class));
        Reply gone = awaitStatus("/v1/kv/exam/key", 404, null);
        assertEquals("Invalid URL path: not a recognized HTTP API endpoint", gone.body.trim());

        features.installFeature("cairn-kv", EnumSet.noneOf(FeaturesService.Option.class));
        awaitStatus("/v1/kv/exam/key?raw", 200, null);
        assertEquals("hello", request("GET", "/v1/kv/exam/key?raw", null).body);
    }

    /**
     * The instrumented bundles never restart for the metrics feature: a blocking query held by the HTTP server
     * lives through its removal and return, and their meters are published again once it is back.
     */
    @Test
    public void metricsFeatureComesAndGoesWithoutRestartingInstrumentedBundles() throws Exception {
        awaitStatus("/v1/kv/?keys", 200, null);
        assertEquals("true", request("PUT", "/v1/kv/metrics/a", "1").body);
        assertTrue(awaitStatus("/v1/agent/metrics?format=prometheus", 200, null).body.contains("cairn_raft_commit_index"));
        HttpURLConnection index = (HttpURLConnection) new URL("http://127.0.0.1:" + Integer.getInteger(HTTP_PORT_PROPERTY)
                + "/v1/kv/metrics/?keys").openConnection();
        String current = index.getHeaderField("X-Consul-Index");
        CompletableFuture<Reply> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return request("GET", "/v1/kv/metrics/?keys&index=" + current + "&wait=60s", null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        features.uninstallFeature("cairn-metrics", EnumSet.noneOf(FeaturesService.Option.class));
        awaitStatus("/v1/agent/metrics", 404, null);
        features.installFeature("cairn-metrics", EnumSet.noneOf(FeaturesService.Option.class));
        assertEquals("true", request("PUT", "/v1/kv/metrics/b", "2").body);
        Reply woken = blocked.get(60, TimeUnit.SECONDS);
        assertEquals(200, woken.status);
        assertTrue(woken.body, woken.body.contains("metrics/b"));

        String text = awaitStatus("/v1/agent/metrics?format=prometheus", 200, null).body;
        assertTrue(text, text.contains("cairn_http_requests_seconds_count{method=\"PUT\",route=\"/v1/kv/\""));
        assertTrue(text, text.contains("cairn_raft_commit_index"));
        assertTrue(request("GET", "/v1/agent/metrics", null).body.startsWith("{\"Timestamp\""));
    }

    @Test
    public void checkTypeInstalledAtRuntimeRunsItsChecksAndTheyTurnCriticalWhenItGoes() throws Exception {
        awaitStatus("/v1/agent/checks", 200, null);
        features.uninstallFeature("cairn-check-tcp", EnumSet.noneOf(FeaturesService.Option.class));
        try (ServerSocket probed = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String check = "{\"Name\":\"probe\",\"TCP\":\"127.0.0.1:" + probed.getLocalPort() + "\",\"Interval\":\"1s\"}";
            Reply unknown = request("PUT", "/v1/agent/check/register", check);
            assertEquals(unknown.body, 400, unknown.status);
            assertTrue(unknown.body, unknown.body.contains("http (HTTP)"));

            features.installFeature("cairn-check-tcp", EnumSet.noneOf(FeaturesService.Option.class));
            awaitRegistered(check);
            awaitCheck("probe", "\"Status\":\"passing\"");

            features.uninstallFeature("cairn-check-tcp", EnumSet.noneOf(FeaturesService.Option.class));
            awaitCheck("probe", "\"Status\":\"critical\"");
            assertTrue(request("GET", "/v1/agent/checks", null).body.contains("not available"));
        } finally {
            features.installFeature("cairn-check-tcp", EnumSet.noneOf(FeaturesService.Option.class));
        }
    }

    /** Registers {@code check}, retrying while the freshly installed check type is still coming up. */
    private static void awaitRegistered(String check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Reply last = request("PUT", "/v1/agent/check/register", check);
        while (last.status != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("check never accepted: " + last);
            }
            Thread.sleep(200);
            last = request("PUT", "/v1/agent/check/register", check);
        }
    }

    private static void awaitCheck(String id, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            last = request("GET", "/v1/agent/checks", null).body;
            int at = last.indexOf("\"" + id + "\":");
            if (at >= 0 && last.substring(at).contains(expected)
                    && last.substring(at).indexOf(expected) < last.substring(at).indexOf("}")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("check " + id + " never showed " + expected + "; last: " + last);
    }

    @Test
    public void dnsFeatureOpensItsPortWhenInstalledAndClosesItWhenUninstalled() throws Exception {
        int port = Integer.getInteger(DNS_PORT_PROPERTY);
        awaitDnsPort(port, true);
        features.uninstallFeature("cairn-dns", EnumSet.noneOf(FeaturesService.Option.class));
        awaitDnsPort(port, false);
        features.installFeature("cairn-dns", EnumSet.noneOf(FeaturesService.Option.class));
        awaitDnsPort(port, true);
    }

    /** Waits until a TCP connection to the DNS port is accepted ({@code open}) or refused. */
    private static void awaitDnsPort(int port, boolean open) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            boolean accepted;
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
                accepted = true;
            } catch (IOException refused) {
                accepted = false;
            }
            if (accepted == open) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("DNS port " + port + " never became " + (open ? "open" : "closed"));
    }

    @Test
    public void consoleKvCommandsRoundTrip() throws Exception {
        awaitStatus("/v1/kv/?keys", 200, null);
        String put = execute("kv:put console/key 42");
        assertTrue(put, put.contains("Success! Data written to: console/key"));
        assertEquals("42", request("GET", "/v1/kv/console/key?raw", null).body);

        request("PUT", "/v1/kv/console/other", "7");
        String get = execute("kv:get --recurse console/");
        assertTrue(get, get.contains("console/key:42"));
        assertTrue(get, get.contains("console/other:7"));

        String delete = execute("kv:delete console/key");
        assertTrue(delete, delete.contains("Success! Deleted key: console/key"));
        assertEquals(404, request("GET", "/v1/kv/console/key", null).status);
    }

    private String execute(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, print, print);
        try {
            Object result = session.execute(command);
            if (result != null) {
                print.println(result);
            }
        } finally {
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private record Reply(int status, String body) {
    }

    /** Polls until {@code path} answers {@code status} (and is not {@code unlessBody}), for up to 90 s. */
    private static Reply awaitStatus(String path, int status, String unlessBody) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Reply last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = request("GET", path, null);
                if (last.status == status && !last.body.equals(unlessBody)) {
                    return last;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never answered " + status + "; last: " + last);
    }

    private static Reply request(String method, String path, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + Integer.getInteger(HTTP_PORT_PROPERTY) + path).openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(2000);
        c.setReadTimeout(30000);
        if (body != null) {
            c.setDoOutput(true);
            c.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = c.getResponseCode();
        java.io.InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
        byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
        return new Reply(status, new String(bytes, StandardCharsets.UTF_8));
    }
}
