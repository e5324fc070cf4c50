package io.cairn.agent.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckStatus;

class DefinitionParserTest {

    private static String apiError(String json) {
        return assertThrows(DefinitionException.class, () -> DefinitionParser.service(json)).getMessage();
    }

    private static String fileError(String json) {
        return assertThrows(DefinitionException.class, () -> DefinitionParser.configFile("web.json", json))
                .getMessage();
    }

    @Test
    void apiBodyMatchesNamesWhateverTheirCaseAndIgnoresUnknownFields() throws Exception {
        ServiceDefinition service = DefinitionParser.service("{\"name\":\"web\",\"id\":\"web-1\",\"tags\":[\"a\"],"
                + "\"port\":8080,\"enabletagoverride\":true,\"Meta\":{\"team\":\"x\"},\"WriteRequest\":{\"Token\":\"\"},"
                + "\"tagged_addresses\":{\"lan\":{\"address\":\"10.0.0.1\",\"port\":80}},"
                + "\"Weights\":{\"Passing\":3,\"Warning\":2},\"Address\":\"10.0.0.5\"}");
        assertEquals("web-1", service.id());
        assertEquals("web", service.name());
        assertEquals(List.of("a"), service.tags());
        assertEquals(8080, service.port());
        assertTrue(service.enableTagOverride());
        assertEquals(Map.of("team", "x"), service.meta());
        assertEquals(Map.of("lan", new TaggedAddress("10.0.0.1", 80)), service.taggedAddresses());
        assertEquals(new Weights(3, 2), service.weights());
        assertEquals("10.0.0.5", service.address());
    }

    @Test
    void serviceIdDefaultsToNameAndCollectionsAreNeverNull() throws Exception {
        ServiceDefinition service = DefinitionParser.service("{\"Name\":\"web\",\"Tags\":null}");
        assertEquals("web", service.id());
        assertEquals(List.of(), service.tags());
        assertEquals(Map.of(), service.meta());
        assertEquals(Weights.DEFAULT, service.weights());
    }

    @Test
    void oneServiceCheckIsNamedAfterTheService() throws Exception {
        ServiceDefinition service = DefinitionParser.service(
                "{\"Name\":\"web\",\"ID\":\"web-1\",\"Check\":{\"TTL\":\"30s\"}}");
        CheckDefinition check = service.checks().get(0);
        assertEquals("service:web-1", check.id());
        assertEquals("Service 'web' check", check.name());
        assertEquals("web-1", check.serviceId());
        assertEquals(Duration.ofSeconds(30), check.ttl());
        assertTrue(check.isTtl());
        assertNull(check.status());
    }

    @Test
    void severalServiceChecksAreNumberedCheckFirst() throws Exception {
        ServiceDefinition service = DefinitionParser.service("{\"Name\":\"web\",\"Checks\":[{\"TTL\":\"1s\"},"
                + "{\"CheckID\":\"mine\",\"Name\":\"Mine\",\"TTL\":\"2s\"}],\"Check\":{\"TTL\":\"3s\"}}");
        assertEquals(List.of("service:web:1", "service:web:2", "mine"),
                service.checks().stream().map(CheckDefinition::id).toList());
        assertEquals(Duration.ofSeconds(3), service.checks().get(0).ttl());
        assertEquals("Mine", service.checks().get(2).name());
        assertEquals("web", service.checks().get(2).serviceId());
    }

    @Test
    void checkFieldsAreDecodedWhateverTheirSpelling() throws Exception {
        ServiceDefinition service = DefinitionParser.service("{\"Name\":\"web\",\"Checks\":[{\"http\":\"http://x/\","
                + "\"interval\":10000000000,\"timeout\":\"1s\",\"header\":{\"A\":\"b\",\"C\":[\"d\",\"e\"]},"
                + "\"tls_skip_verify\":true,\"deregister_critical_service_after\":\"1m30s\",\"status\":\"passing\"},"
                + "{\"script_args\":[\"/bin/true\"],\"interval\":\"5s\",\"udp\":\"localhost:53\"}]}");
        CheckDefinition http = service.checks().get(0);
        assertEquals("http://x/", http.http());
        assertEquals(Duration.ofSeconds(10), http.interval());
        assertEquals(Duration.ofSeconds(1), http.timeout());
        assertEquals(Duration.ofSeconds(90), http.deregisterCriticalServiceAfter());
        assertEquals(Map.of("A", List.of("b"), "C", List.of("d", "e")), http.header());
        assertTrue(http.tlsSkipVerify());
        assertEquals(CheckStatus.PASSING, http.status());
        assertFalse(http.isScript());
        assertEquals(List.of("/bin/true"), service.checks().get(1).args());
        assertEquals(Map.of("UDP", "localhost:53"), service.checks().get(1).extra());
        assertTrue(service.checks().get(1).isScript());
        assertTrue(service.hasScriptCheck());
    }

