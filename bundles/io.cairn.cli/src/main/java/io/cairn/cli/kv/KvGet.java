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
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code cairn kv get}: one value, a prefix ({@code -recurse}) or key names ({@code -keys}). */
public final class KvGet extends ClientCommand {

  @Override
  public String synopsis() {
    return "Retrieves or lists data from the KV store";
  }

  @Override
  protected String usage() {
    return "Usage: cairn kv get [options] [KEY_OR_PREFIX]\n\n"
        + "  Retrieves the value at KEY and prints it; with -recurse prints key:value for every key under the\n"
        + "  prefix, with -keys lists the key names up to the next separator.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.bool("base64", "Base64 encode the value.");
    flags.bool("detailed", "Print the entry's metadata (indexes, flags, session) with the value.");
    flags.bool("keys", "List keys which start with the given prefix, but not their values.");
    flags.bool("recurse", "Recursively look at all keys prefixed with the given path.");
    flags.value("separator", "<string>", "String to use as a separator with -keys. Defaults to \"/\".");
    flags.bool("stale", "Allow any server to answer, not just the leader.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) {
    List<String> args = flags.positional();
    if (args.size() > 1) {
      console.err().println("Too many arguments (expected 1, got " + args.size() + ")");
      return 1;
    }
    // Keys never start with '/', but users type "/foo": strip it as Consul does.
    String key = args.isEmpty() ? "" : KvPaths.stripLeadingSlash(args.get(0));
    boolean recurse = flags.bool("recurse");
    boolean keys = flags.bool("keys");
    if (key.isEmpty() && !recurse && !keys) {
      console.err().println("Error! Missing KEY argument");
      return 1;
    }
    Map<String, String> query = new HashMap<>();
    if (flags.bool("stale")) {
      query.put("stale", null);
    }
    boolean base64 = flags.bool("base64");
    boolean detailed = flags.bool("detailed");
    PrintStream out = console.out();
    try {
      if (keys) {
        query.put("keys", null);
        query.put("separator", flags.string("separator", "/"));
        for (Object name : listOrEmpty(api, key, query)) {
          out.println(name);
        }
        return 0;
      }
      if (recurse) {
        query.put("recurse", null);
        List<KvEntry> entries = KvEntries.listFrom(listOrEmpty(api, key, query));
        for (int i = 0; i < entries.size(); i++) {
          KvEntry entry = entries.get(i);
          if (detailed) {
            out.println(KvText.detailed(entry, base64));
            if (i < entries.size() - 1) {
              out.println();
            }
          } else {
            out.print(entry.key() + ":");
            out.writeBytes(base64 ? encode(entry.value()) : entry.value());
            out.println();
          }
        }
        return 0;
      }
      var response = api.send("GET", "/v1/kv/" + key, query, null, 200, 404);
      if (response.status() == 404) {
        console.err().println("Error! No key exists at: " + key);
        return 1;
      }
      KvEntry entry = KvEntries.listFrom(Json.parse(response.text())).get(0);
      if (detailed) {
        out.println(KvText.detailed(entry, base64));
      } else {
        out.writeBytes(base64 ? encode(entry.value()) : entry.value());
        out.println();
      }
      out.flush();
      return 0;
    } catch (ApiException e) {
      console.err().println("Error querying Cairn agent: " + e.getMessage());
      return 1;
    } catch (JsonException | RuntimeException e) {
      console.err().println("Error querying Cairn agent: unreadable answer: " + e.getMessage());
      return 1;
    }
  }

  /** A prefix with no keys answers 404; like Consul's client that just means "nothing to print". */
  private static List<?> listOrEmpty(ApiClient api, String prefix, Map<String, String> query)
      throws ApiException, JsonException {
    var response = api.send("GET", "/v1/kv/" + prefix, query, null, 200, 404);
    return response.status() == 404 ? List.of() : (List<?>) Json.parse(response.text());
  }

  private static byte[] encode(byte[] value) {
    return KvText.value(value, true).getBytes(StandardCharsets.US_ASCII);
  }
}
