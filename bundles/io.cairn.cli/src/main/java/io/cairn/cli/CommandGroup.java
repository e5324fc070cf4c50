package io.cairn.cli;

import java.util.List;
import java.util.Map;

/** A command made of subcommands ({@code cairn kv put}, ...) or the top level itself. */
public final class CommandGroup implements Command {
  private final String name;
  private final String synopsis;
  private final Map<String, Command> commands;

  /** @param commands subcommands by name, in the order the usage lists them */
  public CommandGroup(String name, String synopsis, Map<String, Command> commands) {
    this.name = name;
    this.synopsis = synopsis;
    this.commands = commands;
  }

  @Override
  public String synopsis() {
    return synopsis;
  }

  @Override
  public int run(List<String> args, Console console) {
    if (args.isEmpty()) {
      console.err().print(usage());
      return 1;
    }
    String first = args.get(0);
    if (first.equals("-h") || first.equals("-help") || first.equals("--help")) {
      console.err().print(usage());
      return 0;
    }
    Command command = commands.get(first);
    if (command == null) {
      console.err().println("Unknown command: " + name + " " + first + "\n");
      console.err().print(usage());
      return 1;
    }
    return command.run(args.subList(1, args.size()), console);
  }

  private String usage() {
    StringBuilder out = new StringBuilder("Usage: " + name + " <subcommand> [options] [args]\n\n  " + synopsis
        + "\n\nSubcommands:\n");
    int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0) + 4;
    commands.forEach((sub, command) -> out.append("    ").append(sub)
        .append(" ".repeat(width - sub.length())).append(command.synopsis()).append('\n'));
    return out.toString();
  }
}
