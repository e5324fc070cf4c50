package io.cairn.cli.services;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code cairn services deregister}: removes services from the local agent, named by the definition files they
 * were registered from (ID, else name) or by {@code -id}.
 */
public final class ServicesDeregister extends ClientCommand {

  @Override
  public String synopsis() {
    return "Deregister services with the local agent";
  }

  @Override
  protected String usage() {
    return "Usage: cairn services deregister [options] [FILE...]\n\n"
        + "  Deregisters the services defined in FILEs, or the one with -id, from the local agent.\n\n"
        + "      $ cairn services deregister web.json\n"
        + "      $ cairn services deregister -id=web";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("id", "<id>", "ID of the service to deregister, instead of FILE arguments.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) {
    String flagId = flags.string("id", "");
    List<String> files = flags.positional();
    if (files.isEmpty() && flagId.isEmpty()) {
      console.err().println("Service deregistration requires at least one argument or -id.");
      return 1;
    }
    if (!files.isEmpty() && !flagId.isEmpty()) {
      console.err().println("Service deregistration requires arguments or -id, not both.");
      return 1;
    }
    List<String> ids = new ArrayList<>();
    if (files.isEmpty()) {
      ids.add(flagId);
    } else {
      try {
        ServiceFiles.read(files).forEach(definition -> ids.add(definition.id()));
      } catch (ServiceFiles.DefinitionException e) {
        console.err().println("Error: " + e.getMessage());
        return 1;
      }
    }
    for (String id : ids) {
      try {
        api.send("PUT", "/v1/agent/service/deregister/" + id, Map.of(), new byte[0], 200);
      } catch (ApiException e) {
        console.err().println("Error deregistering service \"" + id + "\": " + e.getMessage());
        return 1;
      }
      console.out().println("Deregistered service: " + id);
    }
    return 0;
  }
}
