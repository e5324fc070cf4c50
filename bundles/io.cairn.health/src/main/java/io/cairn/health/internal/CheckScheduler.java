package io.cairn.health.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckState;
import io.cairn.health.api.CheckStateListener;
import io.cairn.health.api.CheckStatus;
import io.cairn.health.api.CheckType;
import io.cairn.health.api.GoDuration;
import io.cairn.health.api.HealthChecks;

/**
 * The engine behind {@link HealthChecks}: keeps the checks, runs them through their {@link CheckType} on a shared
 * {@link Scheduling}, applies timeouts, thresholds, output limits, TTLs and the deregister-critical timer, and
 * tells a {@link CheckStateListener} about changes. All state is guarded by this object's lock; check types and
 * the listener are always called without it.
 */
final class CheckScheduler implements HealthChecks {

    /** Consul never deregisters a critical service sooner than this, whatever the check asks for. */
    static final Duration MIN_DEREGISTER_AFTER = Duration.ofMinutes(1);

    private final Scheduling scheduling;
    private final UnaryOperator<Duration> stagger;
    private final CheckStateListener listener;
    private final CheckTypeRegistry registry = new CheckTypeRegistry();
    private final Map<String, ScheduledCheck> checks = new TreeMap<>();
    private final EventQueue events = new EventQueue();

    /**
     * @param stagger given a check's interval, how long to wait before its first run (spreads checks registered
     *                together)
     */
    CheckScheduler(Scheduling scheduling, UnaryOperator<Duration> stagger, CheckStateListener listener) {
        this.scheduling = scheduling;
        this.stagger = stagger;
        this.listener = listener;
    }

    @Override
    public CheckState register(CheckDefinition definition) {
        if (definition.id().isEmpty()) {
            throw new IllegalArgumentException("Invalid check: missing check ID");
        }
        String type;
        CheckType runner;
        synchronized (this) {
            type = registry.select(definition);
            runner = registry.runner(type).orElse(null);
        }
        if (runner != null) {
            validate(definition, type, runner);
        }
        synchronized (this) {
            ScheduledCheck old = checks.remove(definition.id());
            if (old != null) {
                old.stop();
            }
            CheckStatus status = definition.status() != null ? definition.status()
                    : old != null ? old.status : CheckStatus.CRITICAL;
            String output = definition.status() == null && old != null ? old.output : "";
            ScheduledCheck check = new ScheduledCheck(definition, type, type.equals(TTL_TYPE), status, output);
            checks.put(definition.id(), check);
            if (check.ttl) {
                armTtl(check);
            } else if (registry.runner(type).isPresent()) {
                check.next = scheduling.schedule(stagger.apply(check.interval()), () -> run(check));
            } else {
                // The type left while this definition was being validated.
                check.typeAvailable = false;
                check.status = CheckStatus.CRITICAL;
                check.output = unavailable(type);
            }
            watchCritical(check);
            return check.state();
        }
    }

    private static void validate(CheckDefinition definition, String type, CheckType runner) {
        if (definition.interval().isZero()) {
            throw new IllegalArgumentException("Invalid check: Interval must be > 0 for a " + type + " check");
        }
        try {
            runner.validate(definition);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(message.startsWith("Invalid check: ") ? message
                    : "Invalid check: " + message, e);
        }
    }

    @Override
    public synchronized boolean deregister(String checkId) {
        ScheduledCheck check = checks.remove(checkId);
        if (check == null) {
            return false;
        }
        check.stop();
        return true;
    }

    @Override
    public CheckState updateTtl(String checkId, CheckStatus status, String output) {
        Objects.requireNonNull(status, "status");
        CheckState state;
        synchronized (this) {
            ScheduledCheck check = checks.get(checkId);
            if (check == null) {
                throw new NoSuchElementException("Unknown check ID \"" + checkId
                        + "\". Ensure that the check ID is passed, not the check name.");
            }
            if (!check.ttl) {
                throw new IllegalStateException("CheckID \"" + checkId + "\" does not have associated TTL");
            }
            check.lastTtlOutput = output == null ? "" : output;
            setStatus(check, status, check.lastTtlOutput);
            armTtl(check);
            state = check.state();
        }
        events.drain();
        return state;
    }

    @Override
    public synchronized Optional<CheckState> state(String checkId) {
        return Optional.ofNullable(checks.get(checkId)).map(ScheduledCheck::state);
    }

    @Override
    public synchronized List<CheckState> states() {
        List<CheckState> states = new ArrayList<>();
        checks.values().forEach(check -> states.add(check.state()));
        return states;
    }

    @Override
    public synchronized Map<String, List<String>> types() {
        return registry.types();
    }

    /** A check type service arrived; checks of its type that were waiting for one resume. */
    void typeAdded(String typeName, CheckTypeRegistry.Offer offer) {
        synchronized (this) {
            if (!registry.add(typeName, offer)) {
                return;
            }
            for (ScheduledCheck check : checksOfType(typeName)) {
                check.typeAvailable = true;
                check.next = scheduling.schedule(stagger.apply(check.interval()), () -> run(check));
            }
        }
    }

