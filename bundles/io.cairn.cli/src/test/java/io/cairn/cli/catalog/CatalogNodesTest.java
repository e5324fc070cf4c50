package io.cairn.cli.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class CatalogNodesTest {
  private static final String BETAWEB1 = "{\"ID\":\"8a619b68-1c1f-4ea1-9a5a-d5bbd4ee4a4d\",\"Node\":\"betaweb1\","
      + "\"Address\":\"10.202.2.10\",\"Datacenter\":\"dc1\",\"TaggedAddresses\":{\"wan\":\"1.2.3.4\","
      + "\"lan\":\"10.202.2.10\"},\"Meta\":{\"rack\":\"r1\",\"consul-network-segment\":\"\"},\"CreateIndex\":5,"
      + "\"ModifyIndex\":5}";
  private static final String ALPHA = "{\"ID\":\"\",\"Node\":\"alpha-long-name\",\"Address\":\"10.0.0.1\","
      + "\"Datacenter\":\"dc1\",\"TaggedAddresses\":{},\"Meta\":{}}";

  @Test
  void serviceFilterPrintsTheWalkthroughTable() throws Exception {
    String instance = "{\"ID\":\"8a619b68-1c1f-4ea1-9a5a-d5bbd4ee4a4d\",\"Node\":\"betaweb1\","
        + "\"Address\":\"10.202.2.10\",\"Datacenter\":\"dc1\",\"TaggedAddresses\":{},\"NodeMeta\":{\"a\":\"b\"},"
        + "\"ServiceID\":\"hopscotch\",\"ServiceName\":\"hopscotch\",\"Meta\":{\"not\":\"node meta\"}}";
    try (FakeAgent agent = new FakeAgent().reply(200, "[" + instance + "]").reply(200, "[" + instance + "]")) {
      assertEquals(0, agent.run(new CatalogNodes(), "-service=hopscotch"));
      assertEquals("/v1/catalog/service/hopscotch", agent.requests.get(0).uri());
      assertEquals("Node      ID        Address      DC\n"
          + "betaweb1  8a619b68  10.202.2.10  dc1\n", agent.out());
      agent.out.reset();
      assertEquals(0, agent.run(new CatalogNodes(), "-service=hopscotch", "-detailed"));
      assertEquals("Node      ID                                    Address      DC   TaggedAddresses  Meta\n"
          + "betaweb1  8a619b68-1c1f-4ea1-9a5a-d5bbd4ee4a4d  10.202.2.10  dc1                   a=b\n", agent.out());
    }
  }

  @Test
  void nodesAreListedInAgentOrderWithShortIds() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[" + ALPHA + "," + BETAWEB1 + "]")) {
      assertEquals(0, agent.run(new CatalogNodes()));
      assertEquals("GET /v1/catalog/nodes", agent.requests.get(0).method() + " " + agent.requests.get(0).uri());
      assertEquals("Node             ID        Address      DC\n"
          + "alpha-long-name            10.0.0.1     dc1\n"
          + "betaweb1         8a619b68  10.202.2.10  dc1\n", agent.out());
    }
  }

  @Test
  void detailedShowsSortedTaggedAddressesAndMeta() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[" + BETAWEB1 + "]")) {
      assertEquals(0, agent.run(new CatalogNodes(), "-detailed"));
      assertEquals("Node      ID                                    Address      DC   TaggedAddresses"
          + "               Meta\n"
          + "betaweb1  8a619b68-1c1f-4ea1-9a5a-d5bbd4ee4a4d  10.202.2.10  dc1  lan=10.202.2.10, wan=1.2.3.4  "
          + "consul-network-segment=, rack=r1\n", agent.out());
    }
  }

  @Test
  void nodeMetaNearAndStaleBecomeQueryParameters() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[" + BETAWEB1 + "]")) {
      assertEquals(0, agent.run(new CatalogNodes(), "-node-meta", "rack=r1", "-node-meta=env=a=b", "-near=_agent",
          "-stale", "-datacenter=dc1"));
      assertEquals("/v1/catalog/nodes?dc=dc1&near=_agent&node-meta=rack%3Ar1&node-meta=env%3Aa%3Db&stale=",
          agent.requests.get(0).uri());
    }
  }

  @Test
  void filterIsPassedToTheAgentForNodesAndForAServicesInstances() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[" + BETAWEB1 + "]").reply(200, "[]")) {
      assertEquals(0, agent.run(new CatalogNodes(), "-filter", "Node matches \"web\""));
      assertEquals("/v1/catalog/nodes?filter=Node+matches+%22web%22", agent.requests.get(0).uri());
      assertEquals("Node      ID        Address      DC\n"
          + "betaweb1  8a619b68  10.202.2.10  dc1\n", agent.out());
      assertEquals(0, agent.run(new CatalogNodes(), "-service=web", "-filter=ServiceTags contains v2"));
      assertEquals("/v1/catalog/service/web?filter=ServiceTags+contains+v2", agent.requests.get(1).uri());
    }
  }

  @Test
  void noMatchIsReportedOnStderr() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[]")) {
      assertEquals(0, agent.run(new CatalogNodes(), "-service=nothing"));
      assertEquals("", agent.out());
      assertEquals("No nodes match the given query - try expanding your search.\n", agent.err());
    }
  }

  @Test
  void errors() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(500, "No cluster leader").reply(200, "{}")) {
      assertEquals(1, agent.run(new CatalogNodes()));
      assertEquals("Error listing nodes: Unexpected response code: 500 (No cluster leader)\n", agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new CatalogNodes(), "-service=web"));
      assertEquals("Error listing nodes for service: unreadable answer: expected a JSON array\n", agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new CatalogNodes(), "extra"));
      assertEquals("Too many arguments (expected 0, got 1)\n", agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new CatalogNodes(), "-node-meta=rack"));
      assertEquals("invalid value \"rack\" for flag -node-meta: expected key=value", agent.err().lines().findFirst()
          .orElseThrow());
    }
  }
}
