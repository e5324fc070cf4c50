package io.cairn.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Two servers in one cluster, started as users start them: {@code alpha} allows remote exec
 * ({@code "disable_remote_exec": false}) and runs an event watch from its config dir; {@code beta} keeps the
 * default (remote exec disabled). Events, {@code cairn watch}, {@code cairn lock} and {@code cairn exec} are
 * driven through the CLI and HTTP against both.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class EventsWatchLockExecIT {
    private static final Pattern EVENT_ID = Pattern.compile("Event ID: ([0-9a-f-]{36})");
    private static Path dir;
    private static AgentProcess alpha;
    private static AgentProcess beta;
    private static Path watchedEvents;

    @BeforeClass
    public static void startCluster() throws Exception {
        dir = Files.createTempDirectory("cairn-ewle-it");
        watchedEvents = dir.resolve("watched-events.json");
        Path alphaConf = Files.createDirectories(dir.resolve("alpha-conf"));
        Files.writeString(alphaConf.resolve("agent.json"), "{\"disable_remote_exec\": false, \"watches\": ["
                + "{\"type\": \"event\", \"name\": \"deploy\", \"args\": [\"/bin/sh\", \"-c\", \"cat >> "
                + watchedEvents + "\"]}]}");
        alpha = new AgentProcess("alpha", dir.resolve("alpha"));
        beta = new AgentProcess("beta", dir.resolve("beta"));
        alpha.withArgs(List.of("-server", "-bootstrap-expect", "2", "-bind", "127.0.0.1", "-retry-join",
                "127.0.0.1:" + beta.serfLanPort, "-config-dir", alphaConf.toString()));
        beta.withArgs(List.of("-server", "-bootstrap-expect", "2", "-bind", "127.0.0.1", "-retry-join",
                "127.0.0.1:" + alpha.serfLanPort));
        alpha.start();
        beta.start();
        alpha.awaitLeader(Duration.ofSeconds(180));
        beta.awaitLeader(Duration.ofSeconds(180));
    }

    @AfterClass
    public static void stopCluster() throws Exception {
        if (alpha != null) {
            alpha.close();
        }
        if (beta != null) {
            beta.close();
        }
    }

    @Test
    public void a_eventsReachEveryMatchingAgentAndTheListIndexIsTheUuidRule() throws Exception {
        Cli.Result fired = Cli.cairn(beta.httpAddr(), "event", "-name=deploy", "v1.2");
        assertEquals(fired.stderr(), 0, fired.exitCode());
        Matcher id = EVENT_ID.matcher(fired.stdout());
        assertTrue(fired.stdout(), id.find());

        HttpResponse<String> listed = awaitBody(alpha, "/v1/event/list?name=deploy", id.group(1));
        assertTrue(listed.body(), listed.body().contains("\"Payload\":\"djEuMg==\""));
        String hex = id.group(1).replace("-", "");
        long index = Long.parseUnsignedLong(hex.substring(0, 16), 16) ^ Long.parseUnsignedLong(hex.substring(16), 16);
        assertEquals(Long.toUnsignedString(index), listed.headers().firstValue("X-Consul-Index").orElseThrow());

        Cli.Result onlyBeta = Cli.cairn(alpha.httpAddr(), "event", "-name=for-beta", "-node=^beta$");
        assertEquals(onlyBeta.stderr(), 0, onlyBeta.exitCode());
        awaitBody(beta, "/v1/event/list?name=for-beta", "for-beta");
        assertEquals("[]", alpha.get("/v1/event/list?name=for-beta").body());
        assertEquals("1", alpha.get("/v1/event/list?name=for-beta").headers().firstValue("X-Consul-Index")
                .orElseThrow());

        HttpResponse<String> tooBig = alpha.put("/v1/event/fire/big", "x".repeat(600));
        assertEquals(413, tooBig.statusCode());
        assertTrue(tooBig.body(), tooBig.body().contains("512 bytes"));
    }

    @Test
    public void b_anEventReachesTheWatchHandlerFromTheConfigDir() throws Exception {
        Cli.Result fired = Cli.cairn(beta.httpAddr(), "event", "-name=deploy", "to-the-watch");
        assertEquals(fired.stderr(), 0, fired.exitCode());
        Matcher id = EVENT_ID.matcher(fired.stdout());
        assertTrue(id.find());
        await(Duration.ofSeconds(30), () -> read(watchedEvents).contains(id.group(1)),
                () -> "event watch handler output: " + read(watchedEvents));
        assertTrue(read(watchedEvents), read(watchedEvents).contains("\"Payload\":\"dG8tdGhlLXdhdGNo\""));
    }

    @Test
    public void c_cliWatchPrintsTheKeyNowAndAfterEachChange() throws Exception {
        assertEquals(0, Cli.cairn(alpha.httpAddr(), "kv", "put", "foo/bar", "1").exitCode());
        Path out = dir.resolve("watch-key.out");
        ProcessBuilder watch = new ProcessBuilder(AgentProcess.CAIRN.toString(), "watch", "-type=key", "-key=foo/bar",
                "cat").redirectErrorStream(true).redirectOutput(out.toFile());
        watch.environment().put("CONSUL_HTTP_ADDR", alpha.httpAddr());
        Process process = watch.start();
        try {
            await(Duration.ofSeconds(30), () -> read(out).contains("\"Value\":\"MQ==\""), () -> read(out));
            assertEquals(0, Cli.cairn(beta.httpAddr(), "kv", "put", "foo/bar", "99").exitCode());
            await(Duration.ofSeconds(30), () -> read(out).contains("\"Value\":\"OTk=\""), () -> read(out));
            assertEquals(read(out), 2, read(out).lines().filter(l -> l.contains("\"Key\":\"foo/bar\"")).count());
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        Cli.Result once = Cli.cairn(alpha.httpAddr(), "watch", "-type=key", "-key=foo/bar");
        assertEquals(once.stderr(), 0, once.exitCode());
        assertTrue(once.stdout(), once.stdout().contains("    \"Value\": \"OTk=\","));
    }

    @Test
    public void d_fiveContendingLocksNeverOverlap() throws Exception {
        Path markers = dir.resolve("lock-markers.txt");
        List<Process> contenders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AgentProcess via = i % 2 == 0 ? alpha : beta;
            ProcessBuilder lock = new ProcessBuilder(AgentProcess.CAIRN.toString(), "lock", "locks/it",
                    "echo start " + i + " >> " + markers + "; sleep 0.3; echo end " + i + " >> " + markers)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("lock-" + i + ".out").toFile());
            lock.environment().put("CONSUL_HTTP_ADDR", via.httpAddr());
            contenders.add(lock.start());
        }
        for (int i = 0; i < contenders.size(); i++) {
            Process p = contenders.get(i);
            assertTrue("lock " + i + " still running", p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(read(dir.resolve("lock-" + i + ".out")), 0, p.exitValue());
        }
        List<String> lines = Files.readAllLines(markers);
        assertEquals(String.join("\n", lines), 10, lines.size());
        for (int i = 0; i < lines.size(); i += 2) {
            String who = lines.get(i).substring("start ".length());
            assertEquals("interleaved: " + lines, "start " + who, lines.get(i));
            assertEquals("interleaved: " + lines, "end " + who, lines.get(i + 1));
        }
        assertEquals("lock key and sessions are cleaned up", 404, alpha.get("/v1/kv/locks/it/.lock").statusCode());

        Cli.Result code = Cli.cairn(beta.httpAddr(), "lock", "locks/code", "exit 7");
        assertEquals(code.stderr(), 7, code.exitCode());
    }

    @Test
    public void d2_semaphoreAdmitsAtMostNHolders() throws Exception {
        Path markers = dir.resolve("semaphore-markers.txt");
        List<Process> contenders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ProcessBuilder lock = new ProcessBuilder(AgentProcess.CAIRN.toString(), "lock", "-n=2", "locks/sem",
                    "echo start >> " + markers + "; sleep 0.5; echo end >> " + markers)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sem-" + i + ".out").toFile());
            lock.environment().put("CONSUL_HTTP_ADDR", (i % 2 == 0 ? alpha : beta).httpAddr());
            contenders.add(lock.start());
        }
        for (int i = 0; i < contenders.size(); i++) {
            assertTrue(contenders.get(i).waitFor(120, TimeUnit.SECONDS));
            assertEquals(read(dir.resolve("sem-" + i + ".out")), 0, contenders.get(i).exitValue());
        }
        int inside = 0;
        int most = 0;
        for (String line : Files.readAllLines(markers)) {
            inside += line.equals("start") ? 1 : -1;
            most = Math.max(most, inside);
        }
        assertEquals(0, inside);
        assertTrue("more than 2 holders at once", most <= 2);
        assertEquals("the last holder removes the lock record", 404,
                alpha.get("/v1/kv/locks/sem/?recurse").statusCode());
    }

    @Test
    public void e_execRunsOnTheAgentThatAllowsItOnly() throws Exception {
        Cli.Result all = Cli.cairn(beta.httpAddr(), "exec", "echo ran on $(cat /proc/sys/kernel/hostname) as pid $$");
        assertEquals(all.stdout() + all.stderr(), 0, all.exitCode());
        assertTrue(all.stdout(), all.stdout().contains("    alpha: ran on "));
        assertTrue(all.stdout(), all.stdout().contains("==> alpha: finished with exit code 0"));
        assertFalse(all.stdout(), all.stdout().contains("beta:"));
        assertTrue(all.stdout(), all.stdout().endsWith("1 / 1 node(s) completed / acknowledged\n"));

        Cli.Result failing = Cli.cairn(alpha.httpAddr(), "exec", "-node=^alpha$", "exit 3");
        assertEquals(failing.stdout(), 2, failing.exitCode());
        assertTrue(failing.stdout(), failing.stdout().contains("==> alpha: finished with exit code 3"));

        assertEquals("the job's data is deleted", 404, alpha.get("/v1/kv/_rexec/?recurse").statusCode());

        HttpResponse<String> registered = alpha.put("/v1/agent/service/register",
                "{\"Name\": \"web\", \"Port\": 8080, \"Tags\": [\"blue\"]}");
        assertEquals(registered.body(), 200, registered.statusCode());
        awaitBody(beta, "/v1/catalog/service/web", "\"Node\":\"alpha\"");
        Cli.Result byTag = Cli.cairn(beta.httpAddr(), "exec", "-service=^web$", "-tag=^blue$", "echo tagged");
        assertTrue(byTag.stdout(), byTag.stdout().contains("    alpha: tagged"));
        Cli.Result otherTag = Cli.cairn(beta.httpAddr(), "exec", "-service=^web$", "-tag=^green$", "echo tagged");
        assertEquals("0 / 0 node(s) completed / acknowledged\n", otherTag.stdout());
    }

    @Test
    public void f_execIsRefusedWhereRemoteExecIsDisabled() throws Exception {
        Cli.Result refused = Cli.cairn(alpha.httpAddr(), "exec", "-node=^beta$", "touch " + dir.resolve("ran-on-beta"));
        assertEquals(refused.stdout() + refused.stderr(), 0, refused.exitCode());
        assertEquals("0 / 0 node(s) completed / acknowledged\n", refused.stdout());
        assertFalse(Files.exists(dir.resolve("ran-on-beta")));
        Path betaLog = dir.resolve("beta/karaf/log/karaf.log");
        await(Duration.ofSeconds(10), () -> read(betaLog).contains("remote exec is disabled"), () -> "beta's log");
    }

    @Test
    public void g_aLostLockStopsTheChildAndSigtermReleasesEverything() throws Exception {
        Path lostOut = dir.resolve("lock-lost.out");
        Process lost = startLock("locks/lost", lostOut);
        await(Duration.ofSeconds(30), () -> read(lostOut).contains("running"), () -> read(lostOut));
        Matcher session = Pattern.compile("\"Session\":\"([0-9a-f-]{36})\"")
                .matcher(alpha.get("/v1/kv/locks/lost/.lock").body());
        assertTrue(session.find());
        assertEquals(200, alpha.put("/v1/session/destroy/" + session.group(1), "").statusCode());
        assertTrue("the child was not stopped", lost.waitFor(30, TimeUnit.SECONDS));
        assertTrue(read(lostOut), read(lostOut).contains("Lock lost, killing child"));
        assertTrue(read(lostOut), lost.exitValue() != 0);

        Path termOut = dir.resolve("lock-term.out");
        Process term = startLock("locks/term", termOut);
        await(Duration.ofSeconds(30), () -> read(termOut).contains("running"), () -> read(termOut));
        assertEquals(200, alpha.get("/v1/kv/locks/term/.lock").statusCode());
        term.destroy();
        assertTrue("cairn lock did not exit on SIGTERM", term.waitFor(30, TimeUnit.SECONDS));
        assertEquals(404, alpha.get("/v1/kv/locks/term/.lock").statusCode());
        assertFalse(alpha.get("/v1/session/list").body().contains("locks/term"));
    }

    private static Process startLock(String prefix, Path out) throws java.io.IOException {
        ProcessBuilder lock = new ProcessBuilder(AgentProcess.CAIRN.toString(), "lock", prefix,
                "echo running; sleep 60").redirectErrorStream(true).redirectOutput(out.toFile());
        lock.environment().put("CONSUL_HTTP_ADDR", alpha.httpAddr());
        return lock.start();
    }

    private static HttpResponse<String> awaitBody(AgentProcess agent, String path, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> response = agent.get(path);
        while (!response.body().contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = agent.get(path);
        }
        assertTrue(agent.node + " " + path + ": " + response.body(), response.body().contains(expected));
        return response;
    }

    private static void await(Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; " + what.get());
            }
            Thread.sleep(200);
        }
    }

    private static String read(Path file) {
        try {
            return new File(file.toString()).exists() ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
