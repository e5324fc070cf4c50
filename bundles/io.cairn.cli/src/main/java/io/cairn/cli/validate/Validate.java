package io.cairn.cli.validate;

import io.cairn.cli.Command;
import io.cairn.cli.Console;
import io.cairn.cli.agent.AgentConfig;
import io.cairn.cli.agent.ConfigException;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.HelpRequested;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code cairn validate FILE_OR_DIRECTORY...}: reads config files and dirs (JSON and HCL) as {@code cairn agent}
 * would, with no flags, and reports the first problem, with Consul's texts and exit codes: 0 and
 * {@code Configuration is valid!} ({@code -quiet}: nothing), or 1 and {@code Config validation failed: <reason>}.
 * Talks to no agent and starts nothing.
 */
public final class Validate implements Command {

  @Override
  public String synopsis() {
    return "Validate config files/directories";
  }

  @Override
  public int run(List<String> args, Console console) {
    FlagSet flags = new FlagSet().bool("quiet", "When given, a successful run will produce no output.");
    ParsedFlags parsed;
    try {
      parsed = flags.parse(args);
    } catch (HelpRequested e) {
      console.err().print(usage(flags));
      return 0;
    } catch (UsageException e) {
      console.err().println(e.getMessage());
      return 1;
    }
    if (parsed.positional().isEmpty()) {
      console.err().println("Must specify at least one config file or directory");
      return 1;
    }
    try {
      AgentConfig.validate(parsed.positional().stream().map(Path::of).toList());
    } catch (ConfigException e) {
      console.err().println("Config validation failed: " + e.getMessage());
      return 1;
    }
    if (!parsed.bool("quiet")) {
      console.out().println("Configuration is valid!");
    }
    return 0;
  }

  private static String usage(FlagSet flags) {
    return "Usage: cairn validate [options] FILE_OR_DIRECTORY...\n\n"
        + "  Performs a thorough sanity test on Cairn configuration files (JSON and HCL). For each file or\n"
        + "  directory given, the validate command will attempt to parse the contents just as the \"cairn agent\"\n"
        + "  command would, and catch any errors.\n\n"
        + "  This is useful to do a test of the configuration only, without actually starting the agent. The\n"
        + "  files and directories should be the complete configuration of an agent (data_dir included), as\n"
        + "  it would be given with -config-file and -config-dir.\n\n"
        + "  Returns 0 if the configuration is valid, or 1 if there are problems.\n\n"
        + "Command Options\n\n" + flags.describe();
  }
}
