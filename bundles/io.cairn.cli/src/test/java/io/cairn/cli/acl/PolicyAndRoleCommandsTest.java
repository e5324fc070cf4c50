package io.cairn.cli.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.FakeAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy and role commands against a fake agent. */
class PolicyAndRoleCommandsTest {
  private static final String ID = "6a1253e0-6bd4-4dbb-8d2c-5fd14bd3e1d2";
  private static final String POLICY = "{\"ID\":\"" + ID + "\",\"Name\":\"web-read\",\"Description\":\"reads\","
      + "\"Rules\":\"service \\\"web\\\" { policy = \\\"read\\\" }\",\"Datacenters\":[\"dc1\",\"dc2\"],"
      + "\"Hash\":\"AQI=\",\"CreateIndex\":7,\"ModifyIndex\":9}";
  private static final String ROLE = "{\"ID\":\"3b0a78fe-b9c3-40de-b8ea-7d4d6674b366\",\"Name\":\"shire\","
      + "\"Description\":\"hobbits\",\"Policies\":[{\"ID\":\"" + ID + "\",\"Name\":\"web-read\"}],"
      + "\"ServiceIdentities\":[{\"ServiceName\":\"web\"}],\"NodeIdentities\":[{\"NodeName\":\"n1\","
      + "\"Datacenter\":\"dc1\"}],\"CreateIndex\":3,\"ModifyIndex\":4}";

  @TempDir
  Path tmp;

  @Test
  void createReadsRulesFromAFileOrStdinAndPrintsThePolicy() throws Exception {
    Path rules = Files.writeString(tmp.resolve("rules.hcl"), "key_prefix \"\" { policy = \"read\" }");
    try (FakeAgent agent = new FakeAgent().reply(200, POLICY).reply(200, POLICY)) {
      assertEquals(0, agent.run(new PolicyCreate(), "-name", "web-read", "-description", "reads",
          "-valid-datacenter", "dc1", "-valid-datacenter", "dc2", "-rules", "@" + rules));
      assertEquals("PUT /v1/acl/policy", agent.requests.get(0).method() + " " + agent.requests.get(0).uri());
      assertEquals("{\"Name\":\"web-read\",\"Description\":\"reads\",\"Rules\":\"key_prefix\\\"\\\"{policy=\\\"read"
          + "\\\"}\",\"Datacenters\":[\"dc1\",\"dc2\"]}", agent.requests.get(0).body().replaceAll("\\s", ""));
      assertEquals(""
          + "ID:           " + ID + "\n"
          + "Name:         web-read\n"
          + "Description:  reads\n"
          + "Datacenters:  dc1, dc2\n"
          + "Rules:\n"
          + "service \"web\" { policy = \"read\" }\n", agent.out());
      assertEquals(0, agent.runWithStdin(new PolicyCreate(), "node_prefix \"\" {}", "-name", "n", "-rules", "-"));
      assertTrue(agent.requests.get(1).body().contains("\"Rules\": \"node_prefix \\\"\\\" {}\""),
          agent.requests.get(1).body());
      assertEquals(1, agent.run(new PolicyCreate(), "-rules", "x"));
      assertEquals(1, agent.run(new PolicyCreate(), "-name", "n", "-rules", "@" + tmp.resolve("none")));
      assertEquals("Missing required '-name' flag\nError loading rules: Failed to read file: open "
          + tmp.resolve("none") + ": no such file or directory\n", agent.err());
    }
  }

  @Test
  void listShowsEachPolicyUnderItsNameAndMetaOnRequest() throws Exception {
    String builtin = "{\"ID\":\"00000000-0000-0000-0000-000000000001\",\"Name\":\"global-management\","
        + "\"Description\":\"Builtin Policy that grants unlimited access\",\"Datacenters\":null}";
    try (FakeAgent agent = new FakeAgent().reply(200, "[" + builtin + "," + POLICY + "]")) {
      assertEquals(0, agent.run(AclList.policies(), "-meta"));
      assertEquals(""
          + "global-management:\n"
          + "   ID:           00000000-0000-0000-0000-000000000001\n"
          + "   Description:  Builtin Policy that grants unlimited access\n"
          + "   Datacenters:  \n"
          + "   Hash:         \n"
          + "   Create Index: 0\n"
          + "   Modify Index: 0\n"
          + "web-read:\n"
          + "   ID:           " + ID + "\n"
          + "   Description:  reads\n"
          + "   Datacenters:  dc1, dc2\n"
          + "   Hash:         0102\n"
          + "   Create Index: 7\n"
          + "   Modify Index: 9\n\n", agent.out());
    }
  }

