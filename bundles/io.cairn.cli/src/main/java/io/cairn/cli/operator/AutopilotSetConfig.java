package io.cairn.cli.operator;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import io.cairn.go.lang.GoDuration;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cairn operator autopilot set-config [-flag=value ...]}: reads the configuration, changes the settings
 * given, and writes it back with a check-and-set on the index it read, as Consul's does.
 */
public final class AutopilotSetConfig extends ClientCommand {
  private static final List<String> BOOLS = List.of("CleanupDeadServers", "DisableUpgradeMigration");
  private static final List<String> NUMBERS = List.of("MaxTrailingLogs", "MinQuorum");
  private static final List<String> DURATIONS = List.of("LastContactThreshold", "ServerStabilizationTime");
  private static final List<String> TEXTS = List.of("RedundancyZoneTag", "UpgradeVersionTag");

  @Override
  public String synopsis() {
    return "Modify the current Autopilot configuration";
  }

  @Override
  protected String usage() {
    return "Usage: cairn operator autopilot set-config [options]\n\n"
        + "  Modifies the current Autopilot configuration.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("cleanup-dead-servers", "<true|false>", "Controls whether Cairn will automatically remove dead "
        + "servers when new ones are successfully added. Must be one of `true|false`.");
    flags.value("max-trailing-logs", "<value>", "Controls the maximum number of log entries that a server can "
        + "trail the leader by before being considered unhealthy.");
    flags.value("min-quorum", "<value>", "Sets the minimum number of servers required in a cluster before "
        + "autopilot can prune dead servers.");
    flags.value("last-contact-threshold", "<value>", "Controls the maximum amount of time a server can go "
        + "without contact from the leader before being considered unhealthy. Must be a duration value such as "
        + "`200ms`.");
    flags.value("server-stabilization-time", "<value>", "Controls the minimum amount of time a server must be "
        + "stable in the 'healthy' state before being added to the cluster. Only takes effect if all servers "
        + "are running Raft protocol version 3 or higher. Must be a duration value such as `10s`.");
    flags.value("redundancy-zone-tag", "<value>", "(Enterprise-only) Controls the node_meta tag name used for "
        + "separating servers into different redundancy zones.");
    flags.value("disable-upgrade-migration", "<true|false>", "(Enterprise-only) Controls whether Cairn will "
        + "avoid promoting new servers until it can perform a migration. Must be one of `true|false`.");
    flags.value("upgrade-version-tag", "<value>", "(Enterprise-only) The node_meta tag to use for version info "
        + "when performing upgrade migrations. If left blank, the Cairn version will be used.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException {
    Map<String, Object> changes = changes(flags);
    Map<?, ?> current;
    try {
      current = OperatorJson.get(api, "/v1/operator/autopilot/configuration", Map.of(), 200);
    } catch (ApiException e) {
      console.err().println("Error querying Autopilot configuration: " + e.getMessage());
      return 1;
    }
    Map<String, Object> config = new LinkedHashMap<>();
    current.forEach((k, v) -> config.put(String.valueOf(k), v));
    config.putAll(changes);
    String cas = String.valueOf(OperatorJson.number(current, "ModifyIndex"));
    String answer;
    try {
      answer = api.send("PUT", "/v1/operator/autopilot/configuration", Map.of("cas", cas),
          Json.writeIndented(config).getBytes(StandardCharsets.UTF_8), 200).text().strip();
    } catch (ApiException e) {
      console.err().println("Error updating Autopilot configuration: " + e.getMessage());
      return 1;
    }
    if (!answer.equals("true")) {
      console.out().println("Configuration could not be atomically updated, please try again");
      return 1;
    }
    console.out().println("Configuration updated!");
    return 0;
  }

  /** The settings the flags change, by their JSON names; a bad value is a usage error. */
  private static Map<String, Object> changes(ParsedFlags flags) throws UsageException {
    Map<String, Object> changes = new LinkedHashMap<>();
    for (String field : BOOLS) {
      String flag = flagName(field);
      if (flags.isSet(flag)) {
        String value = flags.string(flag, "");
        if (!value.equals("true") && !value.equals("false")) {
          throw new UsageException("invalid value \"" + value + "\" for flag -" + flag + ": must be true or false");
        }
        changes.put(field, Boolean.parseBoolean(value));
      }
    }
    for (String field : NUMBERS) {
      String flag = flagName(field);
      if (flags.isSet(flag)) {
        changes.put(field, BigDecimal.valueOf(flags.unsigned(flag, 0)));
      }
    }
    for (String field : DURATIONS) {
      String flag = flagName(field);
      if (flags.isSet(flag)) {
        String value = flags.string(flag, "");
        try {
          changes.put(field, GoDuration.format(GoDuration.parse(value)));
        } catch (IllegalArgumentException e) {
          throw new UsageException("invalid value \"" + value + "\" for flag -" + flag + ": " + e.getMessage());
        }
      }
    }
    for (String field : TEXTS) {
      String flag = flagName(field);
      if (flags.isSet(flag)) {
        changes.put(field, flags.string(flag, ""));
      }
    }
    return changes;
  }

  /** {@code CleanupDeadServers} → {@code cleanup-dead-servers}. */
  private static String flagName(String field) {
    return field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
