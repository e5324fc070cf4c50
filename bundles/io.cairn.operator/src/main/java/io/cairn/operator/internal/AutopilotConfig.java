package io.cairn.operator.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.go.lang.GoDuration;

/**
 * Autopilot's settings, as Consul's {@code /v1/operator/autopilot/configuration} has them, and their JSON: the
 * body of that endpoint and, without the indexes, the record replicated in the {@value AutopilotConfigCommand#TABLE}
 * table. Durations are Go duration strings ({@code "200ms"}); a number is read as nanoseconds, as Consul's
 * {@code ReadableDuration} does. A field missing from the JSON takes its zero value, as in Consul.
 */
record AutopilotConfig(boolean cleanupDeadServers, Duration lastContactThreshold, long maxTrailingLogs,
        long minQuorum, Duration serverStabilizationTime, String redundancyZoneTag, boolean disableUpgradeMigration,
        String upgradeVersionTag) {

    /** Consul's defaults, in force until an operator sets the configuration. */
    static final AutopilotConfig DEFAULTS = new AutopilotConfig(true, Duration.ofMillis(200), 250, 0,
            Duration.ofSeconds(10), "", false, "");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON object, with {@code CreateIndex} and {@code ModifyIndex} when {@code indexes} is true. */
    Map<String, Object> toJson(boolean indexes, long createIndex, long modifyIndex) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("CleanupDeadServers", cleanupDeadServers);
        json.put("LastContactThreshold", GoDuration.format(lastContactThreshold));
        json.put("MaxTrailingLogs", maxTrailingLogs);
        json.put("MinQuorum", minQuorum);
        json.put("ServerStabilizationTime", GoDuration.format(serverStabilizationTime));
        json.put("RedundancyZoneTag", redundancyZoneTag);
        json.put("DisableUpgradeMigration", disableUpgradeMigration);
        json.put("UpgradeVersionTag", upgradeVersionTag);
        if (indexes) {
            json.put("CreateIndex", createIndex);
            json.put("ModifyIndex", modifyIndex);
        }
        return json;
    }

    /** The replicated record. */
    byte[] encode() {
        try {
            return JSON.writeValueAsBytes(toJson(false, 0, 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the JSON of a body or a replicated record; {@code CreateIndex} and {@code ModifyIndex} are ignored.
     *
     * @throws IllegalArgumentException with the reason, if it is not such an object
     */
    static AutopilotConfig parse(byte[] json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the configuration must be a JSON object");
        }
        return new AutopilotConfig(bool(node, "CleanupDeadServers"), duration(node, "LastContactThreshold"),
                number(node, "MaxTrailingLogs"), number(node, "MinQuorum"), duration(node, "ServerStabilizationTime"),
                text(node, "RedundancyZoneTag"), bool(node, "DisableUpgradeMigration"),
                text(node, "UpgradeVersionTag"));
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(field + " must be a boolean");
        }
        return value.booleanValue();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToExactIntegral() || value.asLong() < 0) {
            throw new IllegalArgumentException(field + " must be a non-negative integer");
        }
        return value.asLong();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.textValue();
    }

    private static Duration duration(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Duration.ZERO;
        }
        if (value.isIntegralNumber()) {
            return Duration.ofNanos(value.asLong());
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a duration");
        }
        try {
            return GoDuration.parse(value.textValue());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }
}
