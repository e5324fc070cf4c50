package io.cairn.cli.join;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import java.util.List;
import java.util.Map;

/**
 * {@code cairn join [-wan] address...}: asks the agent to join the cluster through each address in turn
 * ({@code PUT /v1/agent/join/<address>}). Succeeds (exit 0) when at least one address answered; every failed
 * address is reported on stderr, and when none answered the command exits 1.
 */
public final class Join extends ClientCommand {

  @Override
  public String synopsis() {
    return "Tell the Cairn agent to join a cluster";
  }

  @Override
  protected String usage() {
    return "Usage: cairn join [options] address ...\n\n"
        + "  Tells a running Cairn agent to join the cluster by contacting at least one existing member\n"
        + "  (host or host:port of its LAN gossip port; with -wan, a server's WAN port).";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.bool("wan", "Joins a server to another server in the WAN pool.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException {
    List<String> addresses = flags.positional();
    if (addresses.isEmpty()) {
      throw new UsageException("At least one address to join must be specified.");
    }
    Map<String, String> query = flags.bool("wan") ? Map.of("wan", "1") : Map.of();
    int joined = 0;
    for (String address : addresses) {
      try {
        api.send("PUT", "/v1/agent/join/" + address, query, new byte[0], 200);
        joined++;
      } catch (ApiException e) {
        console.err().println("Error joining address '" + address + "': " + e.getMessage());
      }
    }
    if (joined == 0) {
      console.err().println("Failed to join any nodes.");
      return 1;
    }
    console.out().println("Successfully joined cluster by contacting " + joined + " nodes.");
    return 0;
  }
}
