package io.cairn.check.docker.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.net.URLEncoder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.GoDuration;
import io.cairn.health.api.OutputTail;

/**
 * Consul's Docker check: runs a command inside a running container through the Docker Engine API (create an
 * exec, start it and read its output, inspect it for the exit code) and maps the exit code like a script check:
 * 0 is passing, 1 is warning, anything else critical. Output is the command's stdout and stderr combined, of
 * which the last {@code OutputMaxSize} bytes are kept. Failures talking to the engine are critical, with
 * Consul's wording ({@code create exec failed for unknown container web}, ...).
 *
 * <p>The engine calls block, so they run on this checker's own threads. A run that outlasts its timeout, or that
 * the health-check engine cancels, has its connection closed; the command itself may go on inside the
 * container, as with Consul.
 */
final class DockerChecker implements AutoCloseable {

    /** The most of a JSON answer or an error message read from the engine. */
    private static final int JSON_LIMIT = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Output comes back on the start call's connection, stdout and stderr multiplexed (no TTY). */
    private static final byte[] START_EXEC = "{\"Detach\":false,\"Tty\":false}".getBytes(StandardCharsets.UTF_8);

    private final EngineClient engine;
    private final String dockerHost;
    private final ExecutorService io;

    DockerChecker(String dockerHost) {
        SocketAddress address = EngineClient.address(dockerHost);
        this.engine = new EngineClient(address);
        this.dockerHost = dockerHost;
        AtomicInteger threads = new AtomicInteger();
        io = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "cairn-check-docker-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The command a definition runs in its container: {@code Args} as they are, or with a {@code Shell}, the
     * arguments joined into one command line run by {@code <Shell> -c}. A legacy {@code Script}, which arrives
     * as {@code /bin/sh -c <script>}, then runs in that shell instead of {@code /bin/sh}, as in Consul.
     */
    static List<String> command(CheckDefinition definition) {
        List<String> args = definition.args();
        if (definition.shell().isEmpty()) {
            return args;
        }
        boolean legacyScript = args.size() == 3 && args.get(0).equals("/bin/sh") && args.get(1).equals("-c");
        return List.of(definition.shell(), "-c", legacyScript ? args.get(2) : String.join(" ", args));
    }

    CompletableFuture<CheckResult> run(String containerId, List<String> command, Duration timeout, int outputLimit) {
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
        Consumer<SocketChannel> track = channel -> {
            connections.add(channel);
            if (result.isDone()) {
                closeQuietly(channel); // Timed out or cancelled while this call was being set up.
            }
        };
        // However the run ends, a connection still open (a timeout, a cancellation) is closed, unblocking its reader.
        result.whenComplete((done, failure) -> connections.forEach(DockerChecker::closeQuietly));
        try {
            io.execute(() -> {
                try {
                    result.complete(exec(containerId, command, new OutputTail(outputLimit), track));
                } catch (EngineError e) {
                    result.complete(CheckResult.critical(e.getMessage()));
                }
            });
        } catch (RejectedExecutionException e) {
            result.complete(CheckResult.critical("Docker checks are shutting down"));
        }
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() -> result.complete(
                CheckResult.critical("Timed out (" + GoDuration.format(timeout) + ") running check")));
        return result;
    }

    private CheckResult exec(String containerId, List<String> command, OutputTail output,
            Consumer<SocketChannel> track) throws EngineError {
        String execId = createExec(containerId, command, track);
        startExec(containerId, execId, output, track);
        int exitCode = inspectExec(containerId, execId, track);
        String text = output.text();
        return switch (exitCode) {
            case 0 -> CheckResult.passing(text);
            case 1 -> CheckResult.warning(text);
            default -> CheckResult.critical(text);
        };
    }

