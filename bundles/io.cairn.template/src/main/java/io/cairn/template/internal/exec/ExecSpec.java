package io.cairn.template.internal.exec;

import java.time.Duration;
import java.util.List;

/**
 * consul-template's {@code exec} mode: supervise a child that reads the rendered files.
 *
 * @param command      argv of the child
 * @param reloadSignal signal telling the child the files changed (e.g. {@code HUP}); empty to restart it instead
 * @param killSignal   signal asking the child to stop when we stop
 * @param killTimeout  how long the child may take to stop before it is killed
 */
public record ExecSpec(List<String> command, String reloadSignal, String killSignal, Duration killTimeout) {
    /** consul-template's defaults. */
    public static final String DEFAULT_RELOAD_SIGNAL = "HUP";
    public static final String DEFAULT_KILL_SIGNAL = "INT";
    public static final Duration DEFAULT_KILL_TIMEOUT = Duration.ofSeconds(30);

    public ExecSpec {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("exec: the command is empty");
        }
        command = List.copyOf(command);
        reloadSignal = reloadSignal.isEmpty() ? "" : Signals.normalize(reloadSignal);
        killSignal = Signals.normalize(killSignal);
    }

    /**
     * The argv for a command line given as one string: {@code /bin/sh -c "exec <command>"}, so the shell parses it
     * as the user expects and then replaces itself with the command, and our signals reach the command itself
     * rather than a shell that would not pass them on.
     */
    public static List<String> shell(String command) {
        return List.of("/bin/sh", "-c", "exec " + command);
    }
}
