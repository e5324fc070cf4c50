package io.cairn.cli.catalog;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Columns;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map;

/**
 * {@code cairn catalog nodes}: the nodes of the datacenter, or those running a service ({@code -service}), as a
 * table {@code Node ID Address DC}; {@code -detailed} shows full IDs, tagged addresses and metadata.
 */
public final class CatalogNodes extends ClientCommand {

  @Override
  public String synopsis() {
    return "Lists all nodes in the given datacenter";
  }

  @Override
  protected String usage() {
    return "Usage: cairn catalog nodes [options]\n\n"
        + "  Lists the nodes registered in the catalog, sorted by name. With -service, only the nodes providing\n"
        + "  that service (one line per instance).";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.bool("detailed", "Show full node IDs, tagged addresses and metadata.");
    flags.value("filter", "<expression>", "Filter expression passed to the agent.");
    flags.value("near", "<node>", "Sort by estimated round-trip time from this node (\"_agent\" for this one).");
    flags.value("service", "<name>", "Only nodes providing this service.");
    CatalogQuery.declareNodeMeta(flags);
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException {
    if (!flags.positional().isEmpty()) {
      console.err().println("Too many arguments (expected 0, got " + flags.positional().size() + ")");
      return 1;
    }
    List<Map.Entry<String, String>> params = CatalogQuery.params(flags);
    for (String name : List.of("near", "filter")) {
      flags.last(name).ifPresent(value -> params.add(new SimpleImmutableEntry<>(name, value)));
    }
    String service = flags.string("service", "");
    String failure = service.isEmpty() ? "Error listing nodes: " : "Error listing nodes for service: ";
    List<Map<?, ?>> entries;
    try {
      String path = service.isEmpty() ? "/v1/catalog/nodes" : "/v1/catalog/service/" + service;
      entries = CatalogQuery.objects(Json.parse(api.send("GET", path, params, null, 200).text()));
    } catch (ApiException e) {
      console.err().println(failure + e.getMessage());
      return 1;
    } catch (JsonException | RuntimeException e) {
      console.err().println(failure + "unreadable answer: " + e.getMessage());
      return 1;
    }
    if (entries.isEmpty()) {
      console.err().println("No nodes match the given query - try expanding your search.");
      return 0;
    }
    console.out().print(table(entries, !service.isEmpty(), flags.bool("detailed")));
    return 0;
  }

  /**
   * @param instances the entries are service instances ({@code /v1/catalog/service}), whose node metadata is
   *                  under {@code NodeMeta} instead of {@code Meta}
   */
  static String table(List<Map<?, ?>> entries, boolean instances, boolean detailed) {
    Columns table = new Columns();
    if (detailed) {
      table.row("Node", "ID", "Address", "DC", "TaggedAddresses", "Meta");
    } else {
      table.row("Node", "ID", "Address", "DC");
    }
    for (Map<?, ?> entry : entries) {
      String id = CatalogQuery.text(entry, "ID");
      String node = CatalogQuery.text(entry, "Node");
      String address = CatalogQuery.text(entry, "Address");
      String dc = CatalogQuery.text(entry, "Datacenter");
      if (detailed) {
        table.row(node, id, address, dc, CatalogQuery.pairs(entry.get("TaggedAddresses"), ", "),
            CatalogQuery.pairs(entry.get(instances ? "NodeMeta" : "Meta"), ", "));
      } else {
        table.row(node, shortId(id), address, dc);
      }
    }
    return table.format();
  }

  /** The first group of a UUID, as Consul shows node IDs in its short table. */
  static String shortId(String id) {
    int dash = id.indexOf('-');
    return dash > 0 ? id.substring(0, dash) : id;
  }
}
