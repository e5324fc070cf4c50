package io.cairn.raft.internal.node;

import org.apache.ratis.conf.Parameters;
import org.apache.ratis.grpc.GrpcFactory;
import org.apache.ratis.rpc.RpcFactory;
import org.apache.ratis.rpc.RpcType;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.leader.FollowerInfo;
import org.apache.ratis.server.leader.LeaderState;
import org.apache.ratis.server.leader.LogAppender;

/**
 * Ratis's gRPC transport whose log appenders tell followers of commits at once ({@link CommitTellingAppender}),
 * woken by the {@link CommitAnnouncer} found in the {@link Parameters} (under {@link #ANNOUNCER}). Ratis
 * instantiates it from its class name ({@code raft.rpc.type}), hence the public no-argument constructor; clients
 * built with the same properties get plain gRPC.
 */
public final class AnnouncingGrpcType implements RpcType {

    static final String ANNOUNCER = "cairn.commit.announcer";

    @Override
    public String name() {
        return AnnouncingGrpcType.class.getName();
    }

    @Override
    public RpcFactory newFactory(Parameters parameters) {
        return new Factory(parameters, parameters.get(ANNOUNCER, CommitAnnouncer.class));
    }

    private static final class Factory extends GrpcFactory {
        private final CommitAnnouncer announcer;

        Factory(Parameters parameters, CommitAnnouncer announcer) {
            super(parameters);
            this.announcer = announcer;
        }

        @Override
        public LogAppender newLogAppender(RaftServer.Division server, LeaderState state, FollowerInfo follower) {
            LogAppender appender = new CommitTellingAppender(server, state, follower);
            if (announcer != null) {
                announcer.register(follower.getId(), appender);
            }
            return appender;
        }
    }
}
