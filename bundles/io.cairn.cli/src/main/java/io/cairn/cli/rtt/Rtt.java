package io.cairn.cli.rtt;

import io.cairn.cli.ClientCommand;
import io.cairn.cli.Console;
import io.cairn.cli.flags.FlagSet;
import io.cairn.cli.flags.ParsedFlags;
import io.cairn.cli.flags.UsageException;
import io.cairn.cli.http.ApiClient;
import io.cairn.cli.http.ApiException;
import io.cairn.cli.json.Json;
import io.cairn.cli.json.JsonException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cairn rtt [-wan] node1 [node2]}: estimates the round trip time between two nodes from their network
 * coordinates. LAN coordinates come from {@code /v1/coordinate/nodes}; with {@code -wan} the servers' WAN
 * coordinates come from {@code /v1/coordinate/datacenters} and nodes are named {@code <node>.<datacenter>}.
 * Without {@code node2}, the agent's own node is used. Node names match without regard to case.
 */
public final class Rtt extends ClientCommand {

  /** Thrown when the nodes cannot be compared (bad WAN names, no coordinate); the message is the one to print. */
  private static final class CannotEstimate extends Exception {
    private static final long serialVersionUID = 1L;

    CannotEstimate(String message) {
      super(message);
    }
  }

  @Override
  public String synopsis() {
    return "Estimates network round trip time between nodes";
  }

  @Override
  protected String usage() {
    return "Usage: cairn rtt [options] node1 [node2]\n\n"
        + "  Estimates the round trip time between two nodes from the cluster's network coordinates. Without\n"
        + "  node2, the agent's own node is used. Names are node names as \"cairn members\" shows them, not\n"
        + "  addresses. LAN coordinates are used unless -wan is given; then the nodes are servers named\n"
        + "  <node>.<datacenter> (e.g. \"s1.dc1\"). LAN and WAN coordinates cannot be compared with each other.";
  }

  @Override
  protected void declare(FlagSet flags) {
    flags.bool("wan", "Use WAN coordinates instead of LAN coordinates.");
  }

  @Override
  protected int execute(ParsedFlags flags, ApiClient api, Console console) throws UsageException {
    List<String> nodes = flags.positional();
    if (nodes.isEmpty() || nodes.size() > 2) {
      throw new UsageException("One or two node names must be specified");
    }
    boolean wan = flags.bool("wan");
    String first = nodes.get(0);
    String second;
    if (nodes.size() == 2) {
      second = nodes.get(1);
    } else {
      try {
        second = agentNode(api, wan);
      } catch (ApiException | JsonException | IllegalArgumentException e) {
        console.err().println("Unable to look up agent info: " + e.getMessage());
        return 1;
      }
    }
    Coordinate[] pair;
    try {
      pair = wan ? wanPair(api, first, second) : lanPair(api, first, second);
    } catch (ApiException | JsonException | IllegalArgumentException e) {
      console.err().println("Error getting coordinates: " + e.getMessage());
      return 1;
    } catch (CannotEstimate e) {
      console.err().println(e.getMessage());
      return 1;
    }
    long nanos;
    try {
      nanos = pair[0].distanceNanosTo(pair[1]);
    } catch (IllegalArgumentException e) {
      console.err().println("Error comparing the coordinates of " + quoted(first) + " and " + quoted(second) + ": "
          + e.getMessage());
      return 1;
    }
    console.out().println("Estimated " + first + " <-> " + second + " rtt: " + milliseconds(nanos) + " (using "
        + (wan ? "WAN" : "LAN") + " coordinates)");
    return 0;
  }

  /** The agent's node name, or {@code <node>.<datacenter>} for the WAN pool. */
  private static String agentNode(ApiClient api, boolean wan) throws ApiException, JsonException {
    Object self = Json.parse(api.send("GET", "/v1/agent/self", Map.of(), null, 200).text());
    if (!(self instanceof Map<?, ?> s) || !(s.get("Config") instanceof Map<?, ?> config)
        || !(config.get("NodeName") instanceof String name)) {
      throw new IllegalArgumentException("the agent's answer has no Config.NodeName");
    }
    return wan ? name + "." + config.get("Datacenter") : name;
  }

