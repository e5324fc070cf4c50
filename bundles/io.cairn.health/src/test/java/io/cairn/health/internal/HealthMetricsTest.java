package io.cairn.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckState;
import io.cairn.health.api.CheckStatus;
import io.cairn.health.api.CheckType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class HealthMetricsTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<CheckState> states = new ArrayList<>();
    private final HealthMetrics metrics = new HealthMetrics(meters, () -> List.copyOf(states));

    @Test
    void checksAreCountedByTypeAndCurrentStatus() {
        CheckDefinition web = CheckSchedulerTest.web().build();
        states.add(new CheckState(web, "http", CheckStatus.PASSING, ""));
        states.add(new CheckState(web, "http", CheckStatus.CRITICAL, ""));
        states.add(new CheckState(web, "ttl", CheckStatus.CRITICAL, ""));
        states.forEach(metrics::registered);
        assertEquals(1.0, checks("http", "passing"));
        assertEquals(1.0, checks("http", "critical"));
        assertEquals(0.0, checks("http", "warning"));
        assertEquals(1.0, checks("ttl", "critical"));

        states.set(1, new CheckState(web, "http", CheckStatus.PASSING, ""));
        assertEquals(2.0, checks("http", "passing"), "read when scraped");
    }

    @Test
    void runsAreTimedByTheStatusTheyObserved() {
        FakeCheckType type = new FakeCheckType().answer(CheckResult.passing("ok"), CheckResult.passing("ok"));
        CheckType timed = metrics.timed("http", type);
        CheckDefinition web = CheckSchedulerTest.web().build();
        timed.run(web, Duration.ofSeconds(1));
        timed.run(web, Duration.ofSeconds(1));
        CompletionStage<CheckResult> pending = timed.run(web, Duration.ofSeconds(1));
        assertSame(type.lastRun(), pending, "the engine gets the type's own stage, so it can cancel it");
        type.lastRun().cancel(true);
        assertEquals(2, runs("http", "passing"));
        assertEquals(1, runs("http", "critical"));
    }

    private double checks(String type, String status) {
        return meters.get("cairn.health.checks").tags("type", type, "status", status).gauge().value();
    }

    private long runs(String type, String status) {
        return meters.get("cairn.health.check.runs").tags("type", type, "status", status).timer().count();
    }
}
