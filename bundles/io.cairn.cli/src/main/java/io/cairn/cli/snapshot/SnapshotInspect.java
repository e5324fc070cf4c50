package io.cairn.cli.snapshot;

import io.cairn.cli.Command;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.HelpRequested;
import io.cairn.cli.flags.UsageException;
import io.cairn.snapshot.archive.InvalidSnapshotException;
import io.cairn.snapshot.archive.SnapshotArchive;
import io.cairn.snapshot.archive.SnapshotMeta;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code cairn snapshot inspect FILE}: verifies a snapshot file and prints its metadata in Consul's layout. Talks
 * to no agent. Cairn's {@code state.bin} is its own, so Consul's per-type breakdown of the state is not printed.
 */
public final class SnapshotInspect implements Command {

  @Override
  public String synopsis() {
    return "Displays information about a Cairn snapshot file";
  }

  @Override
  public int run(List<String> args, Console console) {
    List<String> positional;
    try {
      positional = new FlagSet().parse(args).positional();
      if (positional.size() != 1) {
        throw new UsageException(positional.isEmpty() ? "Missing FILE argument"
            : "Too many arguments (expected 1, got " + positional.size() + ")");
      }
    } catch (HelpRequested e) {
      console.err().print(usage());
      return 0;
    } catch (UsageException e) {
      console.err().println(e.getMessage() + "\n");
      console.err().print(usage());
      return 1;
    }
    SnapshotMeta meta;
    try (InputStream in = Files.newInputStream(Path.of(positional.get(0)))) {
      meta = SnapshotArchive.read(in, Integer.MAX_VALUE - 16).meta();
    } catch (InvalidSnapshotException e) {
      console.err().println("Error verifying snapshot: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      console.err().println("Error opening snapshot file: " + e.getMessage());
      return 1;
    }
    console.out().print(format(meta));
    return 0;
  }

  /** Consul's table: a leading space, the names padded to one column, the values after it. */
  static String format(SnapshotMeta meta) {
    return line("ID", meta.id()) + line("Size", meta.size()) + line("Index", meta.index())
        + line("Term", meta.term()) + line("Version", meta.version());
  }

  private static String line(String name, Object value) {
    return String.format(" %-13s%s\n", name, value);
  }

  private static String usage() {
    return "Usage: cairn snapshot inspect [options] FILE\n\n"
        + "  Displays information about a snapshot file on disk: its ID, size, index, term and format\n"
        + "  version, after verifying it.\n";
  }
}
