package io.cairn.watch.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.cairn.agent.definitions.ConfigFileTree;

/**
 * The {@code watches} of the agent's config dirs ({@code *.json} and {@code *.hcl} in name order) and config files,
 * JSON or HCL ({@link ConfigFileTree}: in HCL each {@code watches} block is one entry of the list). A file or
 * entry that cannot be read is reported and skipped; the others still load.
 */
public final class WatchConfigFiles {

    /** What was found: the definitions and one message per problem. */
    public record Loaded(List<WatchDefinition> watches, List<String> problems) {
    }

    private WatchConfigFiles() {
    }

    public static Loaded read(List<Path> dirs, List<Path> files) {
        List<WatchDefinition> watches = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> all = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> entries = Files.list(dir)) {
                entries.filter(p -> ConfigFileTree.isConfigFile(p) && Files.isRegularFile(p))
                        .sorted().forEach(all::add);
            } catch (IOException e) {
                problems.add("config dir " + dir + ": cannot list it: " + e.getMessage());
            }
        }
        all.addAll(files);
        for (Path file : all) {
            JsonNode root;
            try {
                root = ConfigFileTree.read(file);
            } catch (IOException e) {
                problems.add("config file " + file + ": " + e.getMessage());
                continue;
            }
            JsonNode list = root == null ? null : root.get("watches");
            if (list == null || list.isNull()) {
                continue;
            }
            if (!list.isArray()) {
                problems.add("config file " + file + ": \"watches\" must be a list");
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                try {
                    watches.add(WatchDefinition.parse(list.get(i), "config file " + file + ", watches[" + i + "]"));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return new Loaded(watches, problems);
    }
}
