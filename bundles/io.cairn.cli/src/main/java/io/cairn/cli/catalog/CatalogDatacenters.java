package io.cairn.cli.catalog;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.util.List;
import java.util.Map;

/** {@code cairn catalog datacenters}: the known datacenters, one per line, nearest first. */
public final class CatalogDatacenters extends ClientCommand {

  @Override
  public String synopsis() {
    return "Lists all known datacenters";
  }

  @Override
  protected String usage() {
    return "Usage: cairn catalog datacenters [options]\n\n"
        + "  Lists the known datacenters, nearest first.";
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
      Object json = Json.parse(api.send("GET", "/v1/catalog/datacenters", Map.of(), null, 200).text());
      if (!(json instanceof List<?> names)) {
        throw new IllegalArgumentException("expected a JSON array of names");
      }
      names.forEach(console.out()::println);
      return 0;
    } catch (ApiException e) {
      console.err().println("Error listing datacenters: " + e.getMessage());
      return 1;
    } catch (JsonException | RuntimeException e) {
      console.err().println("Error listing datacenters: unreadable answer: " + e.getMessage());
      return 1;
    }
  }
}
