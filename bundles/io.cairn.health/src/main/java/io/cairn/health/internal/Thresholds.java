package io.cairn.health.internal;

import java.util.Optional;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;
import io.cairn.health.api.CheckStatus;

/**
 * Consul's status handler: a run's result changes the check only once enough consecutive runs agree. Passing and
 * warning both count as successes; a failure streak reports warning from {@code FailuresBeforeWarning} (which
 * defaults to {@code FailuresBeforeCritical}) and critical from {@code FailuresBeforeCritical}.
 */
final class Thresholds {

    private final int successBeforePassing;
    private final int failuresBeforeWarning;
    private final int failuresBeforeCritical;
    private int successes;
    private int failures;

    Thresholds(CheckDefinition definition) {
        successBeforePassing = definition.successBeforePassing();
        failuresBeforeCritical = definition.failuresBeforeCritical();
        failuresBeforeWarning = definition.failuresBeforeWarning() == 0
                ? failuresBeforeCritical : definition.failuresBeforeWarning();
    }

    /** The result to record, or empty while the streak is too short to change anything. */
    Optional<CheckResult> apply(CheckResult result) {
        if (result.status() != CheckStatus.CRITICAL) {
            successes++;
            failures = 0;
            return successes >= successBeforePassing ? Optional.of(result) : Optional.empty();
        }
        failures++;
        successes = 0;
        if (failures >= failuresBeforeCritical) {
            return Optional.of(result);
        }
        if (failures >= failuresBeforeWarning) {
            return Optional.of(new CheckResult(CheckStatus.WARNING, result.output()));
        }
        return Optional.empty();
    }
}
