package io.cairn.cli.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class CatalogDatacentersTest {

  @Test
  void printsOnePerLine() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[\"dc1\",\"dc2\"]").reply(500, "boom")) {
      assertEquals(0, agent.run(new CatalogDatacenters()));
      assertEquals("/v1/catalog/datacenters", agent.requests.get(0).uri());
      assertEquals("dc1\ndc2\n", agent.out());
      assertEquals(1, agent.run(new CatalogDatacenters()));
      assertEquals("Error listing datacenters: Unexpected response code: 500 (boom)\n", agent.err());
    }
  }
}
