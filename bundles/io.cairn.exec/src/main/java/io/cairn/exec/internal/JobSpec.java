package io.cairn.exec.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A remote-exec job as {@code cairn exec} (and {@code consul exec}) stores it: {@code Command} (a shell line),
 * {@code Args} (a program and its arguments) or {@code Script} (base64, run as a file), and {@code Wait}, the
 * nanoseconds after which a silent job sends a heartbeat.
 */
record JobSpec(String command, List<String> args, byte[] script, Duration heartbeat) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(2);

    static JobSpec parse(byte[] json) throws IOException {
        JsonNode spec = JSON.readTree(json);
        if (spec == null || !spec.isObject()) {
            throw new IOException("job spec is not a JSON object");
        }
        List<String> args = new ArrayList<>();
        spec.path("Args").forEach(arg -> args.add(arg.asText()));
        byte[] script = spec.path("Script").isTextual() ? Base64.getDecoder().decode(spec.path("Script").asText())
                : new byte[0];
        long waitNanos = spec.path("Wait").asLong(0);
        return new JobSpec(spec.path("Command").asText(""), args, script,
                waitNanos > 0 ? Duration.ofNanos(waitNanos) : DEFAULT_WAIT);
    }

    /** Event payload of a {@code _rexec} event: where the job lives. */
    record Location(String prefix, String session) {

        static Location parse(byte[] payload) throws IOException {
            JsonNode event = JSON.readTree(payload);
            if (event == null || event.path("Session").asText("").isEmpty()) {
                throw new IOException("remote exec event without a session");
            }
            return new Location(event.path("Prefix").asText("_rexec"), event.path("Session").asText());
        }

        String key(String... parts) {
            return prefix + "/" + session + "/" + String.join("/", parts);
        }
    }
}
