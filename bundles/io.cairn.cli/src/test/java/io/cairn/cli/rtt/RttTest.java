package io.cairn.cli.rtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.FakeAgent;
import java.util.List;
import org.junit.jupiter.api.Test;

class RttTest {
  /** s1 at the origin; web1 3 ms and 4 ms away on two axes (5 ms), both with 0.1 ms height. */
  private static final String NODES = "["
      + entry("s1", "", coordinate("0,0,0,0,0,0,0,0", 0, 0.0001))
      + "," + entry("WEB1", "", coordinate("0.003,0.004,0,0,0,0,0,0", 0, 0.0001))
      + "," + entry("db1", "", coordinate("0.001,0,0,0,0,0,0,0", -0.01, 0))
      + "," + entry("seg1", "alpha", coordinate("0.002,0,0,0,0,0,0,0", 0, 0))
      + "," + entry("s1", "alpha", coordinate("0.0005,0,0,0,0,0,0,0", 0, 0))
      + "," + entry("new", "", "null") + "]";

  @Test
  void estimatesWithSerfsFormulaAndMatchesNamesWithoutCase() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, NODES)) {
      assertEquals(0, agent.run(new Rtt(), "s1", "web1"));
      assertEquals("/v1/coordinate/nodes", agent.requests.get(0).uri());
      assertEquals("Estimated s1 <-> web1 rtt: 5.200 ms (using LAN coordinates)\n", agent.out());
    }
  }

  @Test
  void theSecondNodeDefaultsToTheAgentsOwn() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "{\"Config\":{\"NodeName\":\"s1\",\"Datacenter\":\"dc1\"}}")
        .reply(200, NODES)) {
      assertEquals(0, agent.run(new Rtt(), "web1"));
      assertEquals(List.of("/v1/agent/self", "/v1/coordinate/nodes"),
          agent.requests.stream().map(FakeAgent.Recorded::uri).toList());
      assertEquals("Estimated web1 <-> s1 rtt: 5.200 ms (using LAN coordinates)\n", agent.out());
    }
  }

  @Test
  void adjustmentsCountOnlyWhileTheEstimateStaysPositive() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, NODES)) {
      assertEquals(0, agent.run(new Rtt(), "db1", "s1"));
      assertEquals("Estimated db1 <-> s1 rtt: 1.100 ms (using LAN coordinates)\n", agent.out(),
          "-10 ms of adjustment would make it negative, so the raw distance stands");
    }
  }

  @Test
  void aNodeInOneSegmentIsComparedInThatSegment() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, NODES)) {
      assertEquals(0, agent.run(new Rtt(), "seg1", "s1"));
      assertEquals("Estimated seg1 <-> s1 rtt: 1.500 ms (using LAN coordinates)\n", agent.out());
    }
  }

  @Test
  void wanUsesDatacenterCoordinatesOfServersInOneArea() throws Exception {
    String datacenters = "[{\"Datacenter\":\"dc1\",\"AreaID\":\"wan\",\"Coordinates\":["
        + entry("s1", "", coordinate("0,0,0,0,0,0,0,0", 0, 0)) + "]},"
        + "{\"Datacenter\":\"dc2\",\"AreaID\":\"wan\",\"Coordinates\":["
        + entry("s9", "", coordinate("0.04,0,0,0,0,0,0,0", 0.001, 0)) + "]}]";
    try (FakeAgent agent = new FakeAgent().reply(200, "{\"Config\":{\"NodeName\":\"s1\",\"Datacenter\":\"dc1\"}}")
        .reply(200, datacenters).reply(200, datacenters)) {
      assertEquals(0, agent.run(new Rtt(), "-wan", "s9.dc2"));
      assertEquals("/v1/coordinate/datacenters", agent.requests.get(1).uri());
      assertEquals("Estimated s9.dc2 <-> s1.dc1 rtt: 41.000 ms (using WAN coordinates)\n", agent.out());
      assertEquals(1, agent.run(new Rtt(), "-wan", "s9.dc2", "s2.dc1"));
      assertEquals(1, agent.run(new Rtt(), "-wan", "s9", "s1.dc1"));
      assertEquals("Could not find a coordinate for node \"s9.dc2\"\n"
          + "Node names must be specified as <node name>.<datacenter> with -wan\n", agent.err());
    }
  }

  @Test
  void unknownNodesAndBadArguments() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, NODES).reply(200, NODES).reply(500, "no leader")) {
      assertEquals(1, agent.run(new Rtt(), "ghost", "s1"));
      assertEquals(1, agent.run(new Rtt(), "s1", "new"));
      assertEquals(1, agent.run(new Rtt(), "s1", "web1"));
      assertEquals("Could not find a coordinate for node \"ghost\"\n"
          + "Could not find a coordinate for node \"new\"\n"
          + "Error getting coordinates: Unexpected response code: 500 (no leader)\n", agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new Rtt()));
      assertEquals(1, agent.run(new Rtt(), "a", "b", "c"));
      assertTrue(agent.err().startsWith("One or two node names must be specified\n\nUsage: cairn rtt"),
          agent.err());
      assertEquals(3, agent.requests.size());
    }
  }

  @Test
  void goRoundsTheExactBinaryValueHalfToEven() {
    assertEquals("0.610 ms", Rtt.milliseconds(610_000));
    assertEquals("0.000 ms", Rtt.milliseconds(0));
    assertEquals("0.001 ms", Rtt.milliseconds(1_499), "1.499 µs");
    assertEquals("0.002 ms", Rtt.milliseconds(1_500), "exact halves are rare in binary; 0.0015 is just above");
    assertEquals("12345.679 ms", Rtt.milliseconds(12_345_678_900L));
  }

  private static String entry(String node, String segment, String coord) {
    return "{\"Node\":\"" + node + "\",\"Segment\":\"" + segment + "\",\"Coord\":" + coord + "}";
  }

  private static String coordinate(String vec, double adjustment, double height) {
    return "{\"Vec\":[" + vec + "],\"Error\":0.2,\"Adjustment\":" + adjustment + ",\"Height\":" + height + "}";
  }
}
