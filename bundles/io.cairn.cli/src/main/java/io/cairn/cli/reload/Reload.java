package io.cairn.cli.reload;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import java.util.Map;

/**
 * {@code cairn reload}: asks the agent to re-read its config directories ({@code PUT /v1/agent/reload}), the
 * same as sending it SIGHUP.
 */
public final class Reload extends ClientCommand {

  @Override
  public String synopsis() {
    return "Triggers the agent to reload configuration files";
  }

  @Override
  protected String usage() {
    return "Usage: cairn reload [options]\n\n"
        + "  Makes the agent re-read its configuration files and apply the service and check definitions in\n"
        + "  them. Equivalent to sending the agent process SIGHUP.";
  }

  @Override
  protected void declare(FlagSet flags) {}

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) {
    if (!flags.positional().isEmpty()) {
      console.err().println("Too many arguments (expected 0, got " + flags.positional().size() + ")");
      return 1;
    }
    try {
      api.send("PUT", "/v1/agent/reload", Map.of(), new byte[0], 200);
    } catch (ApiException e) {
      console.err().println("Error reloading: " + e.getMessage());
      return 1;
    }
    console.out().println("Configuration reload triggered");
    return 0;
  }
}
