package io.cairn.cli.snapshot;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.snapshot.archive.InvalidSnapshotException;
import io.cairn.snapshot.archive.SnapshotArchive;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code cairn snapshot save FILE}: fetches {@code GET /v1/snapshot}, verifies the archive and only then puts it
 * at {@code FILE} (written beside it and moved into place, so a failed save leaves no partial file), as Consul's
 * command does.
 */
public final class SnapshotSave extends ClientCommand {

  @Override
  public String synopsis() {
    return "Saves snapshot of Cairn server state";
  }

  @Override
  protected String usage() {
    return "Usage: cairn snapshot save [options] FILE\n\n"
        + "  Retrieves an atomic, point-in-time snapshot of the state of the Cairn servers which includes\n"
        + "  key/value entries, service catalog, prepared queries, sessions, and ACLs.\n\n"
        + "  If ACLs are enabled, a management token must be supplied in order to perform snapshot\n"
        + "  operations.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.bool("stale", "Allow any server to answer, even one with stale data; by default the leader's state.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) {
    if (flags.positional().size() != 1) {
      console.err().println(flags.positional().isEmpty() ? "Missing FILE argument"
          : "Too many arguments (expected 1, got " + flags.positional().size() + ")");
      return 1;
    }
    Path file = Path.of(flags.positional().get(0)).toAbsolutePath();
    Map<String, String> query = new LinkedHashMap<>();
    if (flags.bool("stale")) {
      query.put("stale", null);
    }
    byte[] archive;
    try {
      archive = api.send("GET", "/v1/snapshot", query, null, 200).body();
    } catch (ApiException e) {
      console.err().println("Error saving snapshot: " + e.getMessage());
      return 1;
    }
    SnapshotArchive.Snapshot snapshot;
    try {
      snapshot = SnapshotArchive.read(new ByteArrayInputStream(archive), Integer.MAX_VALUE - 16);
    } catch (InvalidSnapshotException e) {
      console.err().println("Error verifying snapshot file: " + e.getMessage());
      return 1;
    }
    Path partial = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.write(partial, archive);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      console.err().println("Error writing snapshot file: " + e.getMessage());
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // the error above is what the user needs to know
      }
      return 1;
    }
    console.out().println("Saved and verified snapshot to index " + snapshot.meta().index());
    return 0;
  }
}
