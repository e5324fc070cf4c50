package io.cairn.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.rules.ExternalResource;

/**
 * Three server agents on free ports that form one Raft group the way users do it, with
 * {@code -bootstrap-expect 3} and a {@code -retry-join} to each other server. As a {@code @Rule} it prepares
 * them before each test (which calls {@link #start()}), and after it kills whatever still runs and deletes their
 * directory.
 */
final class ThreeServerCluster extends ExternalResource {
    private final String dirPrefix;
    private final List<String> names;
    private final List<AgentProcess> servers = new ArrayList<>();
    private Path dir;

    /** Three servers named {@code names}, their data in a new temporary directory named after {@code dirPrefix}. */
    ThreeServerCluster(String dirPrefix, String... names) {
        this.dirPrefix = dirPrefix;
        this.names = List.of(names);
    }

    @Override
    protected void before() throws Exception {
        dir = Files.createTempDirectory(dirPrefix);
        for (String node : names) {
            servers.add(new AgentProcess(node, dir.resolve(node)));
        }
        for (AgentProcess s : servers) {
            List<String> args = new ArrayList<>(List.of("-server", "-bootstrap-expect", "3", "-bind", "127.0.0.1"));
            for (AgentProcess other : servers) {
                if (other != s) {
                    args.add("-retry-join");
                    args.add("127.0.0.1:" + other.serfLanPort);
                }
            }
            s.withArgs(args);
        }
    }

    /** Starts every server and waits until each one knows the leader. */
    ThreeServerCluster start() throws Exception {
        for (AgentProcess s : servers) {
            s.start();
        }
        for (AgentProcess s : servers) {
            s.awaitLeader(Duration.ofSeconds(180));
        }
        return this;
    }

    List<AgentProcess> servers() {
        return servers;
    }

    /** The Raft address of the leader, as the first server reports it. */
    String leaderAddr() throws Exception {
        return strip(servers.get(0).get("/v1/status/leader").body());
    }

    /** The server whose Raft address is {@code leaderAddr}. */
    AgentProcess server(String leaderAddr) {
        return servers.stream().filter(s -> s.raftAddr().equals(leaderAddr)).findFirst()
                .orElseThrow(() -> new AssertionError("leader " + leaderAddr + " is none of the servers"));
    }

    /** Every server but {@code leader}. */
    List<AgentProcess> followers(AgentProcess leader) {
        return servers.stream().filter(s -> s != leader).toList();
    }

    /**
     * Asks {@code asked} for the leader until it names one other than {@code oldLeaderAddr}, for up to a minute;
     * returns the last answer ({@code ""} or the old leader if none came).
     */
    static String awaitNewLeader(AgentProcess asked, String oldLeaderAddr) throws Exception {
        String newLeader = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            newLeader = strip(asked.get("/v1/status/leader").body());
            if (!newLeader.isEmpty() && !newLeader.equals(oldLeaderAddr)) {
                break;
            }
            Thread.sleep(200);
        }
        return newLeader;
    }

    /** A JSON string's content ({@code /v1/status/leader} answers {@code "ip:port"}). */
    static String strip(String json) {
        return json.trim().replace("\"", "");
    }

    /** Kills whatever still runs, then deletes the servers' data and logs. */
    @Override
    protected void after() {
        for (AgentProcess s : servers) {
            try {
                s.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
