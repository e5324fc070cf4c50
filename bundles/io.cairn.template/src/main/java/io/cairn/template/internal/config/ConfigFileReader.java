package io.cairn.template.internal.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.go.lang.GoDuration;
import io.cairn.template.internal.exec.ExecSpec;
import io.cairn.template.internal.exec.Signals;
import io.cairn.template.internal.runner.TemplateSpec;
import io.cairn.template.internal.runner.WaitSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads consul-template's configuration in its JSON form (what its HCL files become as JSON): {@code consul}
 * ({@code address}, {@code token}, {@code retry}, {@code ssl}), {@code wait}, {@code block_query_wait},
 * {@code template} (one object or a list) and {@code exec}. consul-template settings that have no meaning here
 * ({@code log_level}, {@code vault}, ...) are skipped with a warning; any other key is an error, so typos do not go
 * unnoticed.
 */
public final class ConfigFileReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("consul", "wait", "block_query_wait", "template", "exec");
    private static final Set<String> SKIPPED = Set.of("log_level", "log_file", "syslog", "pid_file", "max_stale",
            "kill_signal", "reload_signal", "vault", "dedup", "default_delimiters", "nomad", "once", "ssl");
    private static final Set<String> CONSUL = Set.of("address", "token", "retry", "ssl", "auth", "transport",
            "namespace");
    private static final Set<String> RETRY = Set.of("enabled", "attempts", "backoff", "max_backoff");
    private static final Set<String> SSL = Set.of("enabled", "verify", "cert", "key", "ca_cert", "ca_path",
            "server_name");
    private static final Set<String> TEMPLATE = Set.of("source", "destination", "contents", "command",
            "command_timeout", "perms", "backup", "left_delimiter", "right_delimiter", "wait", "create_dest_dirs",
            "error_on_missing_key");
    private static final Set<String> EXEC = Set.of("command", "reload_signal", "kill_signal", "kill_timeout",
            "enabled", "splay", "env");

    private ConfigFileReader() {}

    /** Applies the settings of config file {@code file} (or of every {@code *.json} in a directory) to {@code into}. */
    public static void read(Path file, TemplateSettings into, Consumer<String> warnings) throws ConfigException {
        if (Files.isDirectory(file)) {
            try (var entries = Files.list(file)) {
                for (Path entry : entries.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    read(entry, into, warnings);
                }
            } catch (IOException e) {
                throw new ConfigException("config dir " + file + ": cannot list it (" + e.getMessage() + ")");
            }
            return;
        }
        String where = "config file " + file;
        if (file.toString().endsWith(".hcl")) {
            throw new ConfigException(where + ": HCL is not supported, write the configuration as JSON "
                    + "(same keys, e.g. {\"template\": [{\"source\": \"in.tpl\", \"destination\": \"out\"}]})");
        }
        JsonNode root = parse(file, where);
        for (Map.Entry<String, JsonNode> field : fields(root, where)) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            String at = where + ", field \"" + key + "\"";
            switch (key) {
                case "consul" -> consul(value, at, into, warnings);
                case "wait" -> into.wait(wait(value, at));
                case "block_query_wait" -> into.blockQueryWait(duration(value, at));
                case "template" -> templates(value, at, null).forEach(into::addTemplate);
                case "exec" -> exec(value, at, into, warnings);
                default -> {
                    if (!SKIPPED.contains(key)) {
                        throw unknown(where, key, TOP);
                    }
                    warnings.accept(at + ": not supported by cairn template, ignored");
                }
            }
        }
    }

    /**
     * The template stanzas of a {@code template} value: one object or a list of them.
     *
     * @param baseDir resolve relative source and destination paths against this, or {@code null} to keep them
     *                relative to the working directory
     */
    public static List<TemplateSpec> templates(JsonNode value, String where, Path baseDir) throws ConfigException {
        List<TemplateSpec> specs = new ArrayList<>();
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                specs.add(template(value.get(i), where + "[" + i + "]", baseDir));
            }
        } else {
            specs.add(template(value, where, baseDir));
        }
        return specs;
    }

    private static TemplateSpec template(JsonNode node, String where, Path baseDir) throws ConfigException {
        Path source = null;
        String contents = null;
        Path destination = null;
        List<String> command = List.of();
        Duration timeout = TemplateSpec.DEFAULT_COMMAND_TIMEOUT;
        Integer perms = null;
        boolean backup = false;
        String left = "{{";
        String right = "}}";
        WaitSpec templateWait = null;
        for (Map.Entry<String, JsonNode> field : fields(node, where)) {
            String at = where + "." + field.getKey();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "source" -> source = path(text(value, at), baseDir);
                case "contents" -> contents = text(value, at);
                case "destination" -> destination = path(text(value, at), baseDir);
                case "command" -> command = command(value, at, false);
                case "command_timeout" -> timeout = duration(value, at);
                case "perms" -> perms = perms(value, at);
                case "backup" -> backup = bool(value, at);
                case "left_delimiter" -> left = text(value, at);
                case "right_delimiter" -> right = text(value, at);
                case "wait" -> templateWait = wait(value, at);
                case "create_dest_dirs", "error_on_missing_key" -> bool(value, at);
                default -> throw unknown(where, field.getKey(), TEMPLATE);
            }
        }
        if (source != null && contents != null) {
            throw new ConfigException(where + ": set either source or contents, not both");
        }
        if (source == null && contents == null) {
            throw new ConfigException(where + ": missing source (a template file) or contents (inline template)");
        }
        if (destination == null) {
            throw new ConfigException(where + ": missing destination");
        }
        if (left.isEmpty() || right.isEmpty()) {
            throw new ConfigException(where + ": delimiters must not be empty");
        }
        return new TemplateSpec(source, contents, destination, command, timeout, perms, backup, left, right,
                templateWait);
    }

    private static void consul(JsonNode node, String where, TemplateSettings into, Consumer<String> warnings)
            throws ConfigException {
        for (Map.Entry<String, JsonNode> field : fields(node, where)) {
            String at = where + "." + field.getKey();
            switch (field.getKey()) {
                case "address" -> into.consulAddress(text(field.getValue(), at));
                case "token" -> into.consulToken(text(field.getValue(), at));
                case "retry" -> retry(field.getValue(), at, into);
                case "ssl" -> into.ssl(ssl(field.getValue(), at, null));
                default -> {
                    if (!CONSUL.contains(field.getKey())) {
                        throw unknown(where, field.getKey(), CONSUL);
                    }
                    warnings.accept(at + ": not supported by cairn template, ignored");
                }
            }
        }
    }

    /**
     * The settings of a {@code consul.ssl} object.
     *
     * @param baseDir resolve relative file names against this, or {@code null} to keep them relative to the
     *                working directory
     */
    public static SslSettings ssl(JsonNode node, String where, Path baseDir) throws ConfigException {
        Boolean enabled = null;
        Boolean verify = null;
        Path cert = null;
        Path key = null;
        Path caCert = null;
        Path caPath = null;
        String serverName = null;
        for (Map.Entry<String, JsonNode> field : fields(node, where)) {
            String at = where + "." + field.getKey();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "enabled" -> enabled = bool(value, at);
                case "verify" -> verify = bool(value, at);
                case "cert" -> cert = path(text(value, at), baseDir);
                case "key" -> key = path(text(value, at), baseDir);
                case "ca_cert" -> caCert = path(text(value, at), baseDir);
                case "ca_path" -> caPath = path(text(value, at), baseDir);
                case "server_name" -> serverName = text(value, at);
                default -> throw unknown(where, field.getKey(), SSL);
            }
        }
        return new SslSettings(enabled, verify, cert, key, caCert, caPath, serverName);
    }

    private static void retry(JsonNode node, String where, TemplateSettings into) throws ConfigException {
        for (Map.Entry<String, JsonNode> field : fields(node, where)) {
            String at = where + "." + field.getKey();
            switch (field.getKey()) {
                case "enabled" -> into.retryEnabled(bool(field.getValue(), at));
                case "attempts" -> into.retryAttempts(integer(field.getValue(), at));
                case "backoff" -> into.retryBackoff(duration(field.getValue(), at));
                case "max_backoff" -> into.retryMaxBackoff(duration(field.getValue(), at));
                default -> throw unknown(where, field.getKey(), RETRY);
            }
        }
    }

    private static void exec(JsonNode node, String where, TemplateSettings into, Consumer<String> warnings)
            throws ConfigException {
        for (Map.Entry<String, JsonNode> field : fields(node, where)) {
            String at = where + "." + field.getKey();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "command" -> into.execCommand(command(value, at, true));
                case "reload_signal" -> into.execReloadSignal(signal(value, at, true));
                case "kill_signal" -> into.execKillSignal(signal(value, at, false));
                case "kill_timeout" -> into.execKillTimeout(duration(value, at));
                default -> {
                    if (!EXEC.contains(field.getKey())) {
                        throw unknown(where, field.getKey(), EXEC);
                    }
                    warnings.accept(at + ": not supported by cairn template, ignored");
                }
            }
        }
    }

    /** A command: a string run by {@code /bin/sh -c}, or a list of strings run as it is. */
    private static List<String> command(JsonNode value, String where, boolean exec) throws ConfigException {
        if (value.isTextual()) {
            String command = value.asText();
            if (command.isBlank()) {
                return List.of();
            }
            return exec ? ExecSpec.shell(command) : TemplateSpec.shell(command);
        }
        if (value.isArray()) {
            List<String> argv = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                argv.add(text(value.get(i), where + "[" + i + "]"));
            }
            return argv;
        }
        throw new ConfigException(where + ": expected a command string or a list of strings, got " + value);
    }

    private static String signal(JsonNode value, String where, boolean emptyAllowed) throws ConfigException {
        String name = text(value, where);
        if (emptyAllowed && name.isEmpty()) {
            return name;
        }
        try {
            return Signals.normalize(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }

    /** {@code "5s:10s"}, {@code "5s"} or {@code {"min": "5s", "max": "10s"}}. */
    private static WaitSpec wait(JsonNode value, String where) throws ConfigException {
        try {
            if (value.isTextual()) {
                return WaitSpec.parse(value.asText());
            }
            if (value.isObject()) {
                Duration min = Duration.ZERO;
                Duration max = null;
                for (Map.Entry<String, JsonNode> field : fields(value, where)) {
                    switch (field.getKey()) {
                        case "min" -> min = duration(field.getValue(), where + ".min");
                        case "max" -> max = duration(field.getValue(), where + ".max");
                        case "enabled" -> bool(field.getValue(), where + ".enabled");
                        default -> throw unknown(where, field.getKey(), Set.of("min", "max"));
                    }
                }
                return new WaitSpec(min, max != null ? max : min.multipliedBy(4));
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
        throw new ConfigException(where + ": expected \"min:max\" such as \"5s:10s\" or {\"min\": \"5s\", \"max\": "
                + "\"10s\"}, got " + value);
    }

    /** File mode: an octal string ({@code "0640"}) or a number (its decimal value, as in consul-template). */
    private static Integer perms(JsonNode value, String where) throws ConfigException {
        try {
            int bits = value.isTextual() ? Integer.parseInt(value.asText(), 8) : value.isInt() ? value.asInt() : -1;
            if (bits >= 0 && bits <= 07777) {
                return bits;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(where + ": expected permissions as an octal string such as \"0644\", got " + value);
    }

    private static Duration duration(JsonNode value, String where) throws ConfigException {
        if (value.isIntegralNumber()) {
            return Duration.ofNanos(value.asLong());
        }
        try {
            return GoDuration.parse(text(value, where));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode value, String where) throws ConfigException {
        if (!value.isTextual()) {
            throw new ConfigException(where + ": expected a string, got " + value);
        }
        return value.asText();
    }

    private static boolean bool(JsonNode value, String where) throws ConfigException {
        if (!value.isBoolean()) {
            throw new ConfigException(where + ": expected true or false, got " + value);
        }
        return value.asBoolean();
    }

    private static int integer(JsonNode value, String where) throws ConfigException {
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new ConfigException(where + ": expected a whole number, got " + value);
        }
        return value.asInt();
    }

    private static Path path(String value, Path baseDir) {
        Path path = Path.of(value);
        return baseDir == null || path.isAbsolute() ? path : baseDir.resolve(path);
    }

    private static JsonNode parse(Path file, String where) throws ConfigException {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ConfigException(where + ": invalid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot read it (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
    }

    static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node, String where) throws ConfigException {
        if (node == null || !node.isObject()) {
            throw new ConfigException(where + ": expected a JSON object, got " + node);
        }
        return node::fields;
    }

    private static ConfigException unknown(String where, String key, Set<String> known) {
        return new ConfigException(where + ": unknown field \"" + key + "\"; accepted fields are "
                + String.join(", ", new TreeSet<>(known)));
    }
}
