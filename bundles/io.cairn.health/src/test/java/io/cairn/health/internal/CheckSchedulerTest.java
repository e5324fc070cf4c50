package io.cairn.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckDefinitionBuilder;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckStatus;

import org.junit.jupiter.api.Test;

class CheckSchedulerTest {

    private final FakeScheduling time = new FakeScheduling();
    private final RecordingListener listener = new RecordingListener();
    private final CheckScheduler engine = new CheckScheduler(time, interval -> Duration.ofSeconds(1), listener);
    private final FakeCheckType http = new FakeCheckType();

    CheckSchedulerTest() {
        engine.typeAdded("http", new CheckTypeRegistry.Offer(http, List.of("HTTP"), 0, 1));
    }

    @Test
    void startsCriticalUnlessAStatusIsGiven() {
        assertEquals(CheckStatus.CRITICAL, engine.register(web().build()).status());
        CheckDefinition warning = web().id("other").status(CheckStatus.WARNING).build();
        assertEquals(CheckStatus.WARNING, engine.register(warning).status());
        assertTrue(listener.changes.isEmpty());
    }

    @Test
    void runsAfterTheStaggerThenEveryIntervalAfterEachResult() {
        http.answer(CheckResult.passing("ok 1"), CheckResult.warning("slow"));
        engine.register(web().build());
        time.advance(Duration.ofMillis(999));
        assertEquals(0, http.runs.size());
        time.advance(Duration.ofMillis(1));
        assertEquals(1, http.runs.size());
        assertEquals(Duration.ofSeconds(10), http.timeouts.get(0), "Consul's default timeout");
        assertEquals(CheckStatus.PASSING, engine.state("web").orElseThrow().status());
        assertEquals("ok 1", listener.lastChange().output());

        time.advance(Duration.ofSeconds(4));
        assertEquals(1, http.runs.size());
        time.advance(Duration.ofSeconds(1));
        assertEquals(2, http.runs.size());
        assertEquals(CheckStatus.WARNING, engine.state("web").orElseThrow().status());
    }

    @Test
    void neverStartsASecondRunWhileOneIsInFlight() {
        engine.register(web().timeout(Duration.ofMinutes(1)).build());
        time.advance(Duration.ofSeconds(30));
        assertEquals(1, http.runs.size());
        http.lastRun().complete(CheckResult.passing("late"));
        time.advance(Duration.ofSeconds(5));
        assertEquals(2, http.runs.size());
    }

    @Test
    void statusChangesOnlyAfterConsecutiveResultsCrossAThreshold() {
        engine.register(web().successBeforePassing(2).failuresBeforeWarning(1).failuresBeforeCritical(3).build());
        http.answer(CheckResult.passing("p1"));
        time.advance(Duration.ofSeconds(1));
        assertEquals(CheckStatus.CRITICAL, engine.state("web").orElseThrow().status(), "one success is not enough");
        http.answer(CheckResult.passing("p2"));
        time.advance(Duration.ofSeconds(5));
        assertEquals(CheckStatus.PASSING, engine.state("web").orElseThrow().status());
        assertEquals("p2", engine.state("web").orElseThrow().output());

        http.answer(CheckResult.critical("f1"), CheckResult.critical("f2"), CheckResult.critical("f3"));
        time.advance(Duration.ofSeconds(5));
        assertEquals(CheckStatus.WARNING, engine.state("web").orElseThrow().status());
        assertEquals("f1", engine.state("web").orElseThrow().output());
        time.advance(Duration.ofSeconds(5));
        assertEquals(CheckStatus.WARNING, engine.state("web").orElseThrow().status());
        time.advance(Duration.ofSeconds(5));
        assertEquals(CheckStatus.CRITICAL, engine.state("web").orElseThrow().status());
        assertEquals("f3", engine.state("web").orElseThrow().output());
    }

    @Test
    void failuresBeforeWarningDefaultsToFailuresBeforeCritical() {
        engine.register(web().status(CheckStatus.PASSING).failuresBeforeCritical(2).build());
        http.answer(CheckResult.critical("f1"), CheckResult.critical("f2"));
        time.advance(Duration.ofSeconds(1));
        assertEquals(CheckStatus.PASSING, engine.state("web").orElseThrow().status());
        time.advance(Duration.ofSeconds(5));
        assertEquals(CheckStatus.CRITICAL, engine.state("web").orElseThrow().status());
    }

    @Test
    void aRunThatTakesTooLongIsCriticalAndCancelled() {
        engine.register(web().status(CheckStatus.PASSING).timeout(Duration.ofSeconds(2)).build());
        time.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ofSeconds(2), http.timeouts.get(0));
        time.advance(Duration.ofSeconds(2));
        assertEquals(CheckStatus.CRITICAL, engine.state("web").orElseThrow().status());
        assertEquals("Timed out: no result within 2s", engine.state("web").orElseThrow().output());
        assertTrue(http.runs.get(0).isCancelled());

        http.runs.get(0).obtrudeValue(CheckResult.passing("too late"));
        assertEquals(CheckStatus.CRITICAL, engine.state("web").orElseThrow().status());
        time.advance(Duration.ofSeconds(5));
        assertEquals(2, http.runs.size(), "the next run follows the interval after the timeout");
    }

    @Test
    void failedRunsAreCriticalWithTheirMessage() {
        engine.register(web().status(CheckStatus.PASSING).build());
        time.advance(Duration.ofSeconds(1));
        http.lastRun().completeExceptionally(new IllegalStateException("boom"));
        assertEquals(CheckStatus.CRITICAL, engine.state("web").orElseThrow().status());
        assertEquals("boom", engine.state("web").orElseThrow().output());
    }

    @Test
    void outputIsCutToItsLastBytesWithConsulsNote() {
        engine.register(web().outputMaxSize(10).build());
        http.answer(CheckResult.passing("0123456789abcdefghij"));
        time.advance(Duration.ofSeconds(1));
        assertEquals("Captured 10 of 20 bytes\n...\nabcdefghij", engine.state("web").orElseThrow().output());
    }

    @Test
    void outputWithinTheDefaultLimitIsKept() {
        String output = "x".repeat(CheckDefinition.DEFAULT_OUTPUT_MAX_SIZE);
        engine.register(web().build());
        http.answer(CheckResult.passing(output), CheckResult.passing(output + "y"));
        time.advance(Duration.ofSeconds(1));
        assertEquals(output, engine.state("web").orElseThrow().output());
        time.advance(Duration.ofSeconds(5));
        assertTrue(engine.state("web").orElseThrow().output().startsWith("Captured 4096 of 4097 bytes\n...\n"));
    }

    @Test
    void replacingACheckKeepsItsStatusAndStopsTheOldRuns() {
        engine.register(web().build());
        http.answer(CheckResult.passing("up"));
        time.advance(Duration.ofSeconds(1));
        assertEquals(CheckStatus.PASSING, engine.register(web().interval(Duration.ofSeconds(60)).build()).status());
        time.advance(Duration.ofSeconds(5));
        assertEquals(2, http.runs.size(), "the new check's first run only; the old 5s schedule is gone");
    }

    @Test
    void deregisteredChecksStopRunning() {
        engine.register(web().build());
        assertTrue(engine.deregister("web"));
        time.advance(Duration.ofMinutes(1));
        assertEquals(0, http.runs.size());
        assertEquals(0, time.pending());
        assertTrue(engine.states().isEmpty());
    }

    static CheckDefinitionBuilder web() {
        return CheckDefinition.builder().id("web").http("http://localhost/health").interval(Duration.ofSeconds(5));
    }
}
