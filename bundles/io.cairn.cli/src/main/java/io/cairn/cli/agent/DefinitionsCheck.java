package io.cairn.cli.agent;

import io.cairn.agent.definitions.ConfigDirDefinitions;
import io.cairn.agent.definitions.DefinitionException;

/**
 * Parses the {@code service}/{@code services}/{@code check}/{@code checks} entries of the agent's config files
 * with the agent's own reader, so a bad definition stops {@code cairn agent} before Karaf starts instead of
 * being found (and skipped) by the running agent.
 */
final class DefinitionsCheck {
  private DefinitionsCheck() {}

  static void verify(AgentPlan plan) throws ConfigException {
    try {
      ConfigDirDefinitions.load(plan.configDirs(), plan.configFiles());
    } catch (DefinitionException e) {
      throw new ConfigException("config file " + e.getMessage());
    }
  }
}
