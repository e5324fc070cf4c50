package io.cairn.raft.internal.node;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.leader.LogAppender;

/**
 * Tells followers at once that the leader's commit index moved. A follower applies only what it knows is committed,
 * and Ratis's leader would tell it with the next append or heartbeat, up to half an election timeout later: a
 * write or read through a follower waited that long. Ratis's own remedy, a commit-index log entry after every
 * commit, costs an fsync on every server per commit; a heartbeat costs none.
 * <p>
 * Knows the log appenders of this server's current leadership ({@link AnnouncingGrpcType} registers each as Ratis
 * creates it, one per follower, replacing the one of an earlier term) and wakes them; each then sends a heartbeat
 * if its follower has a commit to learn ({@link CommitTellingAppender}). Appenders of a past leadership are
 * stopped and left alone.
 */
final class CommitAnnouncer {

    private final Map<RaftPeerId, LogAppender> appenders = new ConcurrentHashMap<>();

    void register(RaftPeerId follower, LogAppender appender) {
        appenders.put(follower, appender);
    }

    /** Called after the leader applied a command, hence after its commit index moved. */
    void announce() {
        for (LogAppender appender : appenders.values()) {
            if (appender.isRunning()) {
                appender.notifyLogAppender();
            }
        }
    }
}
