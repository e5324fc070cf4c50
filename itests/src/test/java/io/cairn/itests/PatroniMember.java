package io.cairn.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One member of a Patroni cluster, unmodified Debian packages ({@code patroni}, {@code postgresql}): Patroni with
 * Consul as its DCS, its REST API and PostgreSQL on free loopback ports, everything under one directory.
 * <p>
 * PostgreSQL refuses to run as root, so when the test runs as root (CI does) Patroni runs as the {@code postgres}
 * user the {@code postgresql} package creates, through {@code setpriv}; otherwise as the current user. Patroni
 * runs in a session of its own ({@code setsid}) so that {@link #kill()} can end it as a whole; PostgreSQL starts
 * its postmaster in yet another session and each backend in its own, so {@link #kill()} ends those by pid.
 */
final class PatroniMember implements AutoCloseable {
    static final Path PATRONI = Path.of("/usr/bin/patroni");
    static final Path PATRONICTL = Path.of("/usr/bin/patronictl");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    final String name;
    final int restPort = AgentProcess.freePort();
    final int pgPort = AgentProcess.freePort();
    final Path dir;
    private Process process;

    /**
     * A member {@code name} of cluster {@code scope}, with Consul's HTTP API at {@code consulAddr}, in a directory
     * of its own under {@code clusterDir} (which, when the test runs as root, is handed to the postgres user).
     */
    PatroniMember(Path clusterDir, String scope, String name, String consulAddr) throws IOException {
        this.name = name;
        this.dir = clusterDir.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(config(), yaml(scope, consulAddr));
    }

    /**
     * The configuration a user writes: the DCS timings of the bootstrap are short to keep the test short (the
     * leader key's TTL is 20 s, so Patroni asks for 10 s sessions, Consul's minimum; loop_wait + 2 *
     * retry_timeout stays under the TTL, as Patroni requires), pg_rewind lets a killed leader come back as a
     * replica, trust on loopback keeps passwords out of the way.
     */
    private String yaml(String scope, String consulAddr) {
        return """
                scope: %1$s
                name: %2$s
                restapi:
                  listen: 127.0.0.1:%3$d
                  connect_address: 127.0.0.1:%3$d
                consul:
                  host: %4$s
                  register_service: true
                bootstrap:
                  dcs:
                    ttl: 20
                    loop_wait: 2
                    retry_timeout: 5
                    postgresql:
                      use_pg_rewind: true
                      parameters:
                        max_connections: 20
                  initdb:
                    - encoding: UTF8
                    - data-checksums
                postgresql:
                  listen: 127.0.0.1:%5$d
                  connect_address: 127.0.0.1:%5$d
                  data_dir: %6$s/data
                  bin_dir: %7$s
                  pgpass: %6$s/pgpass
                  remove_data_directory_on_rewind_failure: true
                  remove_data_directory_on_diverged_timelines: true
                  authentication:
                    superuser: {username: postgres, password: cairn}
                    replication: {username: replicator, password: cairn}
                  parameters:
                    unix_socket_directories: %6$s
                    shared_buffers: 16MB
                  pg_hba:
                    - local all all trust
                    - host all all 127.0.0.1/32 trust
                    - host replication all 127.0.0.1/32 trust
                """.formatted(scope, name, restPort, consulAddr, pgPort, dir, postgresBinDir());
    }

    /** Starts Patroni (again, after {@link #kill()}: it finds its data dir and rejoins). */
    PatroniMember start() throws IOException, InterruptedException {
        if (!Files.isExecutable(PATRONI)) {
            throw new AssertionError(PATRONI + " is missing: install Debian's patroni, python3-consul and postgresql "
                    + "packages (apt-get install patroni python3-consul postgresql; .ci/run does)");
        }
        if (ROOT) {
            // initdb wants to own the data dir, Patroni writes its config and pgpass beside it.
            run("chown", "-R", "postgres:postgres", dir.getParent().toString());
        }
        List<String> cmd = new ArrayList<>(List.of("setsid"));
        if (ROOT) {
            cmd.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
        }
        cmd.addAll(List.of(PATRONI.toString(), config().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        pb.environment().put("HOME", dir.toString());
        process = pb.start();
        return this;
    }

    /**
     * {@code kill -9} of Patroni's whole process group, and of its PostgreSQL: the postmaster (found through
     * {@code postmaster.pid}) and every process under it.
     */
    void kill() throws IOException, InterruptedException {
        Optional<ProcessHandle> postmaster = postmaster();
        List<ProcessHandle> backends = postmaster.map(p -> p.descendants().toList()).orElse(List.of());
        // Fails only when nothing of the group is left.
        Cli.run(List.of("kill", "-KILL", "--", "-" + process.pid()), null, null);
        postmaster.ifPresent(ProcessHandle::destroyForcibly);
        backends.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle p : backends) {
            p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).join();
        }
        postmaster.ifPresent(p -> p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).join());
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            List<String> pidFile = Files.readAllLines(dir.resolve("data/postmaster.pid"));
            // A stale postmaster.pid (after kill()) may name a pid the system has given to another process since.
            return pidFile.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(pidFile.get(0).trim()))
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        } catch (IOException | NumberFormatException notRunning) {
            return Optional.empty();
        }
    }

    /** The HTTP status of {@code GET path} on Patroni's REST API ({@code /leader}, {@code /replica}), -1 if down. */
    int rest(String path) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException down) {
            return -1;
        }
    }

    boolean isLeader() throws InterruptedException {
        return rest("/leader") == 200;
    }

    boolean isReplica() throws InterruptedException {
        return rest("/replica") == 200;
    }

    /** {@code patronictl list}, as its users read the cluster's state. */
    String patronictlList() throws IOException, InterruptedException {
        Cli.Result list = Cli.run(List.of(PATRONICTL.toString(), "-c", config().toString(), "list"), null, null);
        return list.stdout() + list.stderr();
    }

    /** The last lines of Patroni's output (PostgreSQL's log goes there too), for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return "--- " + name + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log for " + name + ": " + e + ")";
        }
    }

    private Path config() {
        return dir.resolve("patroni.yml");
    }

    private Path log() {
        return dir.resolveSibling(name + ".log");
    }

    /** The newest PostgreSQL's binaries Debian installed ({@code /usr/lib/postgresql/<major>/bin}). */
    static Path postgresBinDir() {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new AssertionError("no PostgreSQL under " + root
                            + ": install Debian's postgresql package (.ci/run does)"));
        } catch (IOException e) {
            throw new AssertionError("no PostgreSQL under " + root
                    + ": install Debian's postgresql package (.ci/run does)", e);
        }
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Cli.Result r = Cli.run(List.of(cmd), null, null);
        if (r.exitCode() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (" + r.exitCode() + "): " + r.stderr());
        }
    }

    /** Kills the member and deletes its PostgreSQL data dir (its log and configuration stay, for diagnosis). */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process != null && (process.isAlive() || postmaster().isPresent())) {
            kill();
        }
        Path data = dir.resolve("data");
        if (Files.isDirectory(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
