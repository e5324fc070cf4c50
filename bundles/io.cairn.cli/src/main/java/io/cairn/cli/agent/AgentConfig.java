package io.cairn.cli.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The agent's configuration read and checked as {@code cairn agent} does before anything starts: config files
 * and dirs, flags and {@code -hcl} fragments merged, Consul's defaults applied, and the service, check and watch
 * definitions and TLS files read. {@code cairn validate} runs the same reading on the files and dirs it is given.
 */
public final class AgentConfig {
  private AgentConfig() {}

  /** The plan of an agent with these sources and settings; nothing is touched, nor is any port tried. */
  static AgentPlan plan(boolean dev, List<ConfigSource> sources, Settings flags, HostInfo host)
      throws ConfigException {
    Settings settings = ConfigFiles.read(sources);
    settings.overlay(flags);
    AgentPlan plan = new AgentPlanner(host).plan(dev, settings, sources);
    DefinitionsCheck.verify(plan);
    WatchesCheck.verify(plan);
    TlsFilesCheck.verify(plan);
    return plan;
  }

  /**
   * Checks the configuration of an agent started with these files and dirs (each a {@code -config-dir} if it is
   * a directory, else a {@code -config-file}) and no flags, as Consul's {@code validate} does.
   *
   * @throws ConfigException naming the file and field at fault
   */
  public static void validate(List<Path> filesOrDirs) throws ConfigException {
    List<ConfigSource> sources = filesOrDirs.stream()
        .map(path -> new ConfigSource(path, Files.isDirectory(path)))
        .toList();
    plan(false, sources, new Settings(), HostInfo.system());
  }
}