  @Test
  void readByNameOrByTheBuiltinNameAndDeleteByName() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, POLICY).reply(200, POLICY).reply(200, POLICY)
        .reply(200, "true").reply(404, "")) {
      assertEquals(0, agent.run(AclRead.policy(), "-name", "web-read"));
      assertEquals("/v1/acl/policy/name/web-read", agent.requests.get(0).uri());
      assertEquals(0, agent.run(AclRead.policy(), "-id", "global-management"));
      assertEquals("/v1/acl/policy/00000000-0000-0000-0000-000000000001", agent.requests.get(1).uri());
      assertEquals(0, agent.run(AclDelete.policy(), "-name", "web-read"));
      assertEquals("DELETE /v1/acl/policy/" + ID, agent.requests.get(3).method() + " "
          + agent.requests.get(3).uri());
      assertTrue(agent.out().endsWith("Policy \"" + ID + "\" deleted successfully\n"), agent.out());
      assertEquals(1, agent.run(AclRead.policy(), "-name", "gone"));
      assertEquals(1, agent.run(AclDelete.policy()));
      assertEquals("Policy not found with name \"gone\"\nMust specify either the -id or -name parameters\n",
          agent.err());
    }
  }

  @Test
  void updateMergesIntoTheExistingPolicyUnlessNoMerge() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, POLICY).reply(200, POLICY).reply(200, POLICY)) {
      assertEquals(0, agent.run(new PolicyUpdate(), "-id", ID, "-name", "renamed", "-description", "new"));
      assertEquals("PUT /v1/acl/policy/" + ID, agent.requests.get(1).method() + " " + agent.requests.get(1).uri());
      String body = agent.requests.get(1).body().replaceAll("\\s", "");
      assertTrue(body.startsWith("{\"ID\":\"" + ID + "\",\"Name\":\"renamed\",\"Description\":\"new\",\"Rules\":"
          + "\"service\\\"web\\\"{policy=\\\"read\\\"}\",\"Datacenters\":[\"dc1\",\"dc2\"]"), body);
      assertEquals(0, agent.run(new PolicyUpdate(), "-id", ID, "-name", "n", "-no-merge"));
      assertEquals("{\"ID\":\"" + ID + "\",\"Name\":\"n\",\"Description\":\"\",\"Rules\":\"\",\"Datacenters\":[]}",
          agent.requests.get(2).body().replaceAll("\\s", ""));
    }
  }

  @Test
  void rolesNeedALinkAndAreListedWithTheirLinks() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, ROLE).reply(200, "[" + ROLE + "]")) {
      assertEquals(1, agent.run(new RoleCreate(), "-name", "shire"));
      assertEquals("Cannot create a role without specifying -policy-name, -policy-id, -service-identity, or "
          + "-node-identity at least once\n", agent.err());
      assertEquals(0, agent.run(new RoleCreate(), "-name", "shire", "-description", "hobbits", "-policy-name",
          "web-read", "-service-identity", "web"));
      assertEquals("{\"Name\":\"shire\",\"Description\":\"hobbits\",\"Policies\":[{\"Name\":\"web-read\"}],"
          + "\"ServiceIdentities\":[{\"ServiceName\":\"web\"}],\"NodeIdentities\":[]}",
          agent.requests.get(0).body().replaceAll("\\s", ""));
      assertEquals(""
          + "ID:           3b0a78fe-b9c3-40de-b8ea-7d4d6674b366\n"
          + "Name:         shire\n"
          + "Description:  hobbits\n"
          + "Policies:\n"
          + "   " + ID + " - web-read\n"
          + "Service Identities:\n"
          + "   web (Datacenters: all)\n"
          + "Node Identities:\n"
          + "   n1 (Datacenter: dc1)\n\n", agent.out());
      agent.out.reset();
      assertEquals(0, agent.run(AclList.roles()));
      assertEquals(""
          + "shire:\n"
          + "   ID:           3b0a78fe-b9c3-40de-b8ea-7d4d6674b366\n"
          + "   Description:  hobbits\n"
          + "   Policies:\n"
          + "      " + ID + " - web-read\n"
          + "   Service Identities:\n"
          + "      web (Datacenters: all)\n"
          + "   Node Identities:\n"
          + "      n1 (Datacenter: dc1)\n\n", agent.out());
    }
  }

  @Test
  void roleUpdateAddsLinksToTheRolesOwn() throws Exception {
    String roles = "[" + ROLE + "]";
    try (FakeAgent agent = new FakeAgent().reply(200, roles).reply(200, ROLE).reply(200, ROLE)) {
      assertEquals(0, agent.run(new RoleUpdate(), "-id", "3b0a", "-policy-name", "extra", "-policy-name",
          "web-read", "-node-identity", "n1:dc1"), agent.err());
      String body = agent.requests.get(2).body().replaceAll("\\s", "");
      assertEquals("PUT /v1/acl/role/3b0a78fe-b9c3-40de-b8ea-7d4d6674b366",
          agent.requests.get(2).method() + " " + agent.requests.get(2).uri());
      assertTrue(body.contains("\"Policies\":[{\"ID\":\"" + ID + "\",\"Name\":\"web-read\"},{\"Name\":\"extra\"}]"),
          body);
      assertTrue(body.contains("\"NodeIdentities\":[{\"NodeName\":\"n1\",\"Datacenter\":\"dc1\"}]"), body);
      assertEquals(1, agent.run(new RoleUpdate(), "-name", "x"));
      assertEquals("Cannot update a role without specifying the -id parameter\n", agent.err());
    }
  }

  @Test
  void goTimeTextMatchesGosTimeString() {
    assertEquals("2020-05-22 18:52:31 +0000 UTC", AclText.goTime("2020-05-22T18:52:31Z"));
    assertEquals("2020-05-22 18:52:31.1234567 +0000 UTC", AclText.goTime("2020-05-22T18:52:31.12345670Z"));
    String offset = AclText.goTime("2020-05-22T18:52:31+05:45");
    assertTrue(offset.startsWith("2020-05-22 18:52:31 +0545 "), offset);
  }
}
