package io.cairn.cli.info;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code cairn info}: the {@code Stats} of the agent's {@code /v1/agent/self} as Consul's {@code info} prints
 * them: each section name and a colon, then its {@code key = value} lines indented by a tab, sections and keys in
 * sorted order.
 */
public final class Info extends ClientCommand {

  @Override
  public String synopsis() {
    return "Provides debugging information for operators";
  }

  @Override
  protected String usage() {
    return "Usage: cairn info [options]\n\n  Provides debugging information for operators.";
  }

  @Override
  protected void declare(FlagSet flags) {
    // only the common HTTP flags
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) {
    Object self;
    try {
      self = Json.parse(api.send("GET", "/v1/agent/self", Map.of(), null, 200).text());
    } catch (ApiException e) {
      console.err().println("Error querying agent: " + e.getMessage());
      return 1;
    } catch (JsonException e) {
      console.err().println("Error querying agent: unreadable answer: " + e.getMessage());
      return 1;
    }
    if (!(self instanceof Map<?, ?> body) || !(body.get("Stats") instanceof Map<?, ?> stats)) {
      console.err().println("Error querying agent: the answer has no Stats");
      return 1;
    }
    console.out().print(format(stats));
    return 0;
  }

  /** The sections in Consul's layout. */
  static String format(Map<?, ?> stats) {
    StringBuilder out = new StringBuilder();
    sorted(stats).forEach((section, values) -> {
      out.append(section).append(":\n");
      if (values instanceof Map<?, ?> keys) {
        sorted(keys).forEach((key, value) -> out.append('\t').append(key).append(" = ")
            .append(value == null ? "" : value).append('\n'));
      }
    });
    return out.toString();
  }

  private static Map<String, Object> sorted(Map<?, ?> map) {
    Map<String, Object> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
    return sorted;
  }
}
