package io.cairn.cli.agent;

import io.cairn.cli.PrivateFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;

/**
 * Hands the configuration's secrets (gossip key, ACL tokens) to the agent through a file in its data dir that only
 * the agent's user may read, not through the JVM's command line, which {@code ps} shows every local user. The
 * agent reads it with {@code AgentInfo.secret}.
 */
final class AgentSecrets {
  /** The file's name in the data dir; {@code io.cairn.agent.api.AgentInfo.SECRETS_FILE} names the same. */
  static final String FILE = "agent-secrets.properties";

  private AgentSecrets() {}

  /**
   * Replaces the data dir's secrets file with {@code secrets}; removes it when there are none, so that a secret
   * taken out of the configuration is gone at the next start.
   */
  static void write(Path dataDir, Map<String, String> secrets) throws ConfigException {
    Path file = dataDir.resolve(FILE);
    try {
      Files.deleteIfExists(file);
      if (secrets.isEmpty()) {
        return;
      }
      Properties properties = new Properties();
      properties.putAll(secrets);
      StringWriter text = new StringWriter();
      properties.store(text, "Secrets of the agent's configuration, written by bin/cairn agent at each start");
      PrivateFiles.create(file);
      Files.writeString(file, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new ConfigException("cannot write the agent's secrets to " + file + ": " + e.getMessage());
    }
  }
}
