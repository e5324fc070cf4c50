package io.cairn.watch.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs a command for each change with the data as JSON on stdin and {@code CONSUL_INDEX} (and
 * {@code CAIRN_INDEX}) in the environment, waiting for it to finish, as Consul's script handlers do.
 */
public final class ScriptHandler implements WatchHandler {
    private final List<String> command;
    private final Consumer<String> output;

    /**
     * @param command the program and its arguments (use {@link #shell} for a shell command line)
     * @param output  receives the command's stdout and stderr line by line; {@code null} to let the command
     *                write to this process's own stdout and stderr
     */
    public ScriptHandler(List<String> command, Consumer<String> output) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("A script handler needs a command");
        }
        this.command = List.copyOf(command);
        this.output = output;
    }

    /** The command that runs {@code line} with {@code /bin/sh -c}. */
    public static List<String> shell(String line) {
        return List.of("/bin/sh", "-c", line);
    }

    @Override
    public void handle(long index, JsonNode data) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (output == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        } else {
            builder.redirectErrorStream(true);
        }
        builder.environment().put("CONSUL_INDEX", Long.toUnsignedString(index));
        builder.environment().put("CAIRN_INDEX", Long.toUnsignedString(index));
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(WatchJson.forHandler(data));
        } catch (IOException e) {
            // The handler may exit without reading its input; that is its choice.
        }
        if (output != null) {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output);
            }
        }
        int code = process.waitFor();
        if (code != 0) {
            throw new IOException("handler " + String.join(" ", command) + " exited with " + code);
        }
    }
}
