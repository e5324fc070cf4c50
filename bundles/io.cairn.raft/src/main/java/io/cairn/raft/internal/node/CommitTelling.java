package io.cairn.raft.internal.node;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * When a leader's sender to one follower ({@link CommitTellingAppender}) should send a heartbeat to tell the
 * follower of a commit: once the leader's commit index is ahead of the one it last told, no entries are waiting to
 * go (an append carries the commit index too), and {@link #LINGER_MILLIS} have passed. A client writing one entry
 * after another has its next entry appended within that time, and the heartbeat, one more message for every
 * server to handle, is then not needed.
 */
final class CommitTelling {

    static final long LINGER_MILLIS = 1;
    /** {@link #heartbeatIn}'s answer when there is nothing to tell. */
    static final long NOTHING_TO_TELL = -1;
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
    private static final long NOT_WAITING = Long.MIN_VALUE;

    private final LongSupplier nanoClock;
    /** The highest commit index a request to the follower carried. */
    private long toldCommit = -1;
    /** When a commit to tell was first seen, or {@link #NOT_WAITING}. */
    private long untoldSince = NOT_WAITING;

    CommitTelling(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** A request to the follower carried this commit index. */
    synchronized void told(long leaderCommit) {
        if (leaderCommit > toldCommit) {
            toldCommit = leaderCommit;
            untoldSince = NOT_WAITING;
        }
    }

    /**
     * @param entriesWaiting    whether entries are waiting to be sent to the follower
     * @param committed         the leader's commit index
     * @param followerNextIndex the next entry the follower is to get; a request tells it of commits up to the
     *                          entry before that one at most, so a commit beyond is not for a heartbeat to tell
     * @return 0 to send a heartbeat now, a positive number of milliseconds to ask again after, or
     *         {@link #NOTHING_TO_TELL}
     */
    synchronized long heartbeatIn(boolean entriesWaiting, long committed, long followerNextIndex) {
        if (entriesWaiting || Math.min(committed, followerNextIndex - 1) <= toldCommit) {
            untoldSince = NOT_WAITING;
            return NOTHING_TO_TELL;
        }
        long now = nanoClock.getAsLong();
        if (untoldSince == NOT_WAITING) {
            untoldSince = now;
        }
        return now - untoldSince >= LINGER_NANOS ? 0 : LINGER_MILLIS;
    }
}
