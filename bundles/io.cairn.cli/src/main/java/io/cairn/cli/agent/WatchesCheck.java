package io.cairn.cli.agent;

import io.cairn.agent.definitions.HclConfig;
import io.cairn.watch.plan.WatchConfigFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the {@code watches} entries of the agent's config files with the agent's own reader, so a bad watch
 * stops {@code cairn agent} before Karaf starts instead of being logged and skipped by the running agent.
 */
final class WatchesCheck {
  private WatchesCheck() {}

  /** JSON files only: the watch reader reads JSON, and {@link ConfigFiles} refuses watches in {@code *.hcl} files. */
  static void verify(AgentPlan plan) throws ConfigException {
    List<Path> jsonFiles = plan.configFiles().stream().filter(file -> !HclConfig.isHcl(file)).toList();
    List<String> problems = WatchConfigFiles.read(plan.configDirs(), jsonFiles).problems();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.get(0));
    }
  }
}
