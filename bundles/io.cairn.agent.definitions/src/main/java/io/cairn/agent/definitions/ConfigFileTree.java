package io.cairn.agent.definitions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.hcl.lang.HclException;

/**
 * A config file of the agent as one JSON tree, for the subsystems that read their own stanzas from the agent's
 * config files ({@code watches}, {@code template}): a {@code *.hcl} file is read through {@link HclConfig}, so its
 * repeated blocks are lists as in Consul, any other file as JSON. A config dir holds the files
 * {@link #isConfigFile} accepts, read in name order.
 */
public final class ConfigFileTree {
    /** Made on first use: most agents have no file for it to read. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private ConfigFileTree() {
    }

    /** Whether a config dir's entry named so is one of its config files: {@code *.json} or {@code *.hcl}. */
    public static boolean isConfigFile(Path file) {
        return file.getFileName().toString().endsWith(".json") || HclConfig.isHcl(file);
    }

    /**
     * The tree of {@code file}: HCL's values as {@link HclConfig#read} gives them (an empty list is a JSON
     * {@code null}, which Consul reads as absent), JSON's as Jackson reads them.
     *
     * @throws IOException if the file cannot be read, or is not valid JSON or HCL (the message says which, with
     *         the line and column)
     */
    public static JsonNode read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!HclConfig.isHcl(file)) {
            return Json.MAPPER.readTree(text);
        }
        try {
            return Json.MAPPER.valueToTree(HclConfig.read(text));
        } catch (HclException e) {
            throw new IOException("invalid HCL: " + e.getMessage(), e);
        }
    }
}
