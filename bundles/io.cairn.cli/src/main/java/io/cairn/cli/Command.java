package io.cairn.cli;

import java.util.List;

/** One CLI subcommand. */
public interface Command {

  /** One-line description for the command list. */
  String synopsis();

  /** Runs with the arguments after the command name; returns the process exit code. */
  int run(List<String> args, Console console);
}
