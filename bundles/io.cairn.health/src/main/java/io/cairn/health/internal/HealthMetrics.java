package io.cairn.health.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckState;
import io.cairn.health.api.CheckStatus;
import io.cairn.health.api.CheckType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The engine's meters: {@code cairn.health.checks}, the checks registered now by {@code type} and current
 * {@code status} (read from the engine when scraped), and {@code cairn.health.check.runs}, a timer of the runs
 * of each check type by the {@code status} they observed (a run that failed or was abandoned at its timeout
 * counts as critical).
 */
final class HealthMetrics {
    private static final CheckStatus[] STATUSES = CheckStatus.values();

    private final MeterRegistry registry;
    private final Supplier<List<CheckState>> states;
    private final Set<String> typesWithGauges = ConcurrentHashMap.newKeySet();
    private final Map<String, Timer[]> runTimers = new ConcurrentHashMap<>();

    /**
     * @param states the checks registered now
     */
    HealthMetrics(MeterRegistry registry, Supplier<List<CheckState>> states) {
        this.registry = registry;
        this.states = states;
    }

    /** Makes sure checks of this state's type are counted (gauges appear with the first check of a type). */
    void registered(CheckState state) {
        String type = state.type();
        if (typesWithGauges.add(type)) {
            for (CheckStatus status : STATUSES) {
                Gauge.builder("cairn.health.checks", () -> count(type, status))
                        .description("Health checks registered on this agent by type and current status")
                        .tags("type", type, "status", status.text()).register(registry);
            }
        }
    }

    /** {@code type} with each run timed; the run's own stage is handed back so the engine can still cancel it. */
    CheckType timed(String typeName, CheckType type) {
        Timer[] timers = runTimers.computeIfAbsent(typeName, this::timers);
        return new CheckType() {
            @Override
            public void validate(CheckDefinition definition) {
                type.validate(definition);
            }

            @Override
            public CompletionStage<CheckResult> run(CheckDefinition definition, Duration timeout) {
                long started = System.nanoTime();
                CompletionStage<CheckResult> stage = type.run(definition, timeout);
                if (stage != null) {
                    stage.whenComplete((result, failure) -> {
                        CheckStatus status = result == null ? CheckStatus.CRITICAL : result.status();
                        timers[status.ordinal()].record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    });
                }
                return stage;
            }
        };
    }

    private Timer[] timers(String typeName) {
        Timer[] timers = new Timer[STATUSES.length];
        for (CheckStatus status : STATUSES) {
            timers[status.ordinal()] = Timer.builder("cairn.health.check.runs")
                    .description("Runs of health checks by check type and the status each run observed")
                    .tags("type", typeName, "status", status.text()).register(registry);
        }
        return timers;
    }

    private long count(String type, CheckStatus status) {
        return states.get().stream().filter(s -> s.type().equals(type) && s.status() == status).count();
    }
}
