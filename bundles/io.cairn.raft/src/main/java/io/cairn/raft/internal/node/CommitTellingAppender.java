package io.cairn.raft.internal.node;

import org.apache.ratis.grpc.server.GrpcLogAppender;
import org.apache.ratis.proto.RaftProtos.AppendEntriesRequestProto;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.leader.FollowerInfo;
import org.apache.ratis.server.leader.LeaderState;
import org.apache.ratis.server.raftlog.RaftLogIOException;

/**
 * Ratis's gRPC log appender (the leader's sender to one follower) that sends a heartbeat soon after the leader's
 * commit index got ahead of the one it last told the follower ({@link CommitTelling} decides when). Its loop is
 * woken by the {@link CommitAnnouncer}, and Ratis's loop asks {@link #getHeartbeatWaitTimeMs} each time it runs:
 * whether to send is read from the state, not from a flag, so a wake-up that comes while a request is being sent
 * is not lost.
 */
final class CommitTellingAppender extends GrpcLogAppender {

    private final CommitTelling telling = new CommitTelling(System::nanoTime);

    CommitTellingAppender(RaftServer.Division server, LeaderState leaderState, FollowerInfo follower) {
        super(server, leaderState, follower);
    }

    @Override
    public AppendEntriesRequestProto newAppendEntriesRequest(long callId, boolean heartbeat)
            throws RaftLogIOException {
        AppendEntriesRequestProto request = super.newAppendEntriesRequest(callId, heartbeat);
        if (request != null) {
            telling.told(request.getLeaderCommit());
        }
        return request;
    }

    @Override
    public long getHeartbeatWaitTimeMs() {
        long wait = telling.heartbeatIn(hasAppendEntries(), getRaftLog().getLastCommittedIndex(),
                getFollower().getNextIndex());
        return wait == CommitTelling.NOTHING_TO_TELL ? super.getHeartbeatWaitTimeMs() : wait;
    }
}
