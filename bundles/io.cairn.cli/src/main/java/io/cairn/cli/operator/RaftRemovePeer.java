package io.cairn.cli.operator;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import java.util.Map;

/** {@code cairn operator raft remove-peer -id=<id> | -address=<ip:port>}: removes a server from Raft. */
public final class RaftRemovePeer extends ClientCommand {

  @Override
  public String synopsis() {
    return "Remove a Cairn server from the Raft configuration";
  }

  @Override
  protected String usage() {
    return "Usage: cairn operator raft remove-peer [options]\n\n"
        + "  Remove the Cairn server with given -address from the Raft configuration.\n\n"
        + "  There are rare cases where a peer may be left behind in the Raft quorum even\n"
        + "  though the server is no longer present and known to the cluster. This command\n"
        + "  can be used to remove the failed server so that it is no longer affects the Raft\n"
        + "  quorum. If the server still shows in the output of the \"cairn members\" command,\n"
        + "  it is preferable to clean up by simply running \"cairn force-leave\" instead of\n"
        + "  this command.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("address", "<ip:port>", "The address to remove from the Raft configuration.");
    flags.value("id", "<id>", "The ID to remove from the Raft configuration.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) {
    String address = flags.string("address", "");
    String id = flags.string("id", "");
    if (address.isEmpty() == id.isEmpty()) {
      console.err().println("Error removing peer: " + (address.isEmpty()
          ? "an address or id is required for the peer to remove"
          : "cannot give both an address and id"));
      return 1;
    }
    try {
      api.send("DELETE", "/v1/operator/raft/peer", id.isEmpty() ? Map.of("address", address) : Map.of("id", id),
          null, 200);
    } catch (ApiException e) {
      console.err().println("Error removing peer: " + e.getMessage());
      return 1;
    }
    console.out().println(id.isEmpty() ? "Removed peer with address \"" + address + "\""
        : "Removed peer with id \"" + id + "\"");
    return 0;
  }
}
