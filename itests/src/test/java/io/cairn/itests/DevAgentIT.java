package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The README's tour, verbatim: {@code bin/cairn agent -dev} as a process, then the CLI and curl against it.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DevAgentIT {
    private static AgentProcess agent;

    @BeforeClass
    public static void startDevAgent() throws Exception {
        Path dir = Files.createTempDirectory("cairn-dev-it");
        agent = new AgentProcess("dev1", dir.resolve("data"), "-dev").start().awaitLeader(Duration.ofSeconds(120));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    public void a_putGetRecurseExport() throws Exception {
        String addr = agent.httpAddr();
        Cli.Result put = Cli.cairn(addr, "kv", "put", "foo/bar", "23");
        assertEquals(put.stderr(), 0, put.exitCode());
        assertEquals("Success! Data written to: foo/bar\n", put.stdout());

        Cli.Result get = Cli.cairn(addr, "kv", "get", "foo/bar");
        assertEquals("23\n", get.stdout());

        assertEquals(0, Cli.cairn(addr, "kv", "put", "foo/baz", "32").exitCode());
        assertEquals(0, Cli.cairn(addr, "kv", "put", "foo/quux", "41").exitCode());
        assertEquals("foo/bar:23\nfoo/baz:32\nfoo/quux:41\n", Cli.cairn(addr, "kv", "get", "-recurse", "foo/").stdout());

        String export = Cli.cairn(addr, "kv", "export", "foo/").stdout();
        String compact = export.replaceAll("\\s", "");
        assertEquals("[{\"key\":\"foo/bar\",\"flags\":0,\"value\":\"MjM=\"},"
                + "{\"key\":\"foo/baz\",\"flags\":0,\"value\":\"MzI=\"},"
                + "{\"key\":\"foo/quux\",\"flags\":0,\"value\":\"NDE=\"}]", compact);
    }

    @Test
    public void b_curlShowsConsulKvPair() throws Exception {
        Cli.Result curl = Cli.run(List.of("curl", "-s", "-i", "http://" + agent.httpAddr() + "/v1/kv/foo/bar"), null, null);
        assertEquals(curl.stderr(), 0, curl.exitCode());
        String out = curl.stdout();
        Matcher body = Pattern.compile("\\[\\{\"LockIndex\":0,\"Key\":\"foo/bar\",\"Flags\":0,\"Value\":\"MjM=\","
                + "\"CreateIndex\":(\\d+),\"ModifyIndex\":(\\d+)}]").matcher(out);
        assertTrue(out, body.find());
        Matcher index = Pattern.compile("(?i)X-Consul-Index: (\\d+)").matcher(out);
        assertTrue(out, index.find());
        assertEquals(body.group(2), index.group(1));
        assertTrue(out, out.toLowerCase().contains("x-consul-knownleader: true"));
    }

    @Test
    public void c_missingKeyIs404WithIndexAndCliError() throws Exception {
        HttpResponse<String> r = agent.get("/v1/kv/no/such/key");
        assertEquals(404, r.statusCode());
        assertEquals("", r.body());
        long index = Long.parseLong(r.headers().firstValue("X-Consul-Index").orElseThrow());
        assertTrue(index >= 1);

        Cli.Result get = Cli.cairn(agent.httpAddr(), "kv", "get", "no/such/key");
        assertEquals(1, get.exitCode());
        assertEquals("Error! No key exists at: no/such/key\n", get.stderr());
    }

    @Test
    public void d_blockingQueryWakesOnWrite() throws Exception {
        HttpResponse<String> first = agent.get("/v1/kv/watched");
        long index = Long.parseLong(first.headers().firstValue("X-Consul-Index").orElseThrow());
        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return agent.get("/v1/kv/watched?index=" + index + "&wait=30s");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);
        assertTrue("a blocking query must wait for a change", !waiting.isDone());
        assertEquals("true", agent.put("/v1/kv/watched", "now").body());
        HttpResponse<String> woken = waiting.get();
        assertEquals(200, woken.statusCode());
        assertTrue(woken.body(), woken.body().contains("\"Value\":\"bm93\""));
        assertTrue(Long.parseLong(woken.headers().firstValue("X-Consul-Index").orElseThrow()) > index);
    }

    @Test
    public void e_badInputIsAClearClientError() throws Exception {
        HttpResponse<String> badIndex = agent.get("/v1/kv/foo?index=abc");
        assertEquals(400, badIndex.statusCode());
        assertEquals("Invalid index", badIndex.body().trim());
        HttpResponse<String> tooBig = agent.put("/v1/kv/big", "x".repeat(512 * 1024 + 1));
        assertEquals(413, tooBig.statusCode());
        assertTrue(tooBig.body(), tooBig.body().startsWith("Request body(524289 bytes) too large, max size: 524288 bytes."));
        HttpResponse<String> getOnWrite = agent.get("/v1/status/leader");
        assertEquals(200, getOnWrite.statusCode());
        HttpResponse<String> wrongMethod = agent.put("/v1/status/leader", "");
        assertEquals(405, wrongMethod.statusCode());
    }

    @Test
    public void f_importRoundTripsExport() throws Exception {
        String addr = agent.httpAddr();
        String export = Cli.cairn(addr, "kv", "export", "foo/").stdout();
        assertEquals(0, Cli.cairn(addr, "kv", "delete", "-recurse", "foo/").exitCode());
        assertEquals(404, agent.get("/v1/kv/foo/bar").statusCode());
        Cli.Result imported = Cli.run(List.of(AgentProcess.CAIRN.toString(), "kv", "import", "-"), addr,
                export.getBytes(StandardCharsets.UTF_8));
        assertEquals(imported.stderr(), 0, imported.exitCode());
        assertEquals("Imported: foo/bar\nImported: foo/baz\nImported: foo/quux\n", imported.stdout());
        assertEquals("32\n", Cli.cairn(addr, "kv", "get", "foo/baz").stdout());
    }

    @Test
    public void g_anAgentWhosePortIsTakenStopsWithTheAddressAndTheFlags() throws Exception {
        AgentProcess second = new AgentProcess("dev-port", Files.createTempDirectory("cairn-port-it").resolve("data"),
                "-dev");
        try (ServerSocket taken = new ServerSocket(second.httpPort, 1, InetAddress.getLoopbackAddress());
                AgentProcess started = second.start()) {
            assertEquals(1, started.awaitExit(Duration.ofSeconds(30)));
            String output = Files.readString(started.logFile().toPath());
            assertTrue(output, output.startsWith("==> cannot listen on 127.0.0.1:" + second.httpPort
                    + " (TCP) for the HTTP API (-client, -http-port): Address already in use"));
        }
    }

    /**
     * A laptop that sleeps with an agent running, as a {@code kill -STOP} past a minute: Ratis closes a server
     * whose JVM was paused for longer than its close threshold (60 s by default), which left the agent answering
     * "No cluster leader" until it was restarted.
     */
    @Test
    public void h_anAgentSuspendedForMoreThanAMinuteKeepsItsRaftServer() throws Exception {
        agent.signal("STOP");
        try {
            Thread.sleep(Duration.ofSeconds(65).toMillis());
        } finally {
            agent.signal("CONT");
        }
        agent.sendUntilOk("PUT", "/v1/kv/after/sleep", null, "woke");
        assertEquals("woke", agent.get("/v1/kv/after/sleep?raw").body());
    }

    /**
     * A write to the Raft log that fails (here past a file size limit; a full disk fails the same way) makes Ratis
     * give up the log for good: the agent answered {@code No cluster leader} until restarted. It now starts its Raft
     * server again from storage, every second until it can write, and loses none of the writes it acknowledged.
     */
    @Test
    public void i_anAgentWritesAgainOnceItsRaftLogCanBeWrittenAgain() throws Exception {
        String value = "v".repeat(100_000);
        agent.limitFileSize("1000000"); // a log segment preallocates 4 MB, so the log fails within its first segments
        int acknowledged = 0;
        try {
            for (int i = 0; i < 200; i++) {
                if (agent.put("/v1/kv/full/" + i, value).statusCode() != 200) {
                    break;
                }
                acknowledged++;
            }
            assertTrue("every write succeeded with the file size limit", acknowledged < 200);
            assertEquals("a write while the log cannot be written", 500,
                    agent.put("/v1/kv/full/refused", "x").statusCode());
        } finally {
            agent.limitFileSize("unlimited");
        }
        agent.sendUntilOk("PUT", "/v1/kv/full/after", null, "space");
        for (int i = 0; i < acknowledged; i++) {
            assertEquals("acknowledged write " + i, value, agent.get("/v1/kv/full/" + i + "?raw").body());
        }
        assertEquals("space", agent.get("/v1/kv/full/after?raw").body());
    }

    @Test
    public void z_sigtermShutsDownCleanly() throws Exception {
        int code = agent.terminate();
        assertTrue("exit code after SIGTERM was " + code + "\n" + agent.tail(), code == 0 || code == 143);
    }

    @Test
    public void z_aDevAgentWithoutDataDirLeavesNothingBehind() throws Exception {
        Path tmp = Files.createTempDirectory("cairn-tmpdir-it");
        try (AgentProcess dev = AgentProcess.devInTemporaryDir("dev2", tmp).start()) {
            dev.awaitLeader(Duration.ofSeconds(120));
            assertEquals(200, dev.put("/v1/kv/scratch", "x").statusCode());
            assertEquals("its data dir, made in $TMPDIR", 1, devDirs(tmp).size());

            dev.terminate();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!devDirs(tmp).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals("like Consul's -dev, whose state lives in memory", List.of(), devDirs(tmp));
        }
    }

    private static List<Path> devDirs(Path tmp) throws java.io.IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("cairn-dev-")).toList();
        }
    }
}
