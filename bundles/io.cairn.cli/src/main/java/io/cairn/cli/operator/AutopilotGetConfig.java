package io.cairn.cli.operator;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.go.lang.GoQuote;
import java.util.Map;

/** {@code cairn operator autopilot get-config}: autopilot's configuration, one {@code Name = value} a line. */
public final class AutopilotGetConfig extends ClientCommand {

  @Override
  public String synopsis() {
    return "Display the current Autopilot configuration";
  }

  @Override
  protected String usage() {
    return "Usage: cairn operator autopilot get-config [options]\n\n"
        + "  Displays the current Autopilot configuration.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.bool("stale", "Read the configuration from any server, even without a leader.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) {
    Map<?, ?> config;
    try {
      config = OperatorJson.get(api, "/v1/operator/autopilot/configuration",
          flags.bool("stale") ? Map.of("stale", "") : Map.of(), 200);
    } catch (ApiException e) {
      console.err().println("Error querying Autopilot configuration: " + e.getMessage());
      return 1;
    }
    console.out().print(format(config));
    return 0;
  }

  /** Consul's layout: the tags quoted as Go's {@code %q} does. */
  static String format(Map<?, ?> config) {
    return "CleanupDeadServers = " + OperatorJson.bool(config, "CleanupDeadServers") + "\n"
        + "LastContactThreshold = " + OperatorJson.text(config, "LastContactThreshold") + "\n"
        + "MaxTrailingLogs = " + OperatorJson.number(config, "MaxTrailingLogs") + "\n"
        + "MinQuorum = " + OperatorJson.number(config, "MinQuorum") + "\n"
        + "ServerStabilizationTime = " + OperatorJson.text(config, "ServerStabilizationTime") + "\n"
        + "RedundancyZoneTag = " + GoQuote.quote(OperatorJson.text(config, "RedundancyZoneTag"))
        + "\n"
        + "DisableUpgradeMigration = " + OperatorJson.bool(config, "DisableUpgradeMigration") + "\n"
        + "UpgradeVersionTag = " + GoQuote.quote(OperatorJson.text(config, "UpgradeVersionTag"))
        + "\n";
  }
}
