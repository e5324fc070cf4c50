package io.cairn.cli.operator;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.util.Map;

/** {@code cairn operator raft transfer-leader [-id=<id>]}: hands Raft leadership to another server. */
public final class RaftTransferLeader extends ClientCommand {

  @Override
  public String synopsis() {
    return "Transfer raft leadership to another node";
  }

  @Override
  protected String usage() {
    return "Usage: cairn operator raft transfer-leader [options]\n\n  Transfer raft leadership to another node.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("id", "<id>", "The ID of the node to transfer leadership to.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) {
    String id = flags.string("id", "");
    try {
      Map<?, ?> reply = OperatorJson.object(Json.parse(api.send("POST",
          "/v1/operator/raft/transfer-leader", id.isEmpty() ? Map.of() : Map.of("id", id), null, 200).text()));
      if (!OperatorJson.bool(reply, "Success")) {
        console.err().println("Error transfering leadership: Failed to transfer leadership");
        return 1;
      }
    } catch (ApiException | JsonException e) {
      console.err().println("Error transfering leadership: Failed to transfer leadership " + e.getMessage());
      return 1;
    }
    console.out().println("Success");
    return 0;
  }
}
