package io.cairn.cli.kv;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import java.util.List;
import java.util.Map;

/** {@code cairn kv delete}: one key, a whole prefix ({@code -recurse}), or a key at a given index ({@code -cas}). */
public final class KvDelete extends ClientCommand {

  @Override
  public String synopsis() {
    return "Removes data from the KV store";
  }

  @Override
  protected String usage() {
    return "Usage: cairn kv delete [options] KEY_OR_PREFIX\n\n"
        + "  Removes the value at KEY, or every key under PREFIX with -recurse. Deleting a missing key succeeds.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.bool("cas", "Delete only if the key's modify index equals -modify-index.");
    flags.value("modify-index", "<uint>", "Index the key must have for -cas to delete it.");
    flags.bool("recurse", "Recursively delete all keys with the path.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException {
    long modifyIndex = flags.unsigned("modify-index", 0);
    List<String> args = flags.positional();
    if (args.size() > 1) {
      console.err().println("Too many arguments (expected 1, got " + args.size() + ")");
      return 1;
    }
    String key = args.isEmpty() ? "" : KvPaths.stripLeadingSlash(args.get(0));
    boolean recurse = flags.bool("recurse");
    boolean cas = flags.bool("cas");
    if (key.isEmpty() && !recurse) {
      console.err().println("Error! Missing KEY argument");
      return 1;
    }
    if (cas && modifyIndex == 0) {
      console.err().println("Must specify -modify-index with -cas!");
      return 1;
    }
    if (modifyIndex != 0 && !cas) {
      console.err().println("Cannot specify -modify-index without -cas!");
      return 1;
    }
    if (recurse && cas) {
      console.err().println("Cannot specify both -cas and -recurse!");
      return 1;
    }
    try {
      if (recurse) {
        try {
          api.send("DELETE", "/v1/kv/" + key, java.util.Collections.singletonMap("recurse", null), null, 200);
        } catch (ApiException e) {
          console.err().println("Error! Did not delete prefix " + key + ": " + e.getMessage());
          return 1;
        }
        console.out().println("Success! Deleted keys with prefix: " + key);
        return 0;
      }
      if (cas) {
        String answer = api.send("DELETE", "/v1/kv/" + key,
            Map.of("cas", Long.toUnsignedString(modifyIndex)), null, 200).text();
        if (!answer.contains("true")) {
          console.err().println("Error! Did not delete key " + key + ": CAS failed");
          return 1;
        }
      } else {
        api.send("DELETE", "/v1/kv/" + key, Map.of(), null, 200);
      }
    } catch (ApiException e) {
      console.err().println((cas ? "Error! Did not delete key " + key + ": " : "Error deleting key " + key + ": ")
          + e.getMessage());
      return 1;
    }
    console.out().println("Success! Deleted key: " + key);
    return 0;
  }
}
