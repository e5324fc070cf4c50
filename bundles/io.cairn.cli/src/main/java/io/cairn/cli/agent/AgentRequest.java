package io.cairn.cli.agent;

import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.HelpRequested;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code cairn agent ...} asked for: {@code -dev}, the config sources in command-line order, and the
 * settings given as flags and {@code -hcl} fragments (which override config files).
 */
record AgentRequest(boolean dev, List<ConfigSource> sources, Settings flags) {

  /** The agent's flags, Consul's names. */
  static FlagSet flagSet() {
    FlagSet flags = new FlagSet()
        .bool("dev", "Development mode: a single in-memory-like server on 127.0.0.1 with a fresh data dir.")
        .value("config-dir", "<path>", "Directory of *.json and *.hcl config files, read in name order. "
            + "Repeatable.")
        .value("config-file", "<path>", "A config file, HCL if its name ends in .hcl, else JSON. Repeatable.")
        .value("hcl", "<fragment>", "Settings in HCL, e.g. 'ports { http = 8501 }'; they win over flags and "
            + "files. Repeatable.");
    for (Setting setting : Setting.values()) {
      if (setting.flag == null) {
        continue;
      }
      if (setting.type == Setting.Type.BOOL) {
        flags.bool(setting.flag, "Sets \"" + setting.key + "\".");
      } else {
        flags.value(setting.flag, "<" + setting.type.name().toLowerCase() + ">",
            "Sets \"" + setting.key + "\"." + (setting.type == Setting.Type.LIST ? " Repeatable." : ""));
      }
    }
    return flags;
  }

  static AgentRequest parse(List<String> args) throws UsageException, HelpRequested, ConfigException {
    ParsedFlags parsed = flagSet().parse(args);
    if (!parsed.positional().isEmpty()) {
      throw new UsageException("unexpected argument \"" + parsed.positional().get(0)
          + "\": the agent takes only flags (did you forget a '-'?)");
    }
    List<ConfigSource> sources = new ArrayList<>();
    Settings settings = new Settings();
    List<String> fragments = parsed.all("hcl");
    for (Map.Entry<String, String> occurrence : parsed.occurrences()) {
      String name = occurrence.getKey();
      if (name.equals("config-dir") || name.equals("config-file")) {
        sources.add(new ConfigSource(Path.of(occurrence.getValue()), name.equals("config-dir")));
        continue;
      }
      for (Setting setting : Setting.values()) {
        if (name.equals(setting.flag)) {
          Settings one = new Settings();
          one.put(setting, setting.fromFlag(occurrence.getValue()), "-" + name);
          settings.overlay(one);
        }
      }
    }
    // As in Consul, -hcl fragments come after the flags and win over them.
    for (int i = 0; i < fragments.size(); i++) {
      settings.overlay(ConfigFiles.readFragment("-hcl fragment " + (i + 1), fragments.get(i)));
    }
    return new AgentRequest(parsed.bool("dev"), sources, settings);
  }
}
