package io.cairn.cli.operator;

import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Reading the operator endpoints' JSON answers: an object, and its fields as Go's zero values when absent. */
final class OperatorJson {

  private OperatorJson() {}

  /**
   * {@code GET path} as a JSON object; {@code accepted} are the statuses that carry one.
   *
   * @throws ApiException if the request fails or the answer is not a JSON object
   */
  static Map<?, ?> get(ApiClient api, String path, Map<String, String> query, int... accepted)
      throws ApiException {
    String text = api.send("GET", path, query, null, accepted).text();
    try {
      if (Json.parse(text) instanceof Map<?, ?> object) {
        return object;
      }
    } catch (JsonException e) {
      throw new ApiException("unreadable answer: " + e.getMessage());
    }
    throw new ApiException("unreadable answer: expected a JSON object");
  }

  static String text(Map<?, ?> object, String field) {
    Object value = object.get(field);
    return value == null ? "" : String.valueOf(value);
  }

  static long number(Map<?, ?> object, String field) {
    return object.get(field) instanceof BigDecimal n ? n.longValue() : 0;
  }

  static boolean bool(Map<?, ?> object, String field) {
    return Boolean.TRUE.equals(object.get(field));
  }

  static List<?> list(Map<?, ?> object, String field) {
    return object.get(field) instanceof List<?> l ? l : List.of();
  }

  static Map<?, ?> object(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }
}
