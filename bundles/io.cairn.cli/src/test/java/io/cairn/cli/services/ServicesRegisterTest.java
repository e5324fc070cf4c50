package io.cairn.cli.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.FakeAgent;
import io.cairn.cli.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicesRegisterTest {
  @TempDir
  Path tmp;

  private Path file(String name, String json) throws Exception {
    return Files.writeString(tmp.resolve(name), json);
  }

  @Test
  void fileDefinitionIsSentWithApiFieldNames() throws Exception {
    Path web = file("web.json", "{\"service\":{\"id\":\"web-1\",\"name\":\"web\",\"tags\":[\"v1\"],\"port\":8080,"
        + "\"meta\":{\"team_name\":\"a\"},\"enable_tag_override\":true,\"weights\":{\"passing\":3,\"warning\":1},"
        + "\"tagged_addresses\":{\"lan_ipv4\":{\"address\":\"10.0.0.1\",\"port\":80}},"
        + "\"checks\":[{\"http\":\"http://localhost:8080/health\",\"interval\":\"10s\",\"tls_skip_verify\":true,"
        + "\"header\":{\"x_token\":[\"t\"]}},{\"check_id\":\"ttl\",\"ttl\":\"30s\","
        + "\"deregister_critical_service_after\":\"5m\"}]}}");
    try (FakeAgent agent = new FakeAgent().reply(200, "")) {
      assertEquals(0, agent.run(new ServicesRegister(), web.toString()));
      assertEquals("Registered service: web\n", agent.out());
      assertEquals("PUT /v1/agent/service/register",
          agent.requests.get(0).method() + " " + agent.requests.get(0).uri());
      assertEquals("{\"ID\":\"web-1\",\"Name\":\"web\",\"Tags\":[\"v1\"],\"Port\":8080,\"Meta\":{\"team_name\":\"a\"},"
          + "\"EnableTagOverride\":true,\"Weights\":{\"Passing\":3,\"Warning\":1},"
          + "\"TaggedAddresses\":{\"lan_ipv4\":{\"Address\":\"10.0.0.1\",\"Port\":80}},"
          + "\"Checks\":[{\"HTTP\":\"http://localhost:8080/health\",\"Interval\":\"10s\",\"TLSSkipVerify\":true,"
          + "\"Header\":{\"x_token\":[\"t\"]}},{\"CheckID\":\"ttl\",\"TTL\":\"30s\","
          + "\"DeregisterCriticalServiceAfter\":\"5m\"}]}", compact(agent.requests.get(0).body()));
    }
  }

  @Test
  void servicesArrayAndCamelCaseKeysRegisterEach() throws Exception {
    Path two = file("two.json", "{\"services\":[{\"Name\":\"a\",\"Check\":{\"TCP\":\"localhost:1\","
        + "\"Interval\":\"5s\"}},{\"name\":\"b\"}]}");
    try (FakeAgent agent = new FakeAgent().reply(200, "").reply(200, "")) {
      assertEquals(0, agent.run(new ServicesRegister(), two.toString()));
      assertEquals("Registered service: a\nRegistered service: b\n", agent.out());
      assertEquals("{\"Name\":\"a\",\"Check\":{\"TCP\":\"localhost:1\",\"Interval\":\"5s\"}}",
          compact(agent.requests.get(0).body()));
    }
  }

  @Test
  void flagsDescribeAServiceOrFillInAFile() throws Exception {
    Path web = file("web.json", "{\"service\":{\"name\":\"web\",\"port\":8080,\"tags\":[\"file\"]}}");
    try (FakeAgent agent = new FakeAgent().reply(200, "").reply(200, "")) {
      assertEquals(0, agent.run(new ServicesRegister(), "-name=api", "-id=api-1", "-port=9090", "-tag=a", "-tag=b",
          "-meta=k=v", "-address=10.0.0.2", "-tagged-address=wan=1.2.3.4:80"));
      assertEquals("{\"ID\":\"api-1\",\"Name\":\"api\",\"Tags\":[\"a\",\"b\"],\"Address\":\"10.0.0.2\",\"Port\":9090,"
          + "\"Meta\":{\"k\":\"v\"},\"TaggedAddresses\":{\"wan\":{\"Address\":\"1.2.3.4\",\"Port\":80}}}",
          compact(agent.requests.get(0).body()));
      assertEquals(0, agent.run(new ServicesRegister(), "-id=web-2", "-port=1", "-tag=flag", web.toString()));
      assertEquals("{\"Name\":\"web\",\"Port\":8080,\"Tags\":[\"file\",\"flag\"],\"ID\":\"web-2\"}",
          compact(agent.requests.get(1).body()));
      assertEquals("Registered service: api\nRegistered service: web\n", agent.out());
    }
  }

  @Test
  void badDefinitionsAreRefusedBeforeAnyRequest() throws Exception {
    Path typo = file("typo.json", "{\"service\":{\"name\":\"web\",\"checks\":[{\"htp\":\"x\"}]}}");
    Path noName = file("noname.json", "{\"service\":{\"port\":1}}");
    Path none = file("none.json", "{\"datacenter\":\"dc1\"}");
    Path broken = file("broken.json", "{\"service\":");
    Path badValue = file("bad.json", "{\"service\":{\"name\":\"web\",\"check\":{\"ttl\":\"soon\"}}}");
    try (FakeAgent agent = new FakeAgent()) {
      assertEquals(1, agent.run(new ServicesRegister(), typo.toString()));
      assertTrue(agent.err().startsWith("Error: " + typo + ": service.checks[0].htp: unknown field"), agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new ServicesRegister(), noName.toString()));
      assertEquals("Error: " + noName + ": service.name: Missing service name\n", agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new ServicesRegister(), none.toString()));
      assertTrue(agent.err().contains("no service definition"), agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new ServicesRegister(), broken.toString()));
      assertTrue(agent.err().startsWith("Error: " + broken + ": invalid JSON at line 1"), agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new ServicesRegister(), badValue.toString()));
      assertTrue(agent.err().startsWith("Error: " + badValue + ": service.check.ttl: invalid duration"),
          agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new ServicesRegister()));
      assertEquals("Service registration requires at least one argument or flags.\n", agent.err());
      agent.err.reset();
      assertEquals(1, agent.run(new ServicesRegister(), "-name=x", typo.toString()));
      assertEquals("Service registration takes FILE arguments or -name, not both.\n", agent.err());
      assertEquals(0, agent.requests.size());
    }
  }

  @Test
  void agentRefusalNamesTheService() throws Exception {
    try (FakeAgent agent = new FakeAgent().reply(400, "Invalid service address")) {
      assertEquals(1, agent.run(new ServicesRegister(), "-name=web", "-address=0.0.0.0"));
      assertEquals("Error registering service \"web\": Unexpected response code: 400 (Invalid service address)\n",
          agent.err());
    }
  }

  /** The body re-serialised without whitespace, to compare field order and names. */
  private static String compact(String json) throws Exception {
    return Json.writeIndented(Json.parse(json)).replaceAll("\n\t*", "").replace("\": ", "\":");
  }
}
