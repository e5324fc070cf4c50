package io.cairn.template.internal.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One template to render, with consul-template's per-template settings.
 *
 * @param source         template file, or {@code null} when {@code contents} is given inline
 * @param contents       inline template text, or {@code null} to read {@code source}
 * @param destination    file to write
 * @param command        argv of the command to run after the file changed ({@code /bin/sh -c <command>} for a
 *                       string command); empty for none
 * @param commandTimeout how long the command may run before it is killed
 * @param perms          POSIX permission bits for the file, or {@code null} to keep the existing file's (0644 for a
 *                       new one)
 * @param backup         keep the previous content as {@code <destination>.bak}
 * @param leftDelimiter  action start, {@code {{} by default
 * @param rightDelimiter action end, {@code }}} by default
 * @param quiescence     quiescence ({@code wait}) of this template, or {@code null} for the global one
 */
public record TemplateSpec(Path source, String contents, Path destination, List<String> command,
        Duration commandTimeout, Integer perms, boolean backup, String leftDelimiter, String rightDelimiter,
        WaitSpec quiescence) {

    /** consul-template's default {@code command_timeout}. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(30);

    public TemplateSpec {
        if ((source == null) == (contents == null)) {
            throw new IllegalArgumentException("a template needs exactly one of source and contents");
        }
        if (destination == null) {
            throw new IllegalArgumentException("template " + (source != null ? source : "(inline contents)")
                    + " has no destination");
        }
        command = List.copyOf(command);
    }

    /** A template from a file with every other setting at its default. */
    public static TemplateSpec of(Path source, Path destination, String shellCommand) {
        return new TemplateSpec(source, null, destination, shell(shellCommand), DEFAULT_COMMAND_TIMEOUT, null, false,
                "{{", "}}", null);
    }

    /** The argv that runs {@code command} through {@code /bin/sh -c}; empty for a null or blank command. */
    public static List<String> shell(String command) {
        return command == null || command.isBlank() ? List.of() : List.of("/bin/sh", "-c", command);
    }

    /**
     * Parses the {@code -template} flag: {@code source:destination[:command]}. The command is everything after the
     * second colon, so it may contain colons itself; source and destination may not (no Windows drive letters).
     */
    public static TemplateSpec parseFlag(String value) {
        int first = value.indexOf(':');
        int second = first < 0 ? -1 : value.indexOf(':', first + 1);
        String source = first < 0 ? value : value.substring(0, first);
        String destination = first < 0 ? ""
                : second < 0 ? value.substring(first + 1) : value.substring(first + 1, second);
        String command = second < 0 ? null : value.substring(second + 1);
        if (source.isEmpty() || destination.isEmpty()) {
            throw new IllegalArgumentException("invalid -template \"" + value
                    + "\": expected source:destination or source:destination:command");
        }
        return of(Path.of(source), Path.of(destination), command);
    }

    /** How messages name this template: its source file, or its destination for inline contents. */
    public String name() {
        return source != null ? source.toString() : "(inline) " + destination;
    }
}
