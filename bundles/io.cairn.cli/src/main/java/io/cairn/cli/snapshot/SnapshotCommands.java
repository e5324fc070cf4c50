package io.cairn.cli.snapshot;

import io.cairn.cli.Command;
import io.cairn.cli.CommandGroup;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code cairn snapshot}: save, restore and inspect snapshots of the servers' replicated state. */
public final class SnapshotCommands {

  private SnapshotCommands() {}

  /** The {@code snapshot} command group. */
  public static Command group() {
    Map<String, Command> commands = new LinkedHashMap<>();
    commands.put("inspect", new SnapshotInspect());
    commands.put("restore", new SnapshotRestore());
    commands.put("save", new SnapshotSave());
    return new CommandGroup("cairn snapshot", "Saves, restores and inspects snapshots of Cairn server state",
        commands);
  }
}