    private String createExec(String containerId, List<String> command, Consumer<SocketChannel> track)
            throws EngineError {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("AttachStdin", false);
        request.put("AttachStdout", true);
        request.put("AttachStderr", true);
        request.put("Tty", false);
        request.put("Cmd", command);
        String failed = "create exec failed for container " + containerId;
        try (EngineClient.Response response = engine.send("POST", "/containers/" + escape(containerId) + "/exec",
                JSON.writeValueAsBytes(request), track)) {
            switch (response.status()) {
                case 201 -> {
                    String execId = JSON.readTree(response.text(JSON_LIMIT)).path("Id").asText("");
                    if (execId.isEmpty()) {
                        throw new EngineError(failed + ": the engine returned no exec ID");
                    }
                    return execId;
                }
                case 404 -> throw new EngineError("create exec failed for unknown container " + containerId);
                case 409 -> throw new EngineError("create exec failed since container " + containerId
                        + " is paused or stopped");
                default -> throw new EngineError(failed + " with status " + response.status() + ": "
                        + response.text(JSON_LIMIT).trim());
            }
        } catch (IOException e) {
            throw new EngineError(failed + ": " + describe(e));
        }
    }

    private void startExec(String containerId, String execId, OutputTail output, Consumer<SocketChannel> track)
            throws EngineError {
        String failed = "start exec failed for container " + containerId;
        try (EngineClient.Response response = engine.send("POST", "/exec/" + escape(execId) + "/start",
                START_EXEC, track)) {
            switch (response.status()) {
                case 200 -> demultiplex(response.body(), output);
                case 404 -> throw new EngineError(failed + ": invalid exec id " + execId);
                case 409 -> throw new EngineError("start exec failed since container " + containerId
                        + " is paused or stopped");
                default -> throw new EngineError(failed + " with status " + response.status() + ": "
                        + response.text(JSON_LIMIT).trim());
            }
        } catch (IOException e) {
            throw new EngineError(failed + ": " + describe(e));
        }
    }

    private int inspectExec(String containerId, String execId, Consumer<SocketChannel> track) throws EngineError {
        String failed = "inspect exec failed for container " + containerId;
        try (EngineClient.Response response = engine.send("GET", "/exec/" + escape(execId) + "/json", null, track)) {
            switch (response.status()) {
                case 200 -> {
                    JsonNode exitCode = JSON.readTree(response.text(JSON_LIMIT)).path("ExitCode");
                    if (!exitCode.canConvertToInt()) {
                        throw new EngineError(failed + ": the engine reported no exit code");
                    }
                    return exitCode.asInt();
                }
                case 404 -> throw new EngineError(failed + ": invalid exec id " + execId);
                default -> throw new EngineError(failed + " with status " + response.status() + ": "
                        + response.text(JSON_LIMIT).trim());
            }
        } catch (IOException e) {
            throw new EngineError(failed + ": " + describe(e));
        }
    }

    /**
     * Copies the payloads of the engine's multiplexed stream (frames of an 8-byte header: stream type, three zero
     * bytes, big-endian payload length) into {@code output}, stdout and stderr alike, until the stream ends.
     */
    static void demultiplex(InputStream in, OutputTail output) throws IOException {
        byte[] buffer = new byte[8192];
        for (byte[] header = in.readNBytes(8); header.length > 0; header = in.readNBytes(8)) {
            if (header.length < 8) {
                throw new IOException("output stream ended inside a frame header");
            }
            long remaining = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
                    | (header[7] & 0xff);
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new IOException("output stream ended inside a frame");
                }
                output.write(buffer, 0, n);
                remaining -= n;
            }
        }
    }

    private String describe(IOException e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        return "Docker engine at " + dockerHost + ": " + message;
    }

    private static String escape(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a connection the run no longer needs cannot fail in a way that matters.
        }
    }

    /** Stops the threads; connections of runs still going are closed as their timeouts pass. */
    @Override
    public void close() {
        io.shutdownNow();
    }

    /** A failure talking to the engine, with the message the check reports. */
    private static final class EngineError extends Exception {
        private static final long serialVersionUID = 1L;

        EngineError(String message) {
            super(message, null, false, false);
        }
    }
}
