package io.cairn.cli.leave;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import java.util.Map;

/**
 * {@code cairn leave}: makes the agent leave the cluster gracefully and shut down ({@code PUT /v1/agent/leave});
 * the other members then see it as "left" rather than "failed".
 */
public final class Leave extends ClientCommand {

  @Override
  public String synopsis() {
    return "Gracefully leaves the Cairn cluster and shuts down";
  }

  @Override
  protected String usage() {
    return "Usage: cairn leave [options]\n\n"
        + "  Causes the agent to gracefully leave the Cairn cluster and shut down.";
  }

  @Override
  protected void declare(FlagSet flags) {
    // only the common HTTP flags
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException {
    if (!flags.positional().isEmpty()) {
      throw new UsageException("Error found unexpected args: [" + String.join(" ", flags.positional()) + "]");
    }
    try {
      api.send("PUT", "/v1/agent/leave", Map.of(), new byte[0], 200);
    } catch (ApiException e) {
      console.err().println("Error leaving: " + e.getMessage());
      return 1;
    }
    console.out().println("Graceful leave complete");
    return 0;
  }
}
