package io.cairn.agent.definitions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.cairn.health.api.CheckDefinition;

/**
 * Reads one check object and applies Consul's rules and derived values. The values are collected under their
 * API names ({@code CheckID}, {@code HTTP}, {@code Args}...), checked, and decoded by
 * {@link CheckDefinition#fromMap(Map)}, which keeps the fields it does not model ({@code UDP}, {@code OSService},
 * {@code H2PING}...) in {@link CheckDefinition#extra()}.
 */
final class CheckReader {
    private static final Set<String> STATUSES = Set.of("passing", "warning", "critical");
    /** The fields whose checks are polled, hence need an interval (Consul's "Interval must be > 0" rule). */
    private static final List<String> POLLED = List.of("Args", "Script", "HTTP", "TCP", "UDP", "GRPC", "H2PING",
            "DockerContainerID", "OSService");

    private CheckReader() {
    }

    /**
     * A check of service {@code service} at position {@code position} (0-based) of its {@code count} checks:
     * ID {@code service:<id>} or {@code service:<id>:<n>}, name {@code Service '<name>' check}, its service ID.
     */
    static CheckDefinition serviceCheck(JsonNode node, Where where, String serviceId, String serviceName,
            int position, int count) throws DefinitionException {
        Map<String, Object> fields = fields(node, where);
        String defaultId = "service:" + serviceId + (count > 1 ? ":" + (position + 1) : "");
        fields.merge("CheckID", defaultId, (given, derived) -> ((String) given).isEmpty() ? derived : given);
        fields.merge("Name", "Service '" + serviceName + "' check",
                (given, derived) -> ((String) given).isEmpty() ? derived : given);
        fields.put("ServiceID", serviceId);
        return definition(fields, where);
    }

    /** A check outside any service: the name is required and the ID defaults to it. */
    static CheckDefinition nodeCheck(JsonNode node, Where where) throws DefinitionException {
        Map<String, Object> fields = fields(node, where);
        if (((String) fields.getOrDefault("Name", "")).isEmpty()) {
            throw where.missing("name", "Missing check name");
        }
        fields.merge("CheckID", fields.get("Name"), (given, derived) -> ((String) given).isEmpty() ? derived : given);
        return definition(fields, where);
    }

    private static Map<String, Object> fields(JsonNode node, Where where) throws DefinitionException {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : JsonValues.object(node, where)) {
            if (entry.getValue().isNull()) {
                continue;
            }
            Where at = where.field(entry.getKey());
            FieldTable.Field field = FieldTable.CHECK.lookup(entry.getKey(), where).orElse(null);
            if (field == null || field.apiName().equals("Token")) {
                continue;
            }
            JsonNode value = entry.getValue();
            Object parsed = switch (field.kind()) {
                case TEXT -> JsonValues.text(value, at);
                case BOOL -> JsonValues.bool(value, at);
                case INT -> nonNegative(JsonValues.integer(value, at), at);
                case DURATION -> JsonValues.duration(value, at).toNanos();
                case STRINGS -> JsonValues.strings(value, at);
                case HEADER -> JsonValues.header(value, at);
                default -> throw new IllegalStateException(field.kind().name());
            };
            if (field.apiName().equals("Status") && !((String) parsed).isEmpty() && !STATUSES.contains(parsed)) {
                throw at.fail("invalid status \"" + parsed + "\" (use passing, warning or critical)");
            }
            fields.put(field.apiName(), parsed);
        }
        return fields;
    }

    private static CheckDefinition definition(Map<String, Object> fields, Where where) throws DefinitionException {
        CheckDefinition definition;
        try {
            definition = CheckDefinition.fromMap(fields);
        } catch (IllegalArgumentException e) {
            throw where.fail(e.getMessage());
        }
        boolean polled = POLLED.stream().anyMatch(name -> isSet(fields.get(name)));
        if (polled && !definition.isTtl() && definition.interval().isZero()) {
            throw where.missing("interval", "Interval must be > 0 for Script, HTTP, TCP, UDP, GRPC, H2PING, Docker"
                    + " and OSService checks");
        }
        return definition;
    }

    private static int nonNegative(int value, Where where) throws DefinitionException {
        if (value < 0) {
            throw where.fail("must not be negative, got " + value);
        }
        return value;
    }

    private static boolean isSet(Object value) {
        return value instanceof String text && !text.isEmpty() || value instanceof List<?> list && !list.isEmpty();
    }
}
