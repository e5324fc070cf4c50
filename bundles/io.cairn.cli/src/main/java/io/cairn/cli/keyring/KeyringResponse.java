package io.cairn.cli.keyring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pool's answer in {@code GET /v1/operator/keyring}: which pool (the WAN pool, or a datacenter's LAN pool
 * with its segment or partition), how many of its {@code numNodes} nodes hold each key, and the messages nodes
 * sent back.
 */
record KeyringResponse(boolean wan, String datacenter, String segment, String partition, Map<String, Integer> keys,
    Map<String, Integer> primaryKeys, int numNodes, Map<String, String> messages) {

  /** Reads the JSON array the endpoint answers with. */
  static List<KeyringResponse> parseAll(Object json) {
    if (!(json instanceof List<?> items)) {
      throw new IllegalArgumentException("expected a JSON array of keyring responses");
    }
    List<KeyringResponse> responses = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> object)) {
        throw new IllegalArgumentException("expected a JSON object per keyring response");
      }
      Map<String, String> messages = new LinkedHashMap<>();
      if (object.get("Messages") instanceof Map<?, ?> given) {
        given.forEach((from, text) -> messages.put(String.valueOf(from), String.valueOf(text)));
      }
      responses.add(new KeyringResponse(Boolean.TRUE.equals(object.get("WAN")), text(object.get("Datacenter")),
          text(object.get("Segment")), text(object.get("Partition")), counts(object.get("Keys")),
          counts(object.get("PrimaryKeys")), count(object.get("NumNodes")), messages));
    }
    return responses;
  }

  /**
   * The block Consul prints for the pool: a blank line, the pool name, the nodes' messages, then one
   * {@code "  <key> [<nodes holding it>/<nodes>]"} line per key (only primary keys when {@code primaryOnly}).
   */
  String format(boolean primaryOnly) {
    StringBuilder out = new StringBuilder("\n").append(wan ? "WAN" : datacenter + " (LAN)");
    if (!segment.isEmpty()) {
      out.append(" [").append(segment).append(']');
    } else if (!partition.isEmpty() && !partition.equals("default")) {
      out.append(" [partition: ").append(partition).append(']');
    }
    out.append(":");
    messages.forEach((from, message) -> out.append("\n  ===> ").append(from).append(": ").append(message));
    (primaryOnly ? primaryKeys : keys).forEach((key, nodes) -> out.append("\n  ").append(key).append(" [")
        .append(nodes).append('/').append(numNodes).append(']'));
    return out.toString();
  }

  private static Map<String, Integer> counts(Object json) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (json instanceof Map<?, ?> map) {
      map.forEach((key, nodes) -> counts.put(String.valueOf(key), count(nodes)));
    }
    return counts;
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  private static int count(Object value) {
    return value instanceof BigDecimal number ? number.intValue() : 0;
  }
}
