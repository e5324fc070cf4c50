package io.cairn.agent.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when the agent has re-read its config dirs and files: on SIGHUP, {@code PUT /v1/agent/reload} and
 * {@code cairn reload}, as Consul reloads its whole configuration. Register an implementation as an OSGi service;
 * a bundle that keeps its own part of the agent's configuration (watches, templates) re-reads it here, so one
 * reload reaches every part of the agent whichever way it was asked for.
 * <p>
 * Called on the agent's reload thread after its own services and checks are reloaded; the agent does not wait
 * for the listener's work to finish, so implementations hand anything slow to a thread of their own.
 */
@ConsumerType
public interface ConfigReloadListener {

    /** The agent's configuration was just re-read. */
    void configReloaded();
}
