package io.cairn.cli.maint;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code cairn maint}: puts the agent's node or one of its services into maintenance mode and takes it out again;
 * without {@code -enable}/{@code -disable} it shows what is in maintenance now.
 */
public final class Maint extends ClientCommand {
  static final String NODE_CHECK = "_node_maintenance";
  static final String SERVICE_CHECK_PREFIX = "_service_maintenance:";

  @Override
  public String synopsis() {
    return "Controls node or service maintenance mode";
  }

  @Override
  protected String usage() {
    return "Usage: cairn maint [options]\n\n"
        + "  Places the agent's node, or with -service one of its services, in maintenance mode: a critical check\n"
        + "  takes it out of DNS and health queries until -disable. Without -enable or -disable, shows what is in\n"
        + "  maintenance now.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.bool("disable", "Disable maintenance mode.");
    flags.bool("enable", "Enable maintenance mode.");
    flags.value("reason", "<text>", "Why, shown in the maintenance check's notes (with -enable).");
    flags.value("service", "<id>", "The ID of the service to act on instead of the whole node.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) {
    boolean enable = flags.bool("enable");
    boolean disable = flags.bool("disable");
    String reason = flags.string("reason", "");
    String service = flags.string("service", "");
    if (!flags.positional().isEmpty()) {
      console.err().println("Too many arguments (expected 0, got " + flags.positional().size() + ")");
      return 1;
    }
    if (enable && disable) {
      console.err().println("Only one of -enable or -disable may be provided");
      return 1;
    }
    if (!enable && !reason.isEmpty()) {
      console.err().println("Reason may only be provided with -enable");
      return 1;
    }
    if (!enable && !disable && !service.isEmpty()) {
      console.err().println("Service requires either -enable or -disable");
      return 1;
    }
    if (!enable && !disable) {
      return list(api, console);
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("enable", Boolean.toString(enable));
    if (enable) {
      query.put("reason", reason);
    }
    String path = service.isEmpty() ? "/v1/agent/maintenance" : "/v1/agent/service/maintenance/" + service;
    String what = service.isEmpty() ? "node" : "service";
    try {
      api.send("PUT", path, query, new byte[0], 200);
    } catch (ApiException e) {
      console.err().println("Error " + (enable ? "enabling " : "disabling ") + what + " maintenance: "
          + e.getMessage());
      return 1;
    }
    String state = enable ? "enabled" : "disabled";
    console.out().println(service.isEmpty() ? "Node maintenance is now " + state
        : "Service maintenance is now " + state + " for " + quoted(service));
    return 0;
  }

  /** Prints a block per maintenance check: the node's (with the node name) and each service's (with its ID). */
  private static int list(ApiClient api, Console console) {
    String nodeName;
    try {
      Object self = Json.parse(api.send("GET", "/v1/agent/self", Map.of(), null, 200).text());
      nodeName = self instanceof Map<?, ?> s && s.get("Config") instanceof Map<?, ?> config
          ? String.valueOf(config.get("NodeName")) : "";
    } catch (ApiException | JsonException e) {
      console.err().println("Error querying Cairn agent: " + e.getMessage());
      return 1;
    }
    Map<?, ?> checks;
    try {
      Object json = Json.parse(api.send("GET", "/v1/agent/checks", Map.of(), null, 200).text());
      if (!(json instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("expected a JSON object of checks");
      }
      checks = map;
    } catch (ApiException e) {
      console.err().println("Error getting checks: " + e.getMessage());
      return 1;
    } catch (JsonException | RuntimeException e) {
      console.err().println("Error getting checks: unreadable answer: " + e.getMessage());
      return 1;
    }
    PrintStream out = console.out();
    for (Object value : checks.values()) {
      if (!(value instanceof Map<?, ?> check)) {
        continue;
      }
      String id = String.valueOf(check.get("CheckID"));
      String notes = check.get("Notes") == null ? "" : String.valueOf(check.get("Notes"));
      if (id.equals(NODE_CHECK)) {
        out.print("Node:\n  Name:   " + nodeName + "\n  Reason: " + notes + "\n\n");
      } else if (id.startsWith(SERVICE_CHECK_PREFIX)) {
        String serviceId = check.get("ServiceID") == null ? "" : String.valueOf(check.get("ServiceID"));
        out.print("Service:\n  ID:     " + serviceId + "\n  Reason: " + notes + "\n\n");
      }
    }
    return 0;
  }

  /** Go's {@code %q} for the IDs people use: double quotes, with quotes and backslashes escaped. */
  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
