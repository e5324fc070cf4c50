package io.cairn.cli;

import io.cairn.cli.release.Release;
import java.util.List;

/** {@code cairn version}: prints {@code Cairn v0.1.0}. */
final class VersionCommand implements Command {

  @Override
  public String synopsis() {
    return "Prints the Cairn version";
  }

  @Override
  public int run(List<String> args, Console console) {
    if (!args.isEmpty()) {
      console.err().println("The version command expects no arguments");
      return 1;
    }
    console.out().println("Cairn v" + Release.VERSION);
    return 0;
  }
}
