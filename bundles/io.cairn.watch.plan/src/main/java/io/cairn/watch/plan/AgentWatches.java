package io.cairn.watch.plan;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Service of the agent's watch bundle: the watches of the agent's config files that run inside the agent.
 */
@ProviderType
public interface AgentWatches {

    /** The watches running now, in config file order. */
    List<WatchDefinition> running();

    /**
     * Reads the config files again and runs what they define now, as SIGHUP does.
     *
     * @return one message per watch that could not be loaded; empty if all loaded
     */
    List<String> reload();
}