  /**
   * Both nodes' LAN coordinates from the same network segment: the segment of whichever node has only one (a
   * client), else the default segment, as Consul picks them.
   */
  private static Coordinate[] lanPair(ApiClient api, String first, String second)
      throws ApiException, JsonException, CannotEstimate {
    Object json = Json.parse(api.send("GET", "/v1/coordinate/nodes", Map.of(), null, 200).text());
    if (!(json instanceof List<?> entries)) {
      throw new IllegalArgumentException("expected a JSON array of node coordinates");
    }
    Map<String, Coordinate> firstBySegment = new HashMap<>();
    Map<String, Coordinate> secondBySegment = new HashMap<>();
    for (Object item : entries) {
      if (!(item instanceof Map<?, ?> entry)) {
        throw new IllegalArgumentException("expected a JSON object per node coordinate");
      }
      String node = String.valueOf(entry.get("Node"));
      String segment = entry.get("Segment") == null ? "" : String.valueOf(entry.get("Segment"));
      if (node.equalsIgnoreCase(first)) {
        firstBySegment.put(segment, Coordinate.fromJson(entry.get("Coord")));
      }
      if (node.equalsIgnoreCase(second)) {
        secondBySegment.put(segment, Coordinate.fromJson(entry.get("Coord")));
      }
    }
    String segment = "";
    if (firstBySegment.size() == 1) {
      segment = firstBySegment.keySet().iterator().next();
    }
    if (secondBySegment.size() == 1) {
      segment = secondBySegment.keySet().iterator().next();
    }
    return found(first, firstBySegment.get(segment), second, secondBySegment.get(segment));
  }

  /** Both servers' WAN coordinates, which must be in the same network area to be comparable. */
  private static Coordinate[] wanPair(ApiClient api, String first, String second)
      throws ApiException, JsonException, CannotEstimate {
    String[] one = first.split("\\.", -1);
    String[] two = second.split("\\.", -1);
    if (one.length != 2 || two.length != 2) {
      throw new CannotEstimate("Node names must be specified as <node name>.<datacenter> with -wan");
    }
    Object json = Json.parse(api.send("GET", "/v1/coordinate/datacenters", Map.of(), null, 200).text());
    if (!(json instanceof List<?> datacenters)) {
      throw new IllegalArgumentException("expected a JSON array of datacenters");
    }
    String firstArea = null;
    String secondArea = null;
    Coordinate firstCoordinate = null;
    Coordinate secondCoordinate = null;
    for (Object item : datacenters) {
      if (!(item instanceof Map<?, ?> dc) || !(dc.get("Coordinates") instanceof List<?> coordinates)) {
        throw new IllegalArgumentException("expected a JSON object with \"Coordinates\" per datacenter");
      }
      String area = String.valueOf(dc.get("AreaID"));
      for (Object entryJson : coordinates) {
        if (!(entryJson instanceof Map<?, ?> entry)) {
          throw new IllegalArgumentException("expected a JSON object per node coordinate");
        }
        String node = String.valueOf(entry.get("Node"));
        if (one[1].equals(dc.get("Datacenter")) && node.equalsIgnoreCase(one[0])) {
          firstArea = area;
          firstCoordinate = Coordinate.fromJson(entry.get("Coord"));
        }
        if (two[1].equals(dc.get("Datacenter")) && node.equalsIgnoreCase(two[0])) {
          secondArea = area;
          secondCoordinate = Coordinate.fromJson(entry.get("Coord"));
        }
        if (firstCoordinate != null && secondCoordinate != null && firstArea.equals(secondArea)) {
          return new Coordinate[] {firstCoordinate, secondCoordinate};
        }
      }
    }
    // Coordinates from different areas are not comparable: report the first node as not found.
    return found(first, null, second, null);
  }

  private static Coordinate[] found(String first, Coordinate one, String second, Coordinate two) throws CannotEstimate {
    if (one == null) {
      throw new CannotEstimate("Could not find a coordinate for node " + quoted(first));
    }
    if (two == null) {
      throw new CannotEstimate("Could not find a coordinate for node " + quoted(second));
    }
    return new Coordinate[] {one, two};
  }

  /** Go's {@code %.3f} of {@code Duration.Seconds()*1000}: the exact binary value rounded half to even. */
  static String milliseconds(long nanos) {
    double seconds = (double) (nanos / 1_000_000_000L) + (double) (nanos % 1_000_000_000L) / 1e9;
    return new BigDecimal(seconds * 1000.0).setScale(3, RoundingMode.HALF_EVEN).toPlainString() + " ms";
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
