package io.cairn.cli.snapshot;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code cairn snapshot restore FILE}: sends the archive to {@code PUT /v1/snapshot}, which verifies it and
 * replaces the state of every server with it.
 */
public final class SnapshotRestore extends ClientCommand {

  @Override
  public String synopsis() {
    return "Restores snapshot of Cairn server state";
  }

  @Override
  protected String usage() {
    return "Usage: cairn snapshot restore [options] FILE\n\n"
        + "  Restores an atomic, point-in-time snapshot of the state of the Cairn servers which includes\n"
        + "  key/value entries, service catalog, prepared queries, sessions, and ACLs.\n\n"
        + "  Restores involve a potentially dangerous low-level Raft operation that is not designed to\n"
        + "  handle server failures during a restore. This command is primarily intended to be used when\n"
        + "  recovering from a disaster, restoring into a fresh cluster of Cairn servers.\n\n"
        + "  If ACLs are enabled, a management token must be supplied in order to perform snapshot\n"
        + "  operations.";
  }

  @Override
  protected void declare(FlagSet flags) {}

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) {
    if (flags.positional().size() != 1) {
      console.err().println(flags.positional().isEmpty() ? "Missing FILE argument"
          : "Too many arguments (expected 1, got " + flags.positional().size() + ")");
      return 1;
    }
    byte[] archive;
    try {
      archive = Files.readAllBytes(Path.of(flags.positional().get(0)));
    } catch (IOException e) {
      console.err().println("Error opening snapshot file: " + e.getMessage());
      return 1;
    }
    try {
      api.send("PUT", "/v1/snapshot", Map.of(), archive, 200);
    } catch (ApiException e) {
      console.err().println("Error restoring snapshot: " + e.getMessage());
      return 1;
    }
    console.out().println("Restored snapshot");
    return 0;
  }
}
