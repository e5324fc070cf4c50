package io.cairn.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckStatus;

import org.junit.jupiter.api.Test;

class TtlAndDeregisterTest {

    private final FakeScheduling time = new FakeScheduling();
    private final RecordingListener listener = new RecordingListener();
    private final CheckScheduler engine = new CheckScheduler(time, interval -> Duration.ZERO, listener);
    private final FakeCheckType http = new FakeCheckType();

    TtlAndDeregisterTest() {
        engine.typeAdded("http", new CheckTypeRegistry.Offer(http, List.of("HTTP"), 0, 1));
    }

    private static CheckDefinition ttl(String id) {
        return CheckDefinition.builder().id(id).serviceId("api-1").ttl(Duration.ofSeconds(30)).build();
    }

    @Test
    void aTtlCheckTakesItsStatusFromUpdatesAndExpires() {
        assertEquals("ttl", engine.register(ttl("hb")).type());
        time.advance(Duration.ofSeconds(20));
        assertEquals(CheckStatus.PASSING, engine.updateTtl("hb", CheckStatus.PASSING, "alive").status());
        assertEquals("alive", listener.lastChange().output());

        time.advance(Duration.ofSeconds(29));
        assertEquals(CheckStatus.PASSING, engine.state("hb").orElseThrow().status(), "the update restarted the TTL");
        time.advance(Duration.ofSeconds(1));
        assertEquals(CheckStatus.CRITICAL, engine.state("hb").orElseThrow().status());
        assertEquals("TTL expired (last output before timeout follows): alive", listener.lastChange().output());
    }

    @Test
    void aTtlCheckWithoutUpdatesExpiresWithThePlainText() {
        engine.register(CheckDefinition.builder().id("hb").ttl(Duration.ofSeconds(30)).status(CheckStatus.PASSING)
                .build());
        time.advance(Duration.ofSeconds(30));
        assertEquals("TTL expired", engine.state("hb").orElseThrow().output());
        assertEquals(CheckStatus.CRITICAL, engine.state("hb").orElseThrow().status());
    }

    @Test
    void ttlUpdatesNeedAnExistingTtlCheck() {
        engine.register(CheckSchedulerTest.web().build());
        IllegalStateException notTtl = assertThrows(IllegalStateException.class,
                () -> engine.updateTtl("web", CheckStatus.PASSING, ""));
        assertEquals("CheckID \"web\" does not have associated TTL", notTtl.getMessage());
        NoSuchElementException unknown = assertThrows(NoSuchElementException.class,
                () -> engine.updateTtl("nope", CheckStatus.PASSING, ""));
        assertEquals("Unknown check ID \"nope\". Ensure that the check ID is passed, not the check name.",
                unknown.getMessage());
    }

    @Test
    void tellsOnceWhenACheckStaysCriticalLongerThanAllowedButNeverBeforeAMinute() {
        engine.register(ttl("hb").toBuilder().deregisterCriticalServiceAfter(Duration.ofSeconds(10)).build());
        time.advance(Duration.ofSeconds(59));
        assertTrue(listener.criticalTooLong.isEmpty());
        time.advance(Duration.ofSeconds(1));
        assertEquals(List.of("hb"), listener.criticalTooLong.stream().map(state -> state.checkId()).toList());
        time.advance(Duration.ofMinutes(10));
        assertEquals(1, listener.criticalTooLong.size());
    }

    @Test
    void recoveringResetsTheCriticalClock() {
        engine.register(ttl("hb").toBuilder().deregisterCriticalServiceAfter(Duration.ofMinutes(2)).build());
        time.advance(Duration.ofSeconds(90));
        engine.updateTtl("hb", CheckStatus.PASSING, "");
        time.advance(Duration.ofSeconds(29));
        engine.updateTtl("hb", CheckStatus.CRITICAL, "down");
        time.advance(Duration.ofSeconds(119));
        assertTrue(listener.criticalTooLong.isEmpty());
        time.advance(Duration.ofSeconds(1));
        assertEquals(1, listener.criticalTooLong.size());
        assertEquals(CheckStatus.CRITICAL, listener.criticalTooLong.get(0).status());
    }

    @Test
    void runResultsAlsoStartTheCriticalClock() {
        engine.register(CheckSchedulerTest.web().status(CheckStatus.PASSING)
                .deregisterCriticalServiceAfter(Duration.ofMinutes(1)).build());
        http.answer(CheckResult.critical("down"));
        time.advance(Duration.ZERO);
        assertEquals(CheckStatus.CRITICAL, engine.state("web").orElseThrow().status());
        time.advance(Duration.ofMinutes(1));
        assertEquals(1, listener.criticalTooLong.size());
    }
}
