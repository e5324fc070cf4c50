package io.cairn.cli.forceleave;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code cairn force-leave [-prune] [-wan] node}: moves a member to the "left" state
 * ({@code PUT /v1/agent/force-leave/<node>}); with {@code -prune} the member is forgotten at once. Prints nothing
 * on success, as Consul does.
 */
public final class ForceLeave extends ClientCommand {

  @Override
  public String synopsis() {
    return "Forces a member of the cluster to enter the \"left\" state";
  }

  @Override
  protected String usage() {
    return "Usage: cairn force-leave [options] name\n\n"
        + "  Forces a member of the cluster to enter the \"left\" state. A member that is still alive will\n"
        + "  join again by itself; the command is for clearing out failed nodes that will not come back, which\n"
        + "  the cluster would otherwise keep trying to reach until reconnect_timeout reaps them.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.bool("prune", "Remove the member from the list of members completely.");
    flags.bool("wan", "Remove the member from the WAN pool only.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException {
    if (flags.positional().size() != 1) {
      throw new UsageException("A single node name must be specified to force leave.");
    }
    Map<String, String> query = new LinkedHashMap<>();
    if (flags.bool("prune")) {
      query.put("prune", "1");
    }
    if (flags.bool("wan")) {
      query.put("wan", "1");
    }
    try {
      api.send("PUT", "/v1/agent/force-leave/" + flags.positional().get(0), query, new byte[0], 200);
    } catch (ApiException e) {
      console.err().println("Error force leaving: " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
