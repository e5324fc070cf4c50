package io.cairn.cli.operator;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Columns;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code cairn operator raft list-peers}: the Raft configuration as Consul's table, with each server's last index
 * and how far it trails the leader from autopilot's health (left out when that cannot be read).
 */
public final class RaftListPeers extends ClientCommand {

  @Override
  public String synopsis() {
    return "Display the current Raft peer configuration";
  }

  @Override
  protected String usage() {
    return "Usage: cairn operator raft list-peers [options]\n\n  Displays the current Raft peer configuration.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.bool("stale", "Read the configuration from any server, even without a leader (the default reads "
        + "through the leader).");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) {
    Map<String, String> query = flags.bool("stale") ? Map.of("stale", "") : Map.of();
    Map<?, ?> configuration;
    try {
      configuration = OperatorJson.get(api, "/v1/operator/raft/configuration", query, 200);
    } catch (ApiException e) {
      console.err().println("Error getting peers: Failed to retrieve raft configuration: " + e.getMessage());
      return 1;
    }
    Map<String, Long> lastIndex = new HashMap<>();
    try {
      for (Object server : OperatorJson.list(OperatorJson.get(api, "/v1/operator/autopilot/health", query, 200,
          429), "Servers")) {
        Map<?, ?> health = OperatorJson.object(server);
        lastIndex.put(OperatorJson.text(health, "Name"), OperatorJson.number(health, "LastIndex"));
      }
    } catch (ApiException e) {
      // as Consul's: the table without the indexes
    }
    long leaderIndex = 0;
    for (Object item : OperatorJson.list(configuration, "Servers")) {
      Map<?, ?> server = OperatorJson.object(item);
      if (OperatorJson.bool(server, "Leader")) {
        leaderIndex = lastIndex.getOrDefault(OperatorJson.text(server, "Node"), 0L);
      }
    }
    Columns table = new Columns().row("Node", "ID", "Address", "State", "Voter", "RaftProtocol", "Commit Index",
        "Trails Leader By");
    for (Object item : OperatorJson.list(configuration, "Servers")) {
      Map<?, ?> server = OperatorJson.object(item);
      String node = OperatorJson.text(server, "Node");
      boolean leader = OperatorJson.bool(server, "Leader");
      String protocol = OperatorJson.text(server, "ProtocolVersion");
      Long index = lastIndex.get(node);
      String trails = "-";
      if (index != null && !leader) {
        long behind = leaderIndex - index;
        trails = behind == 1 ? "1 commit" : behind + " commits";
      }
      table.row(node, OperatorJson.text(server, "ID"), OperatorJson.text(server, "Address"),
          leader ? "leader" : "follower", Boolean.toString(OperatorJson.bool(server, "Voter")),
          protocol.isEmpty() ? "<=1" : protocol, Long.toString(index == null ? 0 : index), trails);
    }
    console.out().print(table.format());
    return 0;
  }
}
