package io.cairn.acl.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The agent's own tokens ({@code acl.tokens.*}): configured, changed at run time through
 * {@code PUT /v1/agent/token/<type>}, and with {@code enable_token_persistence} kept in
 * {@code <data_dir>/}{@value #FILE_NAME} (Consul's file and JSON names) and read back at start, where they win over
 * the configured ones.
 */
public final class AgentTokens {

    /** The file persisted tokens live in, in the data directory. */
    public static final String FILE_NAME = "acl-tokens.json";

    /** The token types {@code /v1/agent/token/<type>} accepts, Consul's deprecated names included. */
    private static final Map<String, String> TYPES = Map.of(
            "default", "default", "acl_token", "default",
            "agent", "agent", "acl_agent_token", "agent",
            "agent_recovery", "agent_recovery", "agent_master", "agent_recovery",
            "acl_agent_master_token", "agent_recovery",
            "replication", "replication", "acl_replication_token", "replication");
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The tokens, with Consul's persisted JSON names; {@code ""} for one not set.
     *
     * @param defaultToken  {@code default}: what requests without a token run as
     * @param agent         {@code agent}: the agent's own requests
     * @param agentRecovery {@code agent_recovery}: agent:write on this agent without the servers
     * @param replication   {@code replication}: kept for Consul compatibility; nothing replicates between
     *                      datacenters yet
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Values(@JsonProperty("default") String defaultToken, @JsonProperty("agent") String agent,
            @JsonProperty("agent_recovery") String agentRecovery, @JsonProperty("replication") String replication) {

        /** No tokens. */
        public static final Values NONE = new Values("", "", "", "");

        public Values {
            defaultToken = defaultToken == null ? "" : defaultToken;
            agent = agent == null ? "" : agent;
            agentRecovery = agentRecovery == null ? "" : agentRecovery;
            replication = replication == null ? "" : replication;
        }

        Values with(String type, String token) {
            return switch (type) {
                case "default" -> new Values(token, agent, agentRecovery, replication);
                case "agent" -> new Values(defaultToken, token, agentRecovery, replication);
                case "agent_recovery" -> new Values(defaultToken, agent, token, replication);
                default -> new Values(defaultToken, agent, agentRecovery, token);
            };
        }

        /** These values, each replaced by the one {@code newer} sets. */
        Values overriddenBy(Values newer) {
            return new Values(pick(newer.defaultToken, defaultToken), pick(newer.agent, agent),
                    pick(newer.agentRecovery, agentRecovery), pick(newer.replication, replication));
        }

        private static String pick(String newer, String older) {
            return newer.isEmpty() ? older : newer;
        }
    }

    private final Path file;
    private volatile Values values;

    /**
     * The tokens of {@code configured}; with {@code persistIn} present, those persisted there override them and
     * changes are written there.
     */
    public AgentTokens(Values configured, Optional<Path> persistIn) {
        this.file = persistIn.map(dir -> dir.resolve(FILE_NAME)).orElse(null);
        this.values = file != null && Files.isRegularFile(file) ? configured.overriddenBy(read(file)) : configured;
    }

    /** The current tokens. */
    public Values values() {
        return values;
    }

    /** Consul's canonical name of a {@code /v1/agent/token/<type>} type, if the type is known. */
    public static Optional<String> canonicalType(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    /**
     * Sets the token of {@code type} (a {@link #canonicalType canonical} one) and persists the tokens when asked to.
     *
     * @throws UncheckedIOException when the tokens cannot be written
     */
    public synchronized void set(String type, String token) {
        Values changed = values.with(type, token);
        if (file != null) {
            write(file, changed);
        }
        values = changed;
    }

    private static Values read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Values.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the persisted ACL tokens in " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static void write(Path file, Values values) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.write(temp, JSON.writeValueAsBytes(new TreeMap<>(JSON.convertValue(values, Map.class))));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed persisting tokens: " + e.getMessage(), e);
        }
    }
}
