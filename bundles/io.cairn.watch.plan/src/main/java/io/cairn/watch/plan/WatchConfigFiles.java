package io.cairn.watch.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * The {@code watches} of the agent's config dirs ({@code *.json} in name order) and config files. A file or
 * entry that cannot be read is reported and skipped; the others still load.
 */
public final class WatchConfigFiles {
    /** Made on first use: `cairn agent` checks every start's watches, and most starts have no file to read. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

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
                entries.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                        .sorted().forEach(all::add);
            } catch (IOException e) {
                problems.add("config dir " + dir + ": cannot list it: " + e.getMessage());
            }
        }
        all.addAll(files);
        for (Path file : all) {
            JsonNode root;
            try {
                root = Json.MAPPER.readTree(file.toFile());
            } catch (IOException e) {
                problems.add("config file " + file + ": " + e.getMessage());
                continue;
            }
            JsonNode list = root == null ? null : root.get("watches");
            if (list == null) {
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
