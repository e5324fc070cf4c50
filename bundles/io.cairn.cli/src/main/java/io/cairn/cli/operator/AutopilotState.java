package io.cairn.cli.operator;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import java.util.Map;
import java.util.TreeMap;

/** {@code cairn operator autopilot state [-format=pretty|json]}: autopilot's view of the servers. */
public final class AutopilotState extends ClientCommand {

  @Override
  public String synopsis() {
    return "Display the current Autopilot state";
  }

  @Override
  protected String usage() {
    return "Usage: cairn operator autopilot state [options]\n\n  Displays the current Autopilot state.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("format", "<pretty|json>", "Output format {pretty|json}");
    flags.bool("stale", "Read the state from any server.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException {
    String format = flags.string("format", "pretty");
    if (!format.equals("pretty") && !format.equals("json")) {
      console.err().println("Error outputting state: Unknown format: " + format);
      return 1;
    }
    Map<?, ?> state;
    try {
      state = OperatorJson.get(api, "/v1/operator/autopilot/state",
          flags.bool("stale") ? Map.of("stale", "") : Map.of(), 200);
    } catch (ApiException e) {
      console.err().println("Error querying Autopilot state: " + e.getMessage());
      return 1;
    }
    console.out().println(format.equals("json") ? Json.writeIndented(state, "    ") : pretty(state));
    return 0;
  }

  /** Consul's layout: the cluster, then each server by id. */
  static String pretty(Map<?, ?> state) {
    StringBuilder out = new StringBuilder();
    out.append("Healthy:                      ").append(OperatorJson.bool(state, "Healthy")).append('\n');
    out.append("Failure Tolerance:            ").append(OperatorJson.number(state, "FailureTolerance")).append('\n');
    out.append("Optimistic Failure Tolerance: ").append(OperatorJson.number(state, "OptimisticFailureTolerance"))
        .append('\n');
    out.append("Leader:                       ").append(OperatorJson.text(state, "Leader")).append('\n');
    out.append("Voters:\n");
    OperatorJson.list(state, "Voters").forEach(v -> out.append("   ").append(v).append('\n'));
    out.append("Servers:\n");
    Map<String, Map<?, ?>> servers = new TreeMap<>();
    OperatorJson.object(state.get("Servers")).forEach((id, s) -> servers.put(String.valueOf(id),
        OperatorJson.object(s)));
    servers.forEach((id, s) -> {
      out.append("   ").append(id).append('\n');
      line(out, "Name", OperatorJson.text(s, "Name"));
      line(out, "Address", OperatorJson.text(s, "Address"));
      line(out, "Version", OperatorJson.text(s, "Version"));
      line(out, "Status", OperatorJson.text(s, "Status"));
      line(out, "Node Type", OperatorJson.text(s, "NodeType"));
      line(out, "Node Status", OperatorJson.text(s, "NodeStatus"));
      line(out, "Healthy", Boolean.toString(OperatorJson.bool(s, "Healthy")));
      line(out, "Last Contact", OperatorJson.text(s, "LastContact"));
      line(out, "Last Term", Long.toString(OperatorJson.number(s, "LastTerm")));
      line(out, "Last Index", Long.toString(OperatorJson.number(s, "LastIndex")));
    });
    return out.toString();
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append("      ").append(String.format("%-17s", name + ":")).append(value).append('\n');
  }
}
