package io.cairn.cli;

import io.cairn.cli.release.Release;
import java.util.List;

/**
 * {@code cairn version}: the Consul release Cairn follows in Consul's layout (version, revision, build date,
 * protocol line), then Cairn's own version. The Consul release is the one the agent claims in
 * {@code /v1/agent/version} and its member tags.
 */
final class VersionCommand implements Command {
  /** The Consul release whose API Cairn follows; the agent bundle's {@code ConsulVersion} names the same. */
  static final String CONSUL_VERSION = "1.21.0";
  static final String REVISION = "cairn";
  static final String BUILD_DATE = "2025-05-06T00:00:00Z";

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
    console.out().print(text());
    return 0;
  }

  static String text() {
    return "Consul v" + CONSUL_VERSION + "\n"
        + "Revision " + REVISION + "\n"
        + "Build Date " + BUILD_DATE + "\n"
        + "Protocol 2 spoken by default, understands 2 to 3 (agent will automatically use protocol >2 when speaking"
        + " to compatible agents)\n"
        + "Cairn v" + Release.VERSION + "\n";
  }
}
