package io.cairn.template.internal.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCommandRunnerTest {
    @TempDir
    Path dir;
    private final List<String> logged = new ArrayList<>();
    private final ProcessCommandRunner runner = new ProcessCommandRunner(new RunnerLog() {
        @Override
        public void info(String message) {
            logged.add(message);
        }

        @Override
        public void warn(String message) {
            logged.add(message);
        }
    }, false);

    @Test
    void runsThroughTheShellAndLogsTheOutputWhenNotPassingItThrough() throws Exception {
        Path marker = dir.resolve("ran");
        runner.run(TemplateSpec.shell("echo hello && touch " + marker), Duration.ofSeconds(30));
        assertTrue(Files.exists(marker));
        assertEquals(List.of("command \"echo hello && touch " + marker + "\" output:\nhello"), logged);
    }

    @Test
    void aFailingCommandIsAnErrorNamingItsExitCode() {
        IOException e = assertThrows(IOException.class,
                () -> runner.run(TemplateSpec.shell("exit 3"), Duration.ofSeconds(30)));
        assertEquals("command \"exit 3\" exited with code 3", e.getMessage());
    }

    @Test
    void aCommandOutlivingItsTimeoutIsKilledWithItsChildren() throws Exception {
        Path pid = dir.resolve("pid");
        IOException e = assertThrows(IOException.class, () -> runner.run(
                TemplateSpec.shell("sleep 60 & echo $! > " + pid + "; wait"), Duration.ofMillis(500)));
        assertTrue(e.getMessage().endsWith("did not finish within 500 ms and was killed"), e.getMessage());
        long sleeper = Long.parseLong(Files.readString(pid).trim());
        var handle = ProcessHandle.of(sleeper);
        if (handle.isPresent()) {
            // Killed at once, not gone only when its 60 s are up.
            handle.get().onExit().get(10, TimeUnit.SECONDS);
        }
    }
}
