package io.cairn.catalog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckStatus;

class CheckDefinitionsTest {

    @Test
    void theCatalogRecordsHowACheckRunsNotWhatItIs() {
        CheckDefinition registered = CheckDefinition.fromMap(Map.of("ID", "web", "Name", "Web", "Notes", "n",
                "ServiceID", "web-1", "Status", "passing", "HTTP", "https://x/", "Header", Map.of("A", List.of("b")),
                "Interval", "10s", "Timeout", "1s", "FailuresBeforeCritical", 3));

        assertEquals(CheckDefinitions.of("https://x/", Map.of("A", List.of("b")), null, null, null, false, null, null,
                null, false, null, Duration.ofSeconds(10), Duration.ofSeconds(1), null),
                CheckDefinitions.recorded(registered));
    }

    @Test
    void udpAndOsServiceTargetsAreKeptUnderConsulsNamesHoweverTheyWereSpelled() {
        CheckDefinition recorded = CheckDefinitions.recorded(
                CheckDefinition.fromMap(Map.of("udp", "localhost:53", "os_service", "sshd", "H2PING", "x:1")));

        assertEquals(Map.of("UDP", "localhost:53", "OSService", "sshd"), recorded.extra());
        assertEquals("localhost:53", CheckDefinitions.udp(recorded));
        assertEquals("sshd", CheckDefinitions.osService(recorded));
    }

    @Test
    void aRecordedDefinitionIsRecordedAsItIs() {
        CheckDefinition recorded = CheckDefinitions.of("", Map.of(), "POST", "{}", "x", true, "x:1", "x:2", "x:3",
                true, "sshd", Duration.ofSeconds(5), Duration.ZERO, Duration.ofMinutes(1));

        assertEquals(recorded, CheckDefinitions.recorded(recorded));
        assertEquals(CheckDefinition.builder().build(), CheckDefinitions.recorded(null));
        assertEquals("", CheckDefinitions.udp(CheckDefinitions.recorded(null)));
    }

    @Test
    void aHealthCheckHoldsOnlyWhatTheCatalogRecords() {
        CheckDefinition registered = CheckDefinition.builder().id("c").name("c").args(List.of("/bin/true"))
                .interval(Duration.ofSeconds(10)).build();

        HealthCheck check = new HealthCheck("n1", "c", "c", CheckStatus.PASSING, "", "", "", "", List.of(), "script",
                registered, 0, 0);

        assertEquals(CheckDefinitions.recorded(registered), check.definition());
        assertEquals(CheckDefinition.builder().build(), new HealthCheck("n1", "c", "c", null, null, null, null, null,
                null, null, null, 0, 0).definition());
    }
}
