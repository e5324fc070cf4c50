package io.cairn.cli.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

class CatalogServicesTest {
  private static final String SERVICES = "{\"web\":[\"v2\",\"primary\"],\"consul\":[],\"db\":[\"pg\"]}";

  @Test
  void namesAreSorted() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, SERVICES)) {
      assertEquals(0, agent.run(new CatalogServices()));
      assertEquals("/v1/catalog/services", agent.requests.get(0).uri());
      assertEquals("consul\ndb\nweb\n", agent.out());
    }
  }

  @Test
  void tagsFollowTheWidestNamePlusSixSpacesSortedAndCommaJoined() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, SERVICES)) {
      assertEquals(0, agent.run(new CatalogServices(), "-tags"));
      assertEquals("consul      \n"
          + "db          pg\n"
          + "web         primary,v2\n", agent.out());
    }
  }

  @Test
  void nodeListsItsInstancesServicesWithEveryInstancesTags() throws Exception {
    String node = "{\"Node\":{\"Node\":\"n1\"},\"Services\":{"
        + "\"web-1\":{\"ID\":\"web-1\",\"Service\":\"web\",\"Tags\":[\"b\"]},"
        + "\"web-2\":{\"ID\":\"web-2\",\"Service\":\"web\",\"Tags\":[\"a\",\"b\"]},"
        + "\"redis\":{\"ID\":\"redis\",\"Service\":\"redis\",\"Tags\":[]}}}";
    try (FakeAgent agent = new FakeAgent().reply(200, node).reply(200, "null")) {
      assertEquals(0, agent.run(new CatalogServices(), "-node=n1", "-tags", "-node-meta=rack=r1"));
      assertEquals("/v1/catalog/node/n1?node-meta=rack%3Ar1", agent.requests.get(0).uri());
      assertEquals("redis      \nweb        a,b,b\n", agent.out());
      agent.out.reset();
      assertEquals(0, agent.run(new CatalogServices(), "-node=unknown"));
      assertEquals("", agent.out());
      assertEquals("No services match the given query - try expanding your search.\n", agent.err());
    }
  }

  @Test
  void lastLineWithoutTagsIsTrimmed() {
    assertEquals("alpha      x\nbeta\n", CatalogServices.list(java.util.Map.of("alpha", java.util.List.of("x"),
        "beta", java.util.List.of()), true));
  }

  @Test
  void errorsNameTheQuery() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(403, "Permission denied")) {
      assertEquals(1, agent.run(new CatalogServices()));
      assertEquals("Error listing services: Unexpected response code: 403 (Permission denied)\n", agent.err());
    }
  }
}
