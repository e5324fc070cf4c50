package io.cairn.cli.operator;

import io.cairn.cli.Command;
import io.cairn.cli.CommandGroup;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code cairn operator}: the Raft and autopilot subcommands for the servers' operators. */
public final class OperatorCommands {

  private OperatorCommands() {}

  /** The {@code operator} command group. */
  public static Command group() {
    Map<String, Command> raft = new LinkedHashMap<>();
    raft.put("list-peers", new RaftListPeers());
    raft.put("remove-peer", new RaftRemovePeer());
    raft.put("transfer-leader", new RaftTransferLeader());
    Map<String, Command> autopilot = new LinkedHashMap<>();
    autopilot.put("get-config", new AutopilotGetConfig());
    autopilot.put("set-config", new AutopilotSetConfig());
    autopilot.put("state", new AutopilotState());
    Map<String, Command> operator = new LinkedHashMap<>();
    operator.put("autopilot", new CommandGroup("cairn operator autopilot",
        "Provides tools for modifying Autopilot configuration", autopilot));
    operator.put("raft", new CommandGroup("cairn operator raft",
        "Provides cluster-level tools for Cairn operators", raft));
    return new CommandGroup("cairn operator", "Provides cluster-level tools for Cairn operators", operator);
  }
}
