package io.cairn.health.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told about changes of the checks run by {@link HealthChecks} (e.g. to sync the agent's
 * checks to the catalog, or to deregister a service that stayed critical too long).
 *
 * <p>Calls for any one engine come one at a time, in the order the changes happened, on an engine thread that
 * does not hold the engine's lock: a listener may call back into {@link HealthChecks}, but must not block for
 * long. Exceptions thrown by a listener are logged and otherwise ignored.
 */
@ConsumerType
public interface CheckStateListener {

    /**
     * The status or the output of a check changed (a run crossed a threshold, a TTL was updated or expired, the
     * check's type went away or came back). Not called for {@link HealthChecks#register} and
     * {@link HealthChecks#deregister} themselves: their callers already know.
     */
    void checkChanged(CheckState state);

    /**
     * The check has been critical for longer than its
     * {@link CheckDefinition#deregisterCriticalServiceAfter()} (at least one minute, as in Consul): the agent
     * should deregister the check's service. Called once per critical spell.
     */
    default void criticalTooLong(CheckState state) {
    }
}
