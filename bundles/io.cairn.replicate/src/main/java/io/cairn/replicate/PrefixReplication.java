package io.cairn.replicate;

import java.io.IOException;
import java.util.Optional;

/**
 * Keeps one prefix of the destination equal to its source: each listing of the source (a blocking query in
 * {@link #follow}) is applied as a {@link Mirror} pass, then the prefix's {@link ReplicationStatus} is checkpointed
 * so that a replicator started later resumes from it.
 */
final class PrefixReplication {
    private final ReplicatedPrefix prefix;
    private final Mirror mirror;
    private final String statusKey;
    private final ReplicaApi api;
    private final ReplicateLog log;
    private ReplicationStatus status;

    PrefixReplication(ReplicatedPrefix prefix, ReplicationSettings settings, ReplicaApi api, ReplicateLog log) {
        this.prefix = prefix;
        this.mirror = new Mirror(prefix, settings.excludes(), settings::isReserved);
        this.statusKey = ReplicationStatus.key(settings.statusDir(), prefix);
        this.api = api;
        this.log = log;
    }

    /** Replicates the source as it is now. */
    void once() throws IOException, InterruptedException {
        apply(api.list(prefix.source(), prefix.datacenter(), 0));
    }

    /** Replicates each change of the source until interrupted; errors are logged and retried after {@code retry}. */
    void follow(long retryMillis) throws InterruptedException {
        long index = 0;
        while (true) {
            try {
                Listing listing = api.list(prefix.source(), prefix.datacenter(), index);
                if (index == 0 || listing.index() != index) {
                    apply(listing);
                }
                // Consul's rule for blocking queries: an index that goes backwards starts over.
                index = Long.compareUnsigned(listing.index(), index) < 0 ? 0 : listing.index();
            } catch (IOException | RuntimeException e) {
                log.warn("(runner) replicating " + prefix + ": " + e.getMessage() + "; retrying in " + retryMillis
                        + " ms");
                index = 0;
                Thread.sleep(retryMillis);
            }
        }
    }

    /** One pass: the writes and deletes {@code listing} calls for, then the new status. */
    void apply(Listing listing) throws IOException, InterruptedException {
        if (status == null) {
            status = readStatus();
        }
        long since = status.lastReplicated();
        if (Long.compareUnsigned(listing.index(), since) < 0) {
            log.warn("(runner) " + prefix + ": the source's index " + Long.toUnsignedString(listing.index())
                    + " is behind the last replicated " + Long.toUnsignedString(since) + "; replicating every key");
            since = 0;
        }
        Mirror.Changes changes = mirror.plan(listing.entries(), since, api.keys(prefix.destination()));
        for (KvEntry entry : changes.puts()) {
            api.put(entry.key(), entry.value(), entry.flags());
            log.debug("(runner) updated key \"" + entry.key() + "\"");
        }
        for (String key : changes.deletes()) {
            api.delete(key);
            log.debug("(runner) deleted \"" + key + "\"");
        }
        if (listing.index() != status.lastReplicated()) {
            ReplicationStatus next = status.at(listing.index());
            api.put(statusKey, next.json(), 0);
            status = next;
        }
        if (!changes.isEmpty()) {
            log.info("(runner) " + prefix + ": replicated " + changes.puts().size() + " updates, "
                    + changes.deletes().size() + " deletes");
        }
    }

    private ReplicationStatus readStatus() throws IOException, InterruptedException {
        Optional<byte[]> stored = api.get(statusKey);
        if (stored.isEmpty()) {
            return ReplicationStatus.none(prefix);
        }
        ReplicationStatus read;
        try {
            read = ReplicationStatus.parse(stored.get());
        } catch (IOException e) {
            log.warn("(runner) " + prefix + ": ignoring the unreadable status at " + statusKey + " ("
                    + e.getMessage() + "); replicating every key");
            return ReplicationStatus.none(prefix);
        }
        log.info("(runner) " + prefix + ": resuming after index " + Long.toUnsignedString(read.lastReplicated())
                + " (" + statusKey + ")");
        return new ReplicationStatus(read.lastReplicated(), prefix.source(), prefix.destination());
    }

    ReplicatedPrefix prefix() {
        return prefix;
    }
}