    @Test
    void dockerChecksAreNotScriptChecks() throws Exception {
        CheckDefinition docker = DefinitionParser.check("{\"Name\":\"d\",\"DockerContainerID\":\"c1\","
                + "\"Args\":[\"true\"],\"Interval\":\"5s\"}");
        assertFalse(docker.isScript());
        assertTrue(DefinitionParser.check("{\"Name\":\"s\",\"Script\":\"true\",\"Interval\":\"5s\"}").isScript());
    }

    @Test
    void nodeCheckNeedsANameAndTakesItsIdFromIt() throws Exception {
        CheckDefinition check = DefinitionParser.check("{\"Name\":\"mem\",\"TTL\":\"15s\",\"ServiceID\":\"web\"}");
        assertEquals("mem", check.id());
        assertEquals("web", check.serviceId());
        assertEquals("given", DefinitionParser.check("{\"Name\":\"mem\",\"ID\":\"given\",\"TTL\":\"1s\"}").id());
        DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionParser.check("{\"TTL\":\"1s\"}"));
        assertEquals("Missing check name", e.getMessage());
    }

    @Test
    void apiErrorsUseConsulsTextsOrNameTheField() {
        assertEquals("Missing service name", apiError("{\"ID\":\"x\"}"));
        assertEquals("Address: Invalid service address", apiError("{\"Name\":\"w\",\"Address\":\"0.0.0.0\"}"));
        assertEquals("Check.Interval: invalid duration \"10x\" (use a number with a unit such as \"10s\", \"1m30s\","
                + " \"500ms\", or a number of nanoseconds)",
                apiError("{\"Name\":\"w\",\"Check\":{\"HTTP\":\"http://x\",\"Interval\":\"10x\"}}"));
        assertEquals("Port: expected a whole number, got \"80\"", apiError("{\"Name\":\"w\",\"Port\":\"80\"}"));
        assertTrue(apiError("{\"Name\":").startsWith("Request decode failed: invalid JSON"));
        assertEquals("Request decode failed: expected a JSON object", apiError("[]"));
    }

    @Test
    void configFileErrorsNameFileAndField() {
        assertEquals("web.json: service.check.interval: invalid duration \"10x\" (use a number with a unit such as"
                + " \"10s\", \"1m30s\", \"500ms\", or a number of nanoseconds)",
                fileError("{\"service\":{\"name\":\"w\",\"check\":{\"http\":\"http://x\",\"interval\":\"10x\"}}}"));
        assertEquals("web.json: services[1].name: Missing service name",
                fileError("{\"services\":[{\"name\":\"a\"},{\"port\":1}]}"));
        assertEquals("web.json: checks[0].name: Missing check name", fileError("{\"checks\":[{\"ttl\":\"1s\"}]}"));
        assertTrue(fileError("{\"service\":{\"name\":\"w\",\"chekcs\":[]}}")
                .startsWith("web.json: service.chekcs: unknown field (known fields: id, name, kind, tags,"));
        assertTrue(fileError("{\"service\":{\"name\":\"w\",\"check\":{\"ttl\":\"1s\",\"htp\":\"x\"}}}")
                .startsWith("web.json: service.check.htp: unknown field (known fields: id, check_id, name,"));
        assertEquals("web.json: service.check.interval: Interval must be > 0 for Script, HTTP, TCP, UDP, GRPC,"
                + " H2PING, Docker and OSService checks",
                fileError("{\"service\":{\"name\":\"w\",\"check\":{\"tcp\":\"localhost:1\"}}}"));
        assertEquals("web.json: service.check.status: invalid status \"up\" (use passing, warning or critical)",
                fileError("{\"service\":{\"name\":\"w\",\"check\":{\"ttl\":\"1s\",\"status\":\"up\"}}}"));
        assertEquals("web.json: services: expected a list, got {}", fileError("{\"services\":{}}"));
        assertTrue(fileError("{\"service\":").startsWith("web.json: invalid JSON: "));
    }

    @Test
    void valueRulesNameTheOffendingValue() {
        assertEquals("web.json: service.port: port 70000 is out of range (0-65535)",
                fileError("{\"service\":{\"name\":\"w\",\"port\":70000}}"));
        assertEquals("web.json: service.meta.consul-x: metadata key prefix 'consul-' is reserved for internal use",
                fileError("{\"service\":{\"name\":\"w\",\"meta\":{\"consul-x\":\"1\"}}}"));
        assertEquals("web.json: service.meta." + "k".repeat(129) + ": metadata key is too long (limit: 128 characters)",
                fileError("{\"service\":{\"name\":\"w\",\"meta\":{\"" + "k".repeat(129) + "\":\"1\"}}}"));
        assertEquals("web.json: service.meta.k: metadata value is too long (limit: 512 characters)",
                fileError("{\"service\":{\"name\":\"w\",\"meta\":{\"k\":\"" + "v".repeat(513) + "\"}}}"));
        StringBuilder many = new StringBuilder("{\"service\":{\"name\":\"w\",\"meta\":{");
        for (int i = 0; i < 65; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        assertEquals("web.json: service.meta: too many metadata pairs (65), at most 64",
                fileError(many + "}}}"));
        assertEquals("web.json: service.weights.passing: passing weight must be greater than 0",
                fileError("{\"service\":{\"name\":\"w\",\"weights\":{\"passing\":0}}}"));
        assertEquals("web.json: service.weights.warning: warning weight must not be negative",
                fileError("{\"service\":{\"name\":\"w\",\"weights\":{\"warning\":-1}}}"));
        assertEquals("web.json: service.tags[1]: expected a string, got 3",
                fileError("{\"service\":{\"name\":\"w\",\"tags\":[\"a\",3]}}"));
        assertEquals("web.json: service.enable_tag_override: expected true or false, got 1",
                fileError("{\"service\":{\"name\":\"w\",\"enable_tag_override\":1}}"));
        assertEquals("web.json: service.check.ttl: duration \"-1s\" must not be negative",
                fileError("{\"service\":{\"name\":\"w\",\"check\":{\"ttl\":\"-1s\"}}}"));
        assertEquals("web.json: service.check.failures_before_critical: must not be negative, got -2",
                fileError("{\"service\":{\"name\":\"w\",\"check\":{\"ttl\":\"1s\",\"failures_before_critical\":-2}}}"));
    }

    @Test
    void configFileReadsEveryDefinitionKeyAndLeavesAgentSettingsAlone() throws Exception {
        Definitions definitions = DefinitionParser.configFile("all.json", "{\"node_name\":\"n1\",\"server\":true,"
                + "\"service\":{\"name\":\"a\"},\"services\":[{\"name\":\"b\"},{\"name\":\"c\",\"ID\":\"c1\"}],"
                + "\"check\":{\"name\":\"disk\",\"ttl\":\"1m\"},\"checks\":[{\"id\":\"mem\",\"name\":\"Memory\",\"ttl\":\"1h\"}]}");
        assertEquals(List.of("a", "b", "c1"), definitions.services().stream().map(ServiceDefinition::id).toList());
        assertEquals(List.of("disk", "mem"), definitions.checks().stream().map(CheckDefinition::id).toList());
        assertEquals(Duration.ofHours(1), definitions.checks().get(1).ttl());
    }

    @Test
    void durationsAreGoTextOrNanosecondsAndNeverNegative() throws Exception {
        assertEquals(Duration.ofMillis(1500), ttl("\"1.5s\""));
        assertEquals(Duration.ofSeconds(90), ttl("\"1m30s\""));
        assertEquals(Duration.ofMinutes(90), ttl("\"1.5h\""));
        assertEquals(Duration.ofNanos(300), ttl("\"300ns\""));
        assertEquals(Duration.ofNanos(2_000), ttl("\"2us\""));
        assertEquals(Duration.ofSeconds(2), ttl("\"+2s\""));
        assertEquals(Duration.ofSeconds(3), ttl("3000000000"));
        assertEquals(Duration.ZERO, ttl("\"0\""));
        assertEquals(Duration.ZERO, ttl("\"\""));
        assertTrue(fileError(ttlCheck("\"10\"")).startsWith("web.json: check.ttl: invalid duration \"10\""));
        assertTrue(fileError(ttlCheck("\"s\"")).startsWith("web.json: check.ttl: invalid duration \"s\""));
        assertEquals("web.json: check.ttl: duration \"-0s\" must not be negative", fileError(ttlCheck("\"-0s\"")));
        assertEquals("web.json: check.ttl: expected a duration such as \"10s\" or a number of nanoseconds, got -1",
                fileError(ttlCheck("-1")));
    }

    private static String ttlCheck(String ttl) {
        return "{\"check\":{\"name\":\"c\",\"ttl\":" + ttl + "}}";
    }

    private static Duration ttl(String ttl) throws DefinitionException {
        return DefinitionParser.configFile("web.json", ttlCheck(ttl)).checks().get(0).ttl();
    }
}
