package io.cairn.cli.catalog;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code cairn catalog services}: service names, sorted, one per line; {@code -tags} adds each service's tags.
 * {@code -node} lists the services of one node.
 */
public final class CatalogServices extends ClientCommand {
  /** Consul prints the tag column with Go's tabwriter, six spaces of padding after the widest name. */
  private static final int TAG_PADDING = 6;

  @Override
  public String synopsis() {
    return "Lists all registered services in a datacenter";
  }

  @Override
  protected String usage() {
    return "Usage: cairn catalog services [options]\n\n"
        + "  Lists the names of the services registered in the catalog, sorted.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.value("node", "<name>", "Only services on this node.");
    flags.bool("tags", "Show each service's tags as a comma-separated list beside its name.");
    CatalogQuery.declareNodeMeta(flags);
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException {
    if (!flags.positional().isEmpty()) {
      console.err().println("Too many arguments (expected 0, got " + flags.positional().size() + ")");
      return 1;
    }
    String node = flags.string("node", "");
    String failure = node.isEmpty() ? "Error listing services: " : "Error listing services for node: ";
    Map<String, List<String>> services;
    try {
      String path = node.isEmpty() ? "/v1/catalog/services" : "/v1/catalog/node/" + node;
      Object json = Json.parse(api.send("GET", path, CatalogQuery.params(flags), null, 200).text());
      services = node.isEmpty() ? fromServices(json) : fromNode(json);
    } catch (ApiException e) {
      console.err().println(failure + e.getMessage());
      return 1;
    } catch (JsonException | RuntimeException e) {
      console.err().println(failure + "unreadable answer: " + e.getMessage());
      return 1;
    }
    if (services.isEmpty()) {
      console.err().println("No services match the given query - try expanding your search.");
      return 0;
    }
    console.out().print(list(services, flags.bool("tags")));
    return 0;
  }

  /** The names in order, or with {@code tags} a name column and the sorted tags joined by commas. */
  static String list(Map<String, List<String>> services, boolean tags) {
    StringBuilder out = new StringBuilder();
    if (!tags) {
      new TreeMap<>(services).keySet().forEach(name -> out.append(name).append('\n'));
      return out.toString();
    }
    int width = services.keySet().stream().mapToInt(String::length).max().orElse(0) + TAG_PADDING;
    new TreeMap<>(services).forEach((name, serviceTags) -> {
      List<String> sorted = new ArrayList<>(serviceTags);
      Collections.sort(sorted);
      out.append(name).append(" ".repeat(width - name.length())).append(String.join(",", sorted)).append('\n');
    });
    // Consul trims the whole block, so only the last line loses the padding of an empty tag list.
    return out.toString().strip() + "\n";
  }

  /** {@code /v1/catalog/services}: {@code {"name": ["tag", ...]}}. */
  private static Map<String, List<String>> fromServices(Object json) {
    if (!(json instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("expected a JSON object of service names");
    }
    Map<String, List<String>> services = new TreeMap<>();
    map.forEach((name, tags) -> services.put(String.valueOf(name), strings(tags)));
    return services;
  }

  /** {@code /v1/catalog/node/:node}: {@code null} for an unknown node, else its instances by ID. */
  private static Map<String, List<String>> fromNode(Object json) {
    Map<String, List<String>> services = new TreeMap<>();
    if (json == null) {
      return services;
    }
    if (!(json instanceof Map<?, ?> info) || !(info.get("Services") instanceof Map<?, ?> instances)) {
      throw new IllegalArgumentException("expected a JSON object with \"Services\"");
    }
    for (Object instance : instances.values()) {
      if (instance instanceof Map<?, ?> service) {
        services.computeIfAbsent(CatalogQuery.text(service, "Service"), name -> new ArrayList<>())
            .addAll(strings(service.get("Tags")));
      }
    }
    return services;
  }

  private static List<String> strings(Object json) {
    List<String> values = new ArrayList<>();
    if (json instanceof List<?> items) {
      items.forEach(item -> values.add(String.valueOf(item)));
    }
    return values;
  }
}
