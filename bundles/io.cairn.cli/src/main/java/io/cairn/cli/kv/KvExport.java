package io.cairn.cli.kv;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code cairn kv export}: every pair under a prefix as the JSON array {@code kv import} reads back. */
public final class KvExport extends ClientCommand {

  @Override
  public String synopsis() {
    return "Exports a tree from the KV store as JSON";
  }

  @Override
  protected String usage() {
    return "Usage: cairn kv export [options] [PREFIX]\n\n"
        + "  Prints every key under PREFIX (all keys without one) as a JSON array of {key, flags, value}\n"
        + "  objects with base64 values, ready for \"cairn kv import\".";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.bool("stale", "Allow any server to answer, not just the leader.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) {
    List<String> args = flags.positional();
    if (args.size() > 1) {
      console.err().println("Too many arguments (expected 1, got " + args.size() + ")");
      return 1;
    }
    String prefix = args.isEmpty() ? "" : KvPaths.stripLeadingSlash(args.get(0));
    Map<String, String> query = new LinkedHashMap<>(Collections.singletonMap("recurse", null));
    if (flags.bool("stale")) {
      query.put("stale", null);
    }
    List<KvEntry> entries;
    try {
      var response = api.send("GET", "/v1/kv/" + prefix, query, null, 200, 404);
      entries = response.status() == 200 ? KvEntries.listFrom(Json.parse(response.text())) : List.of();
    } catch (ApiException e) {
      console.err().println("Error querying Cairn agent: " + e.getMessage());
      return 1;
    } catch (JsonException | RuntimeException e) {
      console.err().println("Error querying Cairn agent: unreadable answer: " + e.getMessage());
      return 1;
    }
    console.out().println(KvText.export(entries));
    return 0;
  }
}
