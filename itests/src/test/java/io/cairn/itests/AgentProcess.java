package io.cairn.itests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A Cairn agent started as a user starts it: {@code bin/cairn agent ...} from the built distribution, on free
 * loopback ports, with its output in a log file under its data dir.
 */
final class AgentProcess implements AutoCloseable {
    static final Path ASSEMBLY = Path.of(System.getProperty("cairn.assembly", "../distribution/target/assembly"))
            .toAbsolutePath().normalize();
    static final Path CAIRN = ASSEMBLY.resolve("bin/cairn");
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final int FORKS = Math.max(1, Integer.getInteger("cairn.it.forks", 1));
    private static final int FORK = Math.min(FORKS, Math.max(1, Integer.getInteger("cairn.it.fork", 1)));
    /** This JVM's share of the ports 20000 to 32000 (see {@link #freePort}). */
    private static final int PORTS_FROM = 20_000 + (FORK - 1) * (12_000 / FORKS);
    private static final int PORTS_TO = PORTS_FROM + 12_000 / FORKS;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String node;
    final int httpPort;
    final int serverPort;
    final int serfLanPort;
    final int dnsPort;
    final Path dataDir;
    private final List<String> extraArgs = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    /** Set for an agent started without {@code -data-dir}: the $TMPDIR it makes its temporary one in. */
    private Path tmpDir;
    private Path installation = ASSEMBLY;
    private Process process;

    AgentProcess(String node, Path dataDir, String... extraArgs) {
        this.node = node;
        this.dataDir = dataDir;
        this.httpPort = freePort();
        this.serverPort = freePort();
        this.serfLanPort = freePort();
        this.dnsPort = freePort();
        this.extraArgs.addAll(Arrays.asList(extraArgs));
    }

    /**
     * {@code bin/cairn agent -dev} without {@code -data-dir}, with {@code TMPDIR=tmpDir}: it makes its data dir
     * there ({@code cairn-dev-*}); its output goes to {@code tmpDir/<node>.out}.
     */
    static AgentProcess devInTemporaryDir(String node, Path tmpDir) {
        AgentProcess agent = new AgentProcess(node, tmpDir.resolve(node), "-dev");
        agent.tmpDir = tmpDir;
        return agent;
    }

    /** Starts the agent from another installation than the built one. */
    AgentProcess installedAt(Path home) {
        installation = home;
        return this;
    }

    /** Adds arguments for the next {@link #start()}. */
    AgentProcess withArgs(List<String> args) {
        extraArgs.addAll(args);
        return this;
    }

