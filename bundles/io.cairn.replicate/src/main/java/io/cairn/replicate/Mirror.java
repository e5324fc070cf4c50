package io.cairn.replicate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one pass of replication changes in the destination, decided from the source's listing alone: the keys
 * modified at the source since the last replicated index are written (value and flags, no session: sessions do not
 * cross datacenters), and the destination's keys under the prefix that the source no longer has are deleted. Keys
 * under an excluded source prefix are left alone on both sides, as are the replicator's own keys (its lock and
 * statuses) should they lie under the destination prefix.
 */
public final class Mirror {
    private final ReplicatedPrefix prefix;
    private final List<String> excludes;
    private final Predicate<String> reserved;

    /**
     * @param excludes source key prefixes not replicated
     * @param reserved destination keys replication never touches
     */
    public Mirror(ReplicatedPrefix prefix, List<String> excludes, Predicate<String> reserved) {
        this.prefix = prefix;
        this.excludes = List.copyOf(excludes);
        this.reserved = reserved;
    }

    /** The writes and deletes of one pass. */
    public record Changes(List<KvEntry> puts, List<String> deletes) {
        public boolean isEmpty() {
            return puts.isEmpty() && deletes.isEmpty();
        }
    }

    /**
     * @param source          the source's listing of the prefix
     * @param lastReplicated  the index the destination is known to be replicated up to (keys modified at or
     *                        before it are not written again)
     * @param destinationKeys the destination's keys under the destination prefix
     * @return the puts (keys already mapped to the destination) and the deletes
     */
    public Changes plan(Collection<KvEntry> source, long lastReplicated, Collection<String> destinationKeys) {
        List<KvEntry> puts = new ArrayList<>();
        Set<String> mirrored = new HashSet<>();
        for (KvEntry entry : source) {
            if (!entry.key().startsWith(prefix.source()) || excluded(entry.key())) {
                continue;
            }
            String key = prefix.destinationKey(entry.key());
            if (reserved.test(key)) {
                continue;
            }
            mirrored.add(key);
            if (Long.compareUnsigned(entry.modifyIndex(), lastReplicated) > 0) {
                puts.add(new KvEntry(key, entry.flags(), entry.value(), entry.modifyIndex()));
            }
        }
        List<String> deletes = new ArrayList<>();
        for (String key : destinationKeys) {
            if (key.startsWith(prefix.destination()) && !mirrored.contains(key) && !reserved.test(key)
                    && !excluded(prefix.sourceKey(key))) {
                deletes.add(key);
            }
        }
        return new Changes(puts, deletes);
    }

    private boolean excluded(String sourceKey) {
        for (String exclude : excludes) {
            if (sourceKey.startsWith(exclude)) {
                return true;
            }
        }
        return false;
    }
}
