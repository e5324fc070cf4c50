package io.cairn.cli.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.FakeAgent;
import org.junit.jupiter.api.Test;

/** The token commands against a fake agent: requests, Consul's layouts and Consul's errors. */
class TokenCommandsTest {
  static final String POLICY_ID = "6a1253e0-6bd4-4dbb-8d2c-5fd14bd3e1d2";
  static final String TOKEN = "{\"AccessorID\":\"4d123dff-f460-73c3-02c4-8dd64d136e01\","
      + "\"SecretID\":\"3bf1a1e3-c1f0-2bfe-26c8-4b5d14fca5ed\",\"Description\":\"web\","
      + "\"Policies\":[{\"ID\":\"" + POLICY_ID + "\",\"Name\":\"web-read\"}],"
      + "\"Roles\":[{\"ID\":\"3b0a78fe-b9c3-40de-b8ea-7d4d6674b366\",\"Name\":\"shire\"}],"
      + "\"ServiceIdentities\":[{\"ServiceName\":\"web\"},{\"ServiceName\":\"db\",\"Datacenters\":[\"dc1\",\"dc2\"]}],"
      + "\"NodeIdentities\":[{\"NodeName\":\"n1\",\"Datacenter\":\"dc1\"}],\"Local\":false,"
      + "\"CreateTime\":\"2020-05-22T18:52:31.0500Z\",\"ExpirationTime\":\"2020-05-22T19:52:31Z\","
      + "\"Hash\":\"UuiRkOQPRCvoRZHRtUxxbrmwZ5crYrOdZ0Z1FTFbTbA=\",\"CreateIndex\":59,\"ModifyIndex\":60}";
  static final String PRETTY = ""
      + "AccessorID:       4d123dff-f460-73c3-02c4-8dd64d136e01\n"
      + "SecretID:         3bf1a1e3-c1f0-2bfe-26c8-4b5d14fca5ed\n"
      + "Description:      web\n"
      + "Local:            false\n"
      + "Create Time:      2020-05-22 18:52:31.05 +0000 UTC\n"
      + "Expiration Time:  2020-05-22 19:52:31 +0000 UTC\n"
      + "Policies:\n"
      + "   " + POLICY_ID + " - web-read\n"
      + "Roles:\n"
      + "   3b0a78fe-b9c3-40de-b8ea-7d4d6674b366 - shire\n"
      + "Service Identities:\n"
      + "   web (Datacenters: all)\n"
      + "   db (Datacenters: dc1, dc2)\n"
      + "Node Identities:\n"
      + "   n1 (Datacenter: dc1)\n";
  static final String POLICIES = "[{\"ID\":\"" + POLICY_ID + "\",\"Name\":\"web-read\"},"
      + "{\"ID\":\"6a99f4a1-0000-0000-0000-000000000000\",\"Name\":\"other\"}]";

