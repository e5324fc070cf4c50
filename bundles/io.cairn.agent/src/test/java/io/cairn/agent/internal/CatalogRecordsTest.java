package io.cairn.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.agent.definitions.DefinitionParser;
import io.cairn.catalog.api.CheckDefinitions;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.health.api.CheckDefinition;

class CatalogRecordsTest {

    private static HealthCheck catalogCheck(String json) throws Exception {
        return CatalogRecords.check("node-1", LocalCheck.initial(DefinitionParser.check(json), Origin.API));
    }

    @Test
    void theCatalogRecordsHowAHttpCheckRuns() throws Exception {
        HealthCheck check = catalogCheck("{\"Name\":\"web\",\"HTTP\":\"https://x/\",\"Method\":\"POST\","
                + "\"Header\":{\"A\":[\"b\"]},\"TLSSkipVerify\":true,\"Interval\":\"10s\",\"Timeout\":\"1s\"}");
        CheckDefinition http = check.definition();
        assertEquals("web", check.checkId());
        assertEquals("https://x/", http.http());
        assertEquals("POST", http.method());
        assertEquals(Map.of("A", List.of("b")), http.header());
        assertTrue(http.tlsSkipVerify());
        assertEquals(Duration.ofSeconds(10), http.interval());
        assertEquals(Duration.ofSeconds(1), http.timeout());
    }

    /** The catalog stores no more, so more would never compare equal to what it reads back. */
    @Test
    void whatACheckIsStaysOnTheAgent() throws Exception {
        HealthCheck check = catalogCheck("{\"ID\":\"disk\",\"Name\":\"disk\",\"Notes\":\"df\",\"Args\":[\"df\"],"
                + "\"Interval\":\"10s\",\"FailuresBeforeCritical\":3,\"OutputMaxSize\":100}");
        assertEquals("df", check.notes());
        assertEquals(CheckDefinitions.of(null, null, null, null, null, false, null, null, null, false, null,
                Duration.ofSeconds(10), null, null), check.definition());
    }

    @Test
    void udpAndOsServiceTargetsReachTheCatalogThoughTheEngineDoesNotModelThem() throws Exception {
        assertEquals("localhost:53", CheckDefinitions.udp(
                catalogCheck("{\"Name\":\"dns\",\"udp\":\"localhost:53\",\"interval\":\"5s\"}").definition()));
        assertEquals("sshd", CheckDefinitions.osService(
                catalogCheck("{\"Name\":\"ssh\",\"os_service\":\"sshd\",\"interval\":\"5s\"}").definition()));
    }
}
