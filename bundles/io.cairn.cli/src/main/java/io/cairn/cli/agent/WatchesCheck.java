package io.cairn.cli.agent;

import io.cairn.watch.plan.WatchConfigFiles;
import java.util.List;

/**
 * Reads the {@code watches} entries of the agent's config files with the agent's own reader, so a bad watch
 * stops {@code cairn agent} before Karaf starts instead of being logged and skipped by the running agent.
 */
final class WatchesCheck {
  private WatchesCheck() {}

  /** JSON and HCL files alike: the watch reader reads both as the agent does. */
  static void verify(AgentPlan plan) throws ConfigException {
    List<String> problems = WatchConfigFiles.read(plan.configDirs(), plan.configFiles()).problems();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.get(0));
    }
  }
}