  @Test
  void createLinksPoliciesByNameAndByIdPrefixAndPrintsConsulsLayout() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, POLICIES).reply(200, TOKEN)) {
      assertEquals(0, agent.run(new TokenCreate(), "-description", "web", "-policy-name", "web-read",
          "-policy-id", "6a12", "-service-identity", "db:dc1,dc2", "-node-identity", "n1:dc1", "-local",
          "-expires-ttl", "1h", "-token", "mgmt"), agent.err());
      assertEquals("/v1/acl/policies", agent.requests.get(0).uri());
      FakeAgent.Recorded create = agent.requests.get(1);
      assertEquals("PUT /v1/acl/token mgmt", create.method() + " " + create.uri() + " " + create.token());
      assertEquals("{\"Description\":\"web\",\"Policies\":[{\"Name\":\"web-read\"},{\"ID\":\"" + POLICY_ID + "\"}],"
          + "\"Roles\":[],\"ServiceIdentities\":[{\"ServiceName\":\"db\",\"Datacenters\":[\"dc1\",\"dc2\"]}],"
          + "\"NodeIdentities\":[{\"NodeName\":\"n1\",\"Datacenter\":\"dc1\"}],\"Local\":true,"
          + "\"ExpirationTTL\":3600000000000}", create.body().replaceAll("\\s", ""));
      assertEquals(PRETTY + "\n", agent.out());
    }
  }

  @Test
  void errorsReadLikeConsulsAndExitOne() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(403, "Permission denied: token with AccessorID 'x' lacks "
        + "permission \"acl:write\"").reply(401, "ACL support disabled").reply(200, POLICIES)) {
      assertEquals(1, agent.run(new TokenCreate(), "-policy-name", "p"));
      assertEquals(1, agent.run(AclList.tokens()));
      assertEquals(1, agent.run(new TokenCreate(), "-policy-id", "6a"));
      assertEquals(1, agent.run(new TokenCreate(), "-service-identity", "a:b:c"));
      assertEquals(1, agent.run(new TokenCreate(), "-node-identity", "n1"));
      assertEquals(1, agent.run(new TokenCreate(), "-format", "yaml"));
      assertEquals(""
          + "Failed to create new token: Unexpected response code: 403 (Permission denied: token with AccessorID "
          + "'x' lacks permission \"acl:write\")\n"
          + "Failed to retrieve the token list: Unexpected response code: 401 (ACL support disabled)\n"
          + "Error resolving policy ID 6a: Partial policy ID is not unique\n"
          + "Malformed -service-identity argument: \"a:b:c\"\n"
          + "Malformed -node-identity argument: \"n1\"\n"
          + "Unknown format: yaml\n", agent.err());
      assertEquals(3, agent.requests.size());
    }
  }

  @Test
  void readByPrefixSelfJsonAndMeta() throws Exception {
    String list = "[" + TOKEN + ",{\"AccessorID\":\"00000000-0000-0000-0000-000000000002\"}]";
    try (FakeAgent agent = new FakeAgent().reply(200, list).reply(200, TOKEN).reply(200, TOKEN)
        .reply(200, TOKEN).reply(200, "{\"AccessorID\":\"a\",\"Local\":true}")) {
      assertEquals(0, agent.run(AclRead.token(), "-id", "4d12", "-meta"));
      assertEquals("GET /v1/acl/token/4d123dff-f460-73c3-02c4-8dd64d136e01",
          agent.requests.get(1).method() + " " + agent.requests.get(1).uri());
      assertTrue(agent.out().contains("Expiration Time:  2020-05-22 19:52:31 +0000 UTC\n"
          + "Hash:             52e89190e40f442be84591d1b54c716eb9b067972b62b39d67467515315b4db0\n"
          + "Create Index:     59\nModify Index:     60\nPolicies:\n"), agent.out());
      agent.out.reset();
      assertEquals(0, agent.run(AclRead.token(), "-self"));
      assertEquals("/v1/acl/token/self", agent.requests.get(2).uri());
      assertEquals(PRETTY + "\n", agent.out());
      agent.out.reset();
      assertEquals(0, agent.run(AclRead.token(), "-accessor-id", "anonymous", "-format=json"));
      assertEquals("/v1/acl/token/00000000-0000-0000-0000-000000000002", agent.requests.get(3).uri());
      assertTrue(agent.out().startsWith("{\n    \"AccessorID\": \"4d123dff-f460-73c3-02c4-8dd64d136e01\",\n"
          + "    \"SecretID\""), agent.out());
      assertTrue(agent.out().contains("    \"Policies\": [\n        {\n            \"ID\": "), agent.out());
      assertTrue(agent.out().endsWith("    \"ModifyIndex\": 60\n}\n"), agent.out());
      agent.out.reset();
      assertEquals(0, agent.run(AclRead.token(), "-id", "00000000-0000-0000-0000-00000000000a"));
      assertEquals("AccessorID:       a\nSecretID:         \nDescription:      \nLocal:            true\n"
          + "Create Time:      \n\n", agent.out());
      assertEquals(1, agent.run(AclRead.token()));
      assertEquals("Must specify the -accessor-id parameter\n", agent.err());
    }
  }

  @Test
  void listSeparatesTokensByAnEmptyLine() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, "[" + TOKEN + "," + TOKEN + "]")) {
      assertEquals(0, agent.run(AclList.tokens()));
      assertEquals(PRETTY + "\n" + PRETTY + "\n", agent.out());
    }
  }

  @Test
  void updateReplacesAppendsOrKeepsEachKindOfLink() throws Exception {
    String full = "4d123dff-f460-73c3-02c4-8dd64d136e01";
    try (FakeAgent agent = new FakeAgent().reply(200, TOKEN).reply(200, TOKEN).reply(200, TOKEN)
        .reply(200, TOKEN)) {
      assertEquals(0, agent.run(new TokenUpdate(), "-accessor-id", full, "-append-policy-name", "extra",
          "-append-policy-name", "web-read", "-node-identity", "n2:dc2", "-description", "new"), agent.err());
      assertEquals("PUT /v1/acl/token/" + full, agent.requests.get(1).method() + " " + agent.requests.get(1).uri());
      String body = agent.requests.get(1).body().replaceAll("\\s", "");
      assertTrue(body.contains("\"Description\":\"new\""), body);
      assertTrue(body.contains("\"Policies\":[{\"ID\":\"" + POLICY_ID + "\",\"Name\":\"web-read\"},"
          + "{\"Name\":\"extra\"}]"), body);
      assertTrue(body.contains("\"Roles\":[{\"ID\":\"3b0a78fe-b9c3-40de-b8ea-7d4d6674b366\",\"Name\":\"shire\"}]"),
          body);
      assertTrue(body.contains("\"NodeIdentities\":[{\"NodeName\":\"n2\",\"Datacenter\":\"dc2\"}]"), body);
      assertTrue(body.contains("\"ServiceIdentities\":[{\"ServiceName\":\"web\"},"), "kept: " + body);
      assertEquals(PRETTY + "\n", agent.out());

      assertEquals(0, agent.run(new TokenUpdate(), "-id", full, "-policy-name", "only", "-merge-roles",
          "-role-name", "shire", "-role-name", "west"));
      body = agent.requests.get(3).body().replaceAll("\\s", "");
      assertTrue(body.contains("\"Policies\":[{\"Name\":\"only\"}]"), body);
      assertTrue(body.contains("\"Roles\":[{\"ID\":\"3b0a78fe-b9c3-40de-b8ea-7d4d6674b366\",\"Name\":\"shire\"},"
          + "{\"Name\":\"west\"}]"), body);

      assertEquals(1, agent.run(new TokenUpdate(), "-id", full, "-policy-name", "a", "-append-policy-id", "b"));
      assertEquals(1, agent.run(new TokenUpdate(), "-description", "x"));
      assertEquals("Cannot combine the use of policy-id/policy-name flags with append- variants. To set or "
          + "overwrite existing links use the former, to append to them the latter.\n"
          + "Cannot update a token without specifying the -accessor-id parameter\n", agent.err());
      assertEquals(4, agent.requests.size());
    }
  }

  @Test
  void deleteAndCloneResolvePrefixes() throws Exception {
    String list = "[" + TOKEN + "]";
    try (FakeAgent agent = new FakeAgent().reply(200, list).reply(200, "true").reply(200, list).reply(200, TOKEN)
        .reply(200, "[]")) {
      assertEquals(0, agent.run(AclDelete.token(), "-id", "4d1"));
      assertEquals("DELETE /v1/acl/token/4d123dff-f460-73c3-02c4-8dd64d136e01",
          agent.requests.get(1).method() + " " + agent.requests.get(1).uri());
      assertEquals(0, agent.run(new TokenClone(), "-accessor-id", "4d1", "-description", "copy"));
      assertEquals("PUT /v1/acl/token/4d123dff-f460-73c3-02c4-8dd64d136e01/clone {\"Description\":\"copy\"}",
          agent.requests.get(3).method() + " " + agent.requests.get(3).uri() + " "
              + agent.requests.get(3).body().replaceAll("\\s", ""));
      assertEquals("Token \"4d123dff-f460-73c3-02c4-8dd64d136e01\" deleted successfully\n" + PRETTY + "\n",
          agent.out());
      assertEquals(1, agent.run(AclDelete.token(), "-id", "ff"));
      assertEquals("Error determining token ID: No such token ID with prefix: ff\n", agent.err());
    }
  }

  @Test
  void bootstrapPrintsTheManagementToken() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(200, TOKEN).reply(403, "ACL bootstrap no longer allowed (reset "
        + "index: 13)")) {
      assertEquals(0, agent.run(new AclBootstrap()));
      assertEquals("PUT /v1/acl/bootstrap", agent.requests.get(0).method() + " " + agent.requests.get(0).uri());
      assertEquals(PRETTY + "\n", agent.out());
      assertEquals(1, agent.run(new AclBootstrap()));
      assertEquals("Failed ACL bootstrapping: Unexpected response code: 403 (ACL bootstrap no longer allowed "
          + "(reset index: 13))\n", agent.err());
    }
  }
}
