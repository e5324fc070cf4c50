package io.cairn.health.internal;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckState;
import io.cairn.health.api.CheckStatus;

/** The engine's mutable record of one registered check; guarded by the {@link CheckScheduler}'s lock. */
final class ScheduledCheck {

    /** Consul's floor for polled checks: shorter intervals are raised to it. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    /** Consul's default for a run's timeout. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    final CheckDefinition definition;
    final String type;
    final boolean ttl;
    final Thresholds thresholds;
    CheckStatus status;
    String output;
    /** The next run, or the TTL's expiry. */
    Scheduling.Scheduled next;
    /** The run in flight, if any; results of any other run are stale. */
    Run running;
    /** False while the check's type has no service. */
    boolean typeAvailable = true;
    /** Output of the last TTL update, quoted when the TTL expires. */
    String lastTtlOutput = "";
    Scheduling.Scheduled deregisterTimer;

    ScheduledCheck(CheckDefinition definition, String type, boolean ttl, CheckStatus status, String output) {
        this.definition = definition;
        this.type = type;
        this.ttl = ttl;
        this.thresholds = new Thresholds(definition);
        this.status = status;
        this.output = output;
    }

    String id() {
        return definition.id();
    }

    Duration interval() {
        return definition.interval().compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : definition.interval();
    }

    Duration timeout() {
        return definition.timeout().isZero() ? DEFAULT_TIMEOUT : definition.timeout();
    }

    CheckState state() {
        return new CheckState(definition, type, status, output);
    }

    /** Stops everything pending for this check. */
    void stop() {
        cancel(next);
        next = null;
        running = null;
        cancel(deregisterTimer);
        deregisterTimer = null;
    }

    static void cancel(Scheduling.Scheduled scheduled) {
        if (scheduled != null) {
            scheduled.cancel();
        }
    }

    /** One execution of the check by its type. */
    static final class Run {
        final ScheduledCheck check;
        Scheduling.Scheduled timeout;
        CompletionStage<?> stage;

        Run(ScheduledCheck check) {
            this.check = check;
        }
    }
}
