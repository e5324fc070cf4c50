package io.cairn.replicate.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.agent.definitions.ConfigFileTree;
import io.cairn.replicate.ReplicatedPrefix;
import io.cairn.replicate.ReplicationSettings;
import io.cairn.replicate.ReplicationStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code replicate} stanza of the agent's config dirs ({@code *.json} and {@code *.hcl} in name order) and
 * config files, the options of {@code cairn replicate}:
 * {@code "replicate": {"prefix": ["global@dc1", "web@dc1:web-dc1"], "exclude": ["global/private/"],
 * "lock": "service/consul-replicate/leader", "status_dir": "service/consul-replicate/statuses", "token": ""}}
 * ({@code prefix} and {@code exclude} a string or a list; only {@code prefix} is required). A later file's stanza
 * replaces an earlier one's; a broken stanza is reported and ignored.
 *
 * @param settings what to replicate
 * @param token    the ACL token of the replicator's requests, {@code ""} for the agent's default
 */
record ReplicateStanza(ReplicationSettings settings, String token) {

    /** What the files say, and one message per problem. */
    record Read(Optional<ReplicateStanza> stanza, List<String> problems) {}

    static Read read(List<Path> dirs, List<Path> files) {
        List<String> problems = new ArrayList<>();
        List<Path> all = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> entries = Files.list(dir)) {
                entries.filter(p -> ConfigFileTree.isConfigFile(p) && Files.isRegularFile(p)).sorted()
                        .forEach(all::add);
            } catch (IOException e) {
                problems.add("config dir " + dir + ": cannot list it: " + e.getMessage());
            }
        }
        all.addAll(files);
        Optional<ReplicateStanza> found = Optional.empty();
        for (Path file : all) {
            try {
                JsonNode root = ConfigFileTree.read(file);
                JsonNode stanza = root == null ? null : root.get("replicate");
                if (stanza != null && !stanza.isNull()) {
                    found = Optional.of(parse(stanza));
                }
            } catch (IOException e) {
                problems.add("config file " + file + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                problems.add("config file " + file + ", field \"replicate\": " + e.getMessage());
            }
        }
        return new Read(found, problems);
    }

    static ReplicateStanza parse(JsonNode stanza) {
        if (!stanza.isObject()) {
            throw new IllegalArgumentException("expected an object, e.g. {\"prefix\": [\"global@dc1\"]}");
        }
        for (var names = stanza.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("prefix", "exclude", "lock", "status_dir", "token").contains(name)) {
                throw new IllegalArgumentException("unknown field \"" + name + "\" (accepted: prefix, exclude, lock, "
                        + "status_dir, token)");
            }
        }
        List<ReplicatedPrefix> prefixes = strings(stanza.get("prefix"), "prefix").stream()
                .map(ReplicatedPrefix::parse).toList();
        return new ReplicateStanza(new ReplicationSettings(prefixes, strings(stanza.get("exclude"), "exclude"),
                text(stanza, "lock", ReplicationSettings.DEFAULT_LOCK),
                text(stanza, "status_dir", ReplicationStatus.DEFAULT_DIR)), text(stanza, "token", ""));
    }

    private static List<String> strings(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw new IllegalArgumentException("\"" + field + "\" must hold strings, got " + item);
                }
                values.add(item.asText());
            }
            return values;
        }
        throw new IllegalArgumentException("\"" + field + "\" must be a string or a list of strings, got " + node);
    }

    private static String text(JsonNode stanza, String field, String fallback) {
        JsonNode node = stanza.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual() || node.asText().isEmpty() && !field.equals("token")) {
            throw new IllegalArgumentException("\"" + field + "\" must be a non-empty string, got " + node);
        }
        return node.asText();
    }
}
