package io.cairn.cli.catalog;

import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Flags and answer handling shared by the catalog read commands. */
final class CatalogQuery {
  private CatalogQuery() {}

  static void declareNodeMeta(FlagSet flags) {
    flags.value("node-meta", "<key=value>", "Only nodes with this metadata key and value. Repeatable; all must "
        + "match.");
    flags.bool("stale", "Allow any server to answer, not just the leader.");
  }

  /** {@code node-meta=key:value} per {@code -node-meta}, as Consul's client sends them, and {@code stale}. */
  static List<Map.Entry<String, String>> params(ParsedFlags flags) throws UsageException {
    List<Map.Entry<String, String>> params = new ArrayList<>();
    for (Map.Entry<String, String> meta : flags.keyValues("node-meta").entrySet()) {
      params.add(new SimpleImmutableEntry<>("node-meta", meta.getKey() + ":" + meta.getValue()));
    }
    if (flags.bool("stale")) {
      params.add(new SimpleImmutableEntry<>("stale", null));
    }
    return params;
  }

  /** A JSON object of strings as {@code k=v} pairs sorted by key, e.g. {@code lan=10.0.0.1, wan=1.2.3.4}. */
  static String pairs(Object json, String joiner) {
    if (!(json instanceof Map<?, ?> map)) {
      return "";
    }
    Map<String, String> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(joiner));
  }

  static String text(Map<?, ?> object, String field) {
    Object value = object.get(field);
    return value == null ? "" : String.valueOf(value);
  }

  /** The answer as a JSON array of objects; anything else is an unreadable answer. */
  static List<Map<?, ?>> objects(Object json) {
    if (!(json instanceof List<?> items)) {
      throw new IllegalArgumentException("expected a JSON array");
    }
    List<Map<?, ?>> objects = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> object)) {
        throw new IllegalArgumentException("expected a JSON object per entry");
      }
      objects.add(object);
    }
    return objects;
  }
}
