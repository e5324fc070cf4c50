package io.cairn.watch.plan;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import io.cairn.go.lang.GoDuration;

/**
 * One entry of a config file's {@code watches} array, as Consul reads it: the watch parameters plus a script
 * handler ({@code args}, or the older {@code handler} shell line) or an HTTP handler
 * ({@code handler_type: "http"} with {@code http_handler_config} {@code path}, {@code method}, {@code header},
 * {@code timeout}).
 *
 * @param spec    what to watch
 * @param command the script handler's command, empty for an HTTP handler
 * @param target  the HTTP handler's URL, {@code null} for a script handler
 * @param method  the HTTP handler's method
 * @param headers the HTTP handler's extra headers
 * @param timeout the HTTP handler's timeout
 */
public record WatchDefinition(WatchSpec spec, List<String> command, URI target, String method,
        Map<String, List<String>> headers, Duration timeout) {

    private static final Set<String> FIELDS = Set.of("type", "key", "prefix", "service", "tag", "passingonly",
            "state", "name", "datacenter", "token", "stale", "args", "handler", "handler_type",
            "http_handler_config");

    /** The handler this definition asks for; script output goes to {@code log} line by line. */
    public WatchHandler handler(Consumer<String> log) {
        return target == null ? new ScriptHandler(command, log) : new HttpHandler(target, method, headers, timeout);
    }

    /**
     * Reads one {@code watches} entry.
     *
     * @param where names the file and entry in messages
     * @throws IllegalArgumentException saying what is wrong
     */
    public static WatchDefinition parse(JsonNode entry, String where) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException(where + ": a watch must be an object");
        }
        Set<String> unknown = new TreeSet<>();
        entry.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + ": unknown watch field(s) " + unknown + "; accepted are "
                    + new TreeSet<>(FIELDS));
        }
        List<String> tags = new ArrayList<>();
        JsonNode tag = entry.path("tag");
        if (tag.isArray()) {
            tag.forEach(t -> tags.add(t.asText()));
        } else if (tag.isTextual()) {
            tags.add(tag.asText());
        }
        WatchSpec spec;
        try {
            spec = WatchSpec.of(text(entry, "type")).withKey(text(entry, "key")).withPrefix(text(entry, "prefix"))
                    .withService(text(entry, "service")).withTags(tags)
                    .withPassingOnly(entry.path("passingonly").asBoolean(false)).withState(text(entry, "state"))
                    .withName(text(entry, "name")).withDatacenter(text(entry, "datacenter"))
                    .withToken(text(entry, "token")).withStale(entry.path("stale").asBoolean(false)).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        String handlerType = entry.path("handler_type").asText("script");
        if (handlerType.equals("http")) {
            return http(spec, entry.path("http_handler_config"), where);
        }
        if (!handlerType.equals("script")) {
            throw new IllegalArgumentException(where + ": handler_type must be script or http, got " + handlerType);
        }
        List<String> command = new ArrayList<>();
        entry.path("args").forEach(arg -> command.add(arg.asText()));
        if (command.isEmpty() && !text(entry, "handler").isEmpty()) {
            command.addAll(ScriptHandler.shell(text(entry, "handler")));
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException(where + ": a script watch needs \"args\" (or \"handler\")");
        }
        return new WatchDefinition(spec, command, null, "", Map.of(), Duration.ZERO);
    }

    private static WatchDefinition http(WatchSpec spec, JsonNode config, String where) {
        String path = text(config, "path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException(where + ": an http watch needs http_handler_config.path");
        }
        URI target;
        try {
            target = URI.create(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": http_handler_config.path is not a URL: " + path);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        config.path("header").fields().forEachRemaining(field -> {
            List<String> values = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(field.getValue().asText());
            }
            headers.put(field.getKey(), values);
        });
        String method = text(config, "method").isEmpty() ? "POST" : text(config, "method").toUpperCase();
        Duration timeout = duration(text(config, "timeout"), where);
        return new WatchDefinition(spec, List.of(), target, method, headers, timeout);
    }

    /** A positive Go duration; empty means 10 s, Consul's default. */
    static Duration duration(String text, String where) {
        if (text.isEmpty()) {
            return Duration.ofSeconds(10);
        }
        try {
            Duration parsed = GoDuration.parse(text);
            if (!parsed.isZero() && !parsed.isNegative()) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": http_handler_config.timeout \"" + text
                + "\" is not a duration such as 10s or 500ms");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