    /** Sets an environment variable of {@code bin/cairn} for the next {@link #start()}. */
    AgentProcess withEnv(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Starts {@code bin/cairn agent} with this agent's node name, data dir and ports plus the extra arguments. */
    AgentProcess start() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(installation.resolve("bin/cairn").toString(), "agent", "-node", node));
        if (tmpDir == null) {
            Files.createDirectories(dataDir);
            cmd.addAll(List.of("-data-dir", dataDir.toString()));
        }
        cmd.addAll(List.of("-http-port", Integer.toString(httpPort),
                "-server-port", Integer.toString(serverPort), "-serf-lan-port", Integer.toString(serfLanPort),
                "-dns-port", Integer.toString(dnsPort), "-serf-wan-port", Integer.toString(freePort())));
        cmd.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        // the agent's temporary files (a -dev agent's data dir) go where this test's go
        pb.environment().put("TMPDIR", tmpDir != null ? tmpDir.toString() : System.getProperty("java.io.tmpdir"));
        pb.environment().putAll(environment);
        process = pb.start();
        return this;
    }

    File logFile() {
        return log().toFile();
    }

    private Path log() {
        return dataDir.resolveSibling(dataDir.getFileName() + ".out");
    }

    String httpAddr() {
        return "127.0.0.1:" + httpPort;
    }

    String raftAddr() {
        return "127.0.0.1:" + serverPort;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Waits until this agent's node is in the catalog with its {@code serfHealth} check, which sessions bind to by
     * default: what Consul's own tests wait for before using an agent ({@code testrpc.WaitForTestAgent}).
     */
    AgentProcess awaitRegistered(Duration timeout) throws Exception {
        awaitLeader(timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!get("/v1/health/node/" + node).body().contains("\"serfHealth\"")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("agent " + node + " did not register its serfHealth check within " + timeout
                        + ":\n" + tail());
            }
            Thread.sleep(250);
        }
        return this;
    }

    /** Waits until the HTTP API answers and this agent knows a leader. */
    AgentProcess awaitLeader(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("agent " + node + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> r = get("/v1/status/leader");
                if (r.statusCode() == 200 && r.body().startsWith("\"") && r.body().length() > 2) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("agent " + node + " did not see a leader within " + timeout + ":\n" + tail());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + httpAddr() + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> put(String pathAndQuery, String body) throws IOException, InterruptedException {
        return send("PUT", pathAndQuery, body);
    }

    HttpResponse<String> post(String pathAndQuery, String body) throws IOException, InterruptedException {
        return send("POST", pathAndQuery, body);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body)
            throws IOException, InterruptedException {
        return send(method, pathAndQuery, null, body);
    }

    /** A request as the ACL token {@code token} ({@code null}: none), with {@code body} ({@code null}: none). */
    HttpResponse<String> send(String method, String pathAndQuery, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + httpAddr() + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Consul-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The body of a request that must succeed (200): one that meets a leader election ({@code No cluster leader})
     * is sent again for up to 30 s, as clients do.
     */
    String sendUntilOk(String method, String pathAndQuery, String token, String body) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> r = send(method, pathAndQuery, token, body);
        while (r.statusCode() == 500 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            r = send(method, pathAndQuery, token, body);
        }
        if (r.statusCode() != 200) {
            throw new AssertionError(method + " " + pathAndQuery + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** Sends SIGKILL to the agent's JVM, as {@code kill -9} does. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends a signal by name ({@code STOP}, {@code CONT}) to the agent's JVM, as {@code kill -STOP} does. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /**
     * Sets the agent's limit on the size of a file it writes (its soft {@code RLIMIT_FSIZE}, {@code unlimited} to
     * lift it): a write past it fails as on a full disk, for this process only.
     */
    void limitFileSize(String bytes) throws IOException, InterruptedException {
        Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(process.pid()),
                "--fsize=" + bytes + ":unlimited").inheritIO().start();
        if (prlimit.waitFor() != 0) {
            throw new IOException("prlimit --fsize=" + bytes + " of " + process.pid() + " failed");
        }
    }

    /** Waits for the agent to exit on its own and returns the exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("agent " + node + " still runs after " + timeout + ":\n" + tail());
        }
        return process.exitValue();
    }

    /** Sends SIGTERM and returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("agent " + node + " did not stop within 60 s of SIGTERM:\n" + tail());
        }
        return process.exitValue();
    }

    /** The last lines of the launcher's output and of Karaf's log, for failure messages. */
    String tail() {
        return tail(log()) + "\n--- karaf.log ---\n" + tail(dataDir.resolve("karaf/log/karaf.log"));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            kill();
        }
    }

    /**
     * A loopback port free now (TCP and UDP), below Linux's ephemeral range (32768 and up): one the kernel hands
     * out for {@code bind(0)} can become the local end of an outgoing connection before the agent binds it, and
     * Ratis then ends the agent (seen in CI). Never handed out before in this JVM: agents bind theirs only when
     * they start, so a port chosen for one must not be chosen again for another in the meantime. Test JVMs that
     * run side by side ({@code cairn.it.fork} of {@code cairn.it.forks}, as failsafe numbers its forks) each
     * take their own share of the range, so neither picks a port the other chose but has not bound yet.
     */
    static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(PORTS_FROM, PORTS_TO);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                    DatagramSocket d = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                HANDED_OUT.add(port);
                return s.getLocalPort();
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("No free port found between " + PORTS_FROM + " and "
                + PORTS_TO));
    }
}
