package io.cairn.replicate;

import java.util.List;

/**
 * What a replicator does, as consul-replicate's options say it.
 *
 * @param prefixes  the prefixes to replicate, at least one
 * @param excludes  source key prefixes not replicated ({@code -exclude})
 * @param lockKey   the key whose session lock elects the one replicator of the destination ({@code -lock})
 * @param statusDir where the {@link ReplicationStatus statuses} are kept ({@code -status-dir})
 */
public record ReplicationSettings(List<ReplicatedPrefix> prefixes, List<String> excludes, String lockKey,
        String statusDir) {
    /** consul-replicate's default lock key. */
    public static final String DEFAULT_LOCK = "service/consul-replicate/leader";

    public ReplicationSettings {
        if (prefixes.isEmpty()) {
            throw new IllegalArgumentException("name at least one prefix to replicate, e.g. \"global@dc1\"");
        }
        prefixes = List.copyOf(prefixes);
        excludes = List.copyOf(excludes);
    }

    /** Whether replication leaves {@code key} alone: the lock key and the statuses. */
    public boolean isReserved(String key) {
        return key.equals(lockKey) || key.startsWith(statusDir.replaceAll("/+$", "") + "/");
    }
}
