package io.cairn.replicate;

import org.osgi.annotation.versioning.ConsumerType;

/** Where the replicator reports: the CLI's stderr filtered by {@code -log-level}, or the agent's log. */
@ConsumerType
public interface ReplicateLog {
    void debug(String message);

    void info(String message);

    void warn(String message);

    void error(String message);
}
