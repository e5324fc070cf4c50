package io.cairn.cli.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Prepares the agent's data directory: creates it (a fresh temporary one for {@code -dev} without
 * {@code -data-dir}) with Karaf's directory inside, and keeps the node's stable UUID in {@code node-id}.
 */
final class DataDir {
  static final String NODE_ID_FILE = "node-id";

  /**
   * The directory to use and the node id stored there; a {@code temporary} one (made for {@code -dev}) goes
   * when the agent exits.
   */
  record Prepared(Path path, String nodeId, boolean temporary) {}

  private DataDir() {}

  /** @param planned the plan's data dir, or {@code null} for a fresh temporary one */
  static Prepared prepare(Path planned) throws ConfigException {
    Path dir;
    try {
      dir = planned != null ? Files.createDirectories(planned)
          : Files.createTempDirectory("cairn-dev-").toAbsolutePath();
      Files.createDirectories(AgentPlan.karafData(dir));
    } catch (IOException e) {
      throw new ConfigException("cannot create data directory " + (planned == null ? "" : planned) + ": "
          + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return new Prepared(dir, nodeId(dir.resolve(NODE_ID_FILE)), planned == null);
  }

  private static String nodeId(Path file) throws ConfigException {
    try {
      if (Files.exists(file)) {
        String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!stored.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
          throw new ConfigException(file + " does not hold a node id (a UUID such as "
              + "5e1c1cbb-3c4b-4d8e-9b8a-1f2e3d4c5b6a); fix or delete the file");
        }
        return stored.toLowerCase(java.util.Locale.ROOT);
      }
      String created = UUID.randomUUID().toString();
      Files.writeString(file, created + "\n", StandardCharsets.UTF_8);
      return created;
    } catch (IOException e) {
      throw new ConfigException("cannot read or write " + file + ": " + e.getMessage());
    }
  }
}
