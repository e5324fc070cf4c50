package io.cairn.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckStatus;

import org.junit.jupiter.api.Test;

class CheckTypeSelectionTest {

    private final FakeScheduling time = new FakeScheduling();
    private final RecordingListener listener = new RecordingListener();
    private final CheckScheduler engine = new CheckScheduler(time, interval -> Duration.ZERO, listener);
    private final FakeCheckType http = new FakeCheckType();

    CheckTypeSelectionTest() {
        engine.typeAdded("http", new CheckTypeRegistry.Offer(http, List.of("HTTP"), 0, 1));
    }

    @Test
    void anUnknownTypeIsRejectedNamingTheInstalledOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.register(
                CheckDefinition.builder().id("db").tcp("localhost:5432").interval(Duration.ofSeconds(5)).build()));
        assertEquals("Invalid check: no installed check type accepts it; set the field(s) of one of the installed "
                + "types: http (HTTP), ttl (TTL)", e.getMessage());
        assertEquals(Map.of("http", List.of("HTTP"), "ttl", List.of("TTL")), engine.types());
    }

    @Test
    void theMostSpecificTypeWinsAndTiesAreRejected() {
        FakeCheckType script = new FakeCheckType();
        FakeCheckType docker = new FakeCheckType();
        engine.typeAdded("script", new CheckTypeRegistry.Offer(script, List.of("Args"), 0, 2));
        engine.typeAdded("docker", new CheckTypeRegistry.Offer(docker, List.of("DockerContainerID", "Args"), 0, 3));
        CheckDefinition inContainer = CheckDefinition.builder().id("c").dockerContainerId("f00").args(List.of("true"))
                .interval(Duration.ofSeconds(5)).build();
        assertEquals("docker", engine.register(inContainer).type());
        assertEquals("script", engine.register(inContainer.toBuilder().dockerContainerId("").build()).type());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.register(
                CheckSchedulerTest.web().args(List.of("true")).build()));
        assertEquals("Invalid check: it sets the fields of more than one check type (http (HTTP), script (Args)); "
                + "set those of only one", e.getMessage());
    }

    @Test
    void polledChecksNeedAnIntervalAndPassTheTypesValidation() {
        IllegalArgumentException noInterval = assertThrows(IllegalArgumentException.class, () -> engine.register(
                CheckSchedulerTest.web().interval(Duration.ZERO).build()));
        assertEquals("Invalid check: Interval must be > 0 for a http check", noInterval.getMessage());
        http.rejecting("HTTP must be an http:// or https:// URL");
        IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class, () -> engine.register(
                CheckSchedulerTest.web().build()));
        assertEquals("Invalid check: HTTP must be an http:// or https:// URL", rejected.getMessage());
    }

    @Test
    void checksTurnCriticalWhenTheirTypeGoesAwayAndResumeWhenItComesBack() {
        engine.register(CheckSchedulerTest.web().build());
        http.answer(CheckResult.passing("up"));
        time.advance(Duration.ZERO);
        assertEquals(CheckStatus.PASSING, engine.state("web").orElseThrow().status());

        engine.typeRemoved("http", http);
        assertEquals(CheckStatus.CRITICAL, listener.lastChange().status());
        assertEquals("check type \"http\" is not available (its bundle was stopped or removed)",
                listener.lastChange().output());
        assertEquals(Map.of("ttl", List.of("TTL")), engine.types());
        time.advance(Duration.ofMinutes(5));
        assertEquals(1, http.runs.size(), "no runs without the type");

        FakeCheckType again = new FakeCheckType().answer(CheckResult.passing("up again"));
        engine.typeAdded("http", new CheckTypeRegistry.Offer(again, List.of("HTTP"), 0, 9));
        time.advance(Duration.ZERO);
        assertEquals(CheckStatus.PASSING, engine.state("web").orElseThrow().status());
        assertEquals("up again", engine.state("web").orElseThrow().output());
    }

    @Test
    void aRunInFlightWhenTheTypeLeavesIsIgnored() {
        engine.register(CheckSchedulerTest.web().build());
        time.advance(Duration.ZERO);
        engine.typeRemoved("http", http);
        http.lastRun().complete(CheckResult.passing("from a stopped bundle"));
        assertEquals(CheckStatus.CRITICAL, engine.state("web").orElseThrow().status());
    }

    @Test
    void theHighestRankedServiceRunsAndAnotherTakesOverSilently() {
        FakeCheckType better = new FakeCheckType();
        engine.typeAdded("http", new CheckTypeRegistry.Offer(better, List.of("HTTP"), 10, 5));
        engine.register(CheckSchedulerTest.web().build());
        better.answer(CheckResult.passing("better"));
        time.advance(Duration.ZERO);
        assertEquals(1, better.runs.size());
        assertEquals(0, http.runs.size());

        engine.typeRemoved("http", better);
        assertEquals(CheckStatus.PASSING, engine.state("web").orElseThrow().status());
        http.answer(CheckResult.passing("fallback"));
        time.advance(Duration.ofSeconds(5));
        assertEquals("fallback", engine.state("web").orElseThrow().output());
    }
}
