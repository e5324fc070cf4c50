package io.cairn.raft.internal.machine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * Decides when tombstones may go, as Consul's tombstone GC does: a deletion's tombstone is kept for at least
 * the TTL (15 minutes by default) so that a blocking query on the deleted key's prefix sees the deletion's index.
 * Every server samples its applied index once per granularity; the leader, on each {@link #due} check, may reap
 * up to the newest sample that is older than the TTL. A new leader has its own samples, so it reaps late, never
 * early. Plain logic, clock passed in.
 */
public final class TombstoneSchedule {

    private record Sample(long nanos, long appliedIndex) {
    }

    private final long ttlNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private long reapedUpTo;

    public TombstoneSchedule(long ttlNanos) {
        this.ttlNanos = ttlNanos;
    }

    /** Records the applied index at {@code nowNanos}. */
    public synchronized void sample(long nowNanos, long appliedIndex) {
        samples.addLast(new Sample(nowNanos, appliedIndex));
    }

    /**
     * The index up to which tombstones may be reaped now, if that moves past the last reap; forgets the samples
     * it used. Call {@link #reaped} once the reap is committed.
     */
    public synchronized OptionalLong due(long nowNanos) {
        long upTo = 0;
        while (!samples.isEmpty() && nowNanos - samples.peekFirst().nanos() >= ttlNanos) {
            upTo = Math.max(upTo, samples.pollFirst().appliedIndex());
        }
        return upTo > reapedUpTo ? OptionalLong.of(upTo) : OptionalLong.empty();
    }

    /** Notes a committed reap up to {@code index}. */
    public synchronized void reaped(long index) {
        reapedUpTo = Math.max(reapedUpTo, index);
    }
}
