package io.cairn.cli.rtt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node's network coordinate as {@code /v1/coordinate/*} returns it ({@code Vec}, {@code Error},
 * {@code Adjustment}, {@code Height}; distances in seconds), and Serf's round-trip estimate between two. The CLI
 * runs without the agent's libraries on its class path, so the few lines of the estimate live here too; they must
 * agree with {@code io.cairn.coordinate}.
 */
record Coordinate(List<Double> vec, double error, double adjustment, double height) {

  Coordinate {
    vec = List.copyOf(vec);
  }

  /** Reads a {@code Coord} object; {@code null} (a node without a coordinate yet) gives {@code null}. */
  static Coordinate fromJson(Object json) {
    if (json == null) {
      return null;
    }
    if (!(json instanceof Map<?, ?> object) || !(object.get("Vec") instanceof List<?> items)) {
      throw new IllegalArgumentException("expected a coordinate object with a \"Vec\" array");
    }
    List<Double> vec = new ArrayList<>();
    for (Object item : items) {
      vec.add(number(item, "Vec"));
    }
    return new Coordinate(vec, number(object.get("Error"), "Error"), number(object.get("Adjustment"), "Adjustment"),
        number(object.get("Height"), "Height"));
  }

  /**
   * Serf's estimate in whole nanoseconds, as Go's {@code time.Duration} holds it: the Euclidean distance plus both
   * heights, plus both adjustments unless that would make the estimate zero or negative.
   *
   * @throws IllegalArgumentException if the two vectors have different dimensions
   */
  long distanceNanosTo(Coordinate other) {
    if (vec.size() != other.vec.size()) {
      throw new IllegalArgumentException("the coordinates have different dimensions (" + vec.size() + " and "
          + other.vec.size() + ")");
    }
    double sum = 0;
    for (int i = 0; i < vec.size(); i++) {
      double d = vec.get(i) - other.vec.get(i);
      sum += d * d;
    }
    double distance = Math.sqrt(sum) + height + other.height;
    double adjusted = distance + adjustment + other.adjustment;
    if (adjusted > 0) {
      distance = adjusted;
    }
    return (long) (distance * 1e9);
  }

  private static double number(Object value, String field) {
    if (value instanceof BigDecimal number) {
      return number.doubleValue();
    }
    throw new IllegalArgumentException("coordinate field \"" + field + "\" is not a number");
  }
}
