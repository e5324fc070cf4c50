package io.cairn.check.docker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerCheckerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private FakeDockerEngine engine;
    private DockerChecker checker;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        engine = new FakeDockerEngine(dir);
        checker = new DockerChecker("unix://" + engine.socket);
    }

    @AfterEach
    void stop() throws IOException {
        checker.close();
        engine.close();
    }

    private CheckResult run(String container, List<String> command, int limit) {
        return checker.run(container, command, TIMEOUT, limit).join();
    }

    @Test
    void runsTheCommandInTheContainerAndMapsTheExitCode() {
        engine.container("web", new FakeDockerEngine.Container("ok\n", "note\n", 0));
        engine.container("slow", new FakeDockerEngine.Container("slow\n", "", 1));
        engine.container("db", new FakeDockerEngine.Container("", "no connection\n", 2));
        assertEquals(CheckResult.passing("ok\nnote\n"), run("web", List.of("/bin/check", "-q"), 4096));
        assertEquals(CheckResult.warning("slow\n"), run("slow", List.of("check"), 4096));
        assertEquals(CheckResult.critical("no connection\n"), run("db", List.of("check"), 4096));
        assertEquals(List.of(
                "POST /containers/web/exec {\"AttachStdin\":false,\"AttachStdout\":true,\"AttachStderr\":true,"
                        + "\"Tty\":false,\"Cmd\":[\"/bin/check\",\"-q\"]}",
                "POST /exec/exec1/start {\"Detach\":false,\"Tty\":false}",
                "GET /exec/exec1/json"), engine.requests.subList(0, 3));
    }

    @Test
    void anUnknownContainerIsCritical() {
        CheckResult result = run("gone", List.of("check"), 4096);
        assertEquals(CheckResult.critical("create exec failed for unknown container gone"), result);
    }

    @Test
    void longOutputKeepsItsEnd() {
        engine.container("web", new FakeDockerEngine.Container("x".repeat(100_000), "end", 0));
        CheckResult result = run("web", List.of("check"), 10);
        assertEquals(CheckResult.passing("Captured 10 of 100003 bytes\n...\nxxxxxxxend"), result);
    }

    @Test
    void noEngineIsCritical(@TempDir Path empty) {
        try (DockerChecker nowhere = new DockerChecker("unix://" + empty.resolve("docker.sock"))) {
            CheckResult result = nowhere.run("web", List.of("check"), TIMEOUT, 4096).join();
            assertEquals(CheckStatus.CRITICAL, result.status());
            assertTrue(result.output().startsWith("create exec failed for container web: Docker engine at unix://"),
                    result.output());
        }
    }

    @Test
    void aRunThatOutlastsItsTimeoutIsCritical() {
        engine.container("hang", new FakeDockerEngine.Container("late", "", 0));
        CheckResult result = checker.run("hang", List.of("check"), Duration.ofMillis(300), 4096).join();
        assertEquals(CheckResult.critical("Timed out (300ms) running check"), result);
    }

    @Test
    void aShellRunsTheArgumentsAsOneCommandLine() {
        CheckDefinition args = CheckDefinition.builder().dockerContainerId("web").shell("/bin/bash")
                .args(List.of("/bin/check", "-q")).build();
        assertEquals(List.of("/bin/bash", "-c", "/bin/check -q"), DockerChecker.command(args));
        CheckDefinition script = CheckDefinition.fromMap(
                Map.of("DockerContainerID", "web", "Shell", "/bin/bash", "Script", "curl -f localhost"));
        assertEquals(List.of("/bin/bash", "-c", "curl -f localhost"), DockerChecker.command(script));
        assertEquals(List.of("/bin/check"), DockerChecker.command(
                CheckDefinition.builder().dockerContainerId("web").args(List.of("/bin/check")).build()));
    }

    @Test
    void theDockerHostIsReadLikeDockerHost() {
        assertEquals("/run/user/1000/docker.sock",
                EngineClient.address("unix:///run/user/1000/docker.sock").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineClient.address("/var/run/docker.sock"));
        assertTrue(e.getMessage().startsWith("docker.host must be unix:///path/to/docker.sock or tcp://host:port"));
    }
}
