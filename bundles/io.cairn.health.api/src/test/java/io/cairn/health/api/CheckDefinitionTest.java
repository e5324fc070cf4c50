package io.cairn.health.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CheckDefinitionTest {

    @Test
    void decodesApiNamesSnakeCaseAndLowerCase() {
        Map<String, Object> json = new HashMap<>(Map.of("CheckID", "web", "name", "Web", "service_id", "web-1",
                "HTTP", "http://localhost/health", "Interval", "10s", "timeout", 1_000_000_000L));
        json.putAll(Map.of("tls_skip_verify", true, "Header", Map.of("X-A", List.of("1", "2")),
                "deregister_critical_service_after", "5m", "failures_before_critical", 3, "Status", "passing"));
        CheckDefinition def = CheckDefinition.fromMap(json);
        assertEquals("web", def.id());
        assertEquals("Web", def.name());
        assertEquals("web-1", def.serviceId());
        assertEquals("http://localhost/health", def.http());
        assertEquals(Duration.ofSeconds(10), def.interval());
        assertEquals(Duration.ofSeconds(1), def.timeout());
        assertTrue(def.tlsSkipVerify());
        assertEquals(Map.of("X-A", List.of("1", "2")), def.header());
        assertEquals(Duration.ofMinutes(5), def.deregisterCriticalServiceAfter());
        assertEquals(3, def.failuresBeforeCritical());
        assertEquals(CheckStatus.PASSING, def.status());
        assertEquals(CheckDefinition.DEFAULT_OUTPUT_MAX_SIZE, def.outputMaxSize());
    }

    @Test
    void scriptArgsAndLegacyScriptBecomeArgs() {
        assertEquals(List.of("check.sh", "-v"),
                CheckDefinition.fromMap(Map.of("script_args", List.of("check.sh", "-v"))).args());
        assertEquals(List.of("/bin/sh", "-c", "curl -f localhost"),
                CheckDefinition.fromMap(Map.of("script", "curl -f localhost")).args());
    }

    @Test
    void unknownFieldsAreKeptAsExtraAndSelectable() {
        CheckDefinition def = CheckDefinition.fromMap(Map.of("H2PING", "localhost:443", "Interval", "5s"));
        assertEquals(Map.of("H2PING", "localhost:443"), def.extra());
        assertTrue(def.isSet("h2ping"));
        assertFalse(def.isSet("HTTP"));
    }

    @Test
    void fieldsAreSetOnlyWithAValue() {
        CheckDefinition def = CheckDefinition.builder().id("c").tcp("localhost:22").build();
        assertTrue(def.isSet("TCP"));
        assertTrue(def.isSet("tcp"));
        assertFalse(def.isSet("TTL"));
        assertFalse(def.isSet("Args"));
        assertFalse(def.isSet("TLSSkipVerify"));
        assertNull(def.status());
        assertEquals("localhost:22", def.field("TCP").orElseThrow());
    }

    @Test
    void aTtlIsWhatMakesATtlCheck() {
        assertTrue(CheckDefinition.fromMap(Map.of("TTL", "30s")).isTtl());
        assertFalse(CheckDefinition.fromMap(Map.of("HTTP", "http://x/", "Interval", "10s")).isTtl());
    }

    @Test
    void scriptChecksRunACommandOutsideDocker() {
        assertTrue(CheckDefinition.fromMap(Map.of("Args", List.of("/bin/true"))).isScript());
        assertTrue(CheckDefinition.fromMap(Map.of("Script", "true")).isScript());
        assertFalse(CheckDefinition.fromMap(Map.of("DockerContainerID", "c1", "Args", List.of("true"))).isScript());
        assertFalse(CheckDefinition.fromMap(Map.of("TCP", "localhost:22")).isScript());
    }

    @Test
    void badValuesNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckDefinition.fromMap(Map.of("Interval", "soon")));
        assertTrue(e.getMessage().startsWith("Invalid check: Interval: invalid duration \"soon\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CheckDefinition.fromMap(Map.of("Status", "ok")));
        assertThrows(IllegalArgumentException.class,
                () -> CheckDefinition.fromMap(Map.of("FailuresBeforeCritical", -1)));
    }
}
