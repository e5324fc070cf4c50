package io.cairn.template.internal.runner;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as processes. On the command line their output passes through to ours, as with consul-template;
 * inside the agent, which has no terminal, it goes to the log. A command that outlives its timeout is killed with
 * its descendants.
 */
public final class ProcessCommandRunner implements CommandRunner {
    private final RunnerLog log;
    private final boolean inheritOutput;

    /**
     * @param inheritOutput pass the command's stdout/stderr through to this process's; otherwise log them
     */
    public ProcessCommandRunner(RunnerLog log, boolean inheritOutput) {
        this.log = log;
        this.inheritOutput = inheritOutput;
    }

    @Override
    public void run(List<String> argv, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File(
                "/dev/null")));
        File output = null;
        if (inheritOutput) {
            builder.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        } else {
            output = File.createTempFile("cairn-template-command", ".out");
            builder.redirectErrorStream(true).redirectOutput(output);
        }
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("command " + describe(argv) + " did not finish within " + timeout.toMillis()
                        + " ms and was killed");
            }
            if (output != null && output.length() > 0) {
                log.info("command " + describe(argv) + " output:\n" + Files.readString(output.toPath(),
                        StandardCharsets.UTF_8).stripTrailing());
            }
            if (process.exitValue() != 0) {
                throw new IOException("command " + describe(argv) + " exited with code " + process.exitValue());
            }
        } finally {
            if (output != null) {
                Files.deleteIfExists(output.toPath());
            }
        }
    }

    /** The command as the user wrote it: the shell command itself for {@code /bin/sh -c <command>}. */
    static String describe(List<String> argv) {
        boolean shell = argv.size() == 3 && argv.get(0).equals("/bin/sh") && argv.get(1).equals("-c");
        return "\"" + (shell ? argv.get(2) : String.join(" ", argv)) + "\"";
    }
}