    /** A check type service left; if it was the last of its type, that type's checks turn critical. */
    void typeRemoved(String typeName, CheckType type) {
        synchronized (this) {
            if (!registry.remove(typeName, type)) {
                return;
            }
            for (ScheduledCheck check : checksOfType(typeName)) {
                ScheduledCheck.cancel(check.next);
                check.next = null;
                check.running = null;
                check.typeAvailable = false;
                setStatus(check, CheckStatus.CRITICAL, unavailable(typeName));
            }
        }
        events.drain();
    }

    /** Stops every check (the engine is going away). */
    synchronized void close() {
        checks.values().forEach(ScheduledCheck::stop);
        checks.clear();
    }

    private static String unavailable(String typeName) {
        return "check type \"" + typeName + "\" is not available (its bundle was stopped or removed)";
    }

    private List<ScheduledCheck> checksOfType(String typeName) {
        return checks.values().stream().filter(check -> check.type.equals(typeName)).toList();
    }

    private void run(ScheduledCheck check) {
        CheckType runner;
        ScheduledCheck.Run run;
        Duration timeout = check.timeout();
        synchronized (this) {
            runner = registry.runner(check.type).orElse(null);
            if (checks.get(check.id()) != check || !check.typeAvailable || runner == null) {
                return;
            }
            run = new ScheduledCheck.Run(check);
            check.running = run;
            CheckResult timedOut = CheckResult.critical("Timed out: no result within " + GoDuration.format(timeout));
            run.timeout = scheduling.schedule(timeout, () -> finish(run, timedOut));
        }
        CompletionStage<CheckResult> stage;
        try {
            stage = runner.run(check.definition, timeout);
        } catch (RuntimeException e) {
            finish(run, CheckResult.critical(describe(e)));
            return;
        }
        synchronized (this) {
            run.stage = stage;
        }
        stage.whenComplete((result, failure) -> finish(run, failure != null ? CheckResult.critical(describe(failure))
                : result != null ? result
                : CheckResult.critical("check type \"" + check.type + "\" returned no result")));
    }

    private void finish(ScheduledCheck.Run run, CheckResult result) {
        CompletionStage<?> abandoned;
        synchronized (this) {
            ScheduledCheck check = run.check;
            if (check.running != run) {
                return;
            }
            check.running = null;
            ScheduledCheck.cancel(run.timeout);
            abandoned = run.stage;
            check.thresholds.apply(result).ifPresent(counted -> setStatus(check, counted.status(), counted.output()));
            check.next = scheduling.schedule(check.interval(), () -> run(check));
        }
        if (abandoned != null) {
            // After a timeout this lets the type free what the run still holds; after a result it does nothing.
            try {
                abandoned.toCompletableFuture().cancel(true);
            } catch (UnsupportedOperationException e) {
                // The type's stage cannot be cancelled; its eventual result is ignored as stale.
            }
        }
        events.drain();
    }

    private void armTtl(ScheduledCheck check) {
        ScheduledCheck.cancel(check.next);
        check.next = scheduling.schedule(check.definition.ttl(), () -> expire(check));
    }

    private void expire(ScheduledCheck check) {
        synchronized (this) {
            if (checks.get(check.id()) != check) {
                return;
            }
            check.next = null;
            setStatus(check, CheckStatus.CRITICAL, check.lastTtlOutput.isEmpty() ? "TTL expired"
                    : "TTL expired (last output before timeout follows): " + check.lastTtlOutput);
        }
        events.drain();
    }

    /** Records a status; the caller drains {@link #events} after releasing the lock. */
    private void setStatus(ScheduledCheck check, CheckStatus status, String output) {
        String bounded = OutputLimit.truncate(output, check.definition.outputMaxSize());
        if (status == check.status && bounded.equals(check.output)) {
            return;
        }
        check.status = status;
        check.output = bounded;
        CheckState state = check.state();
        events.add(() -> listener.checkChanged(state));
        watchCritical(check);
    }

    /** Starts the deregister-critical timer when a check turns critical, stops it when it recovers. */
    private void watchCritical(ScheduledCheck check) {
        Duration after = check.definition.deregisterCriticalServiceAfter();
        if (check.status != CheckStatus.CRITICAL || after.isZero()) {
            ScheduledCheck.cancel(check.deregisterTimer);
            check.deregisterTimer = null;
            return;
        }
        if (check.deregisterTimer == null) {
            Duration delay = after.compareTo(MIN_DEREGISTER_AFTER) < 0 ? MIN_DEREGISTER_AFTER : after;
            check.deregisterTimer = scheduling.schedule(delay, () -> criticalTooLong(check));
        }
    }

    private void criticalTooLong(ScheduledCheck check) {
        synchronized (this) {
            if (checks.get(check.id()) != check || check.status != CheckStatus.CRITICAL) {
                return;
            }
            CheckState state = check.state();
            events.add(() -> listener.criticalTooLong(state));
        }
        events.drain();
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
