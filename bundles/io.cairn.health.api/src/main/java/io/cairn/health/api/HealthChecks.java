package io.cairn.health.api;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The health-check engine of the local agent: runs registered checks through their {@link CheckType} and keeps
 * their current state. Changes are published to {@link CheckStateListener} services.
 *
 * <p>Semantics follow Consul: a new check starts {@link CheckStatus#CRITICAL critical} unless its definition
 * gives a {@link CheckDefinition#status() status}; a run's result changes the status only after
 * {@code SuccessBeforePassing} consecutive successes (passing or warning) or {@code FailuresBeforeWarning} /
 * {@code FailuresBeforeCritical} consecutive failures; the default timeout of a run is 10 s; output is truncated
 * to {@code OutputMaxSize} bytes (default 4096); a TTL check is critical with output {@code TTL expired} when no
 * update came within its TTL.
 */
@ProviderType
public interface HealthChecks {

    /** The type name of TTL checks, which the engine handles itself. */
    String TTL_TYPE = "ttl";

    /**
     * Adds a check, or replaces the check with the same {@link CheckDefinition#id() ID}. A replaced check keeps
     * its current status and output unless the new definition sets a status; its thresholds start counting
     * anew.
     *
     * @return the check's state right after registration
     * @throws IllegalArgumentException if the definition is invalid or no installed check type selects it; the
     *                                  message starts with {@code Invalid check: } and, for the latter, names the
     *                                  installed types and the fields that select them
     */
    CheckState register(CheckDefinition definition);

    /** Stops and forgets a check; returns whether it existed. */
    boolean deregister(String checkId);

    /**
     * Sets the status and output of a TTL check and restarts its TTL (Consul's
     * {@code /v1/agent/check/pass|warn|fail|update}).
     *
     * @return the check's new state
     * @throws NoSuchElementException if there is no such check ({@code Unknown check ID "x". Ensure that the
     *                                check ID is passed, not the check name.})
     * @throws IllegalStateException  if the check is not a TTL check ({@code CheckID "x" does not have
     *                                associated TTL})
     */
    CheckState updateTtl(String checkId, CheckStatus status, String output);

    /** The state of one check. */
    Optional<CheckState> state(String checkId);

    /** The states of all checks, ordered by check ID. */
    List<CheckState> states();

    /**
     * The check types that can be registered now, by name, each with the definition fields that select it
     * (always includes {@value #TTL_TYPE} with {@code TTL}).
     */
    Map<String, List<String>> types();
}
