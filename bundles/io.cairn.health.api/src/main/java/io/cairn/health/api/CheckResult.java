package io.cairn.health.api;

import java.util.Objects;

/**
 * The outcome of running a check once.
 *
 * @param status what the run found
 * @param output human-readable detail shown as the check's {@code Output}; never {@code null}
 */
public record CheckResult(CheckStatus status, String output) {

    public CheckResult {
        Objects.requireNonNull(status, "status");
        output = output == null ? "" : output;
    }

    /** A passing result. */
    public static CheckResult passing(String output) {
        return new CheckResult(CheckStatus.PASSING, output);
    }

    /** A warning result. */
    public static CheckResult warning(String output) {
        return new CheckResult(CheckStatus.WARNING, output);
    }

    /** A critical result. */
    public static CheckResult critical(String output) {
        return new CheckResult(CheckStatus.CRITICAL, output);
    }
}
