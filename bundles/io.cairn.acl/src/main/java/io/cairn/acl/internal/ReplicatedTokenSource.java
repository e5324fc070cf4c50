package io.cairn.acl.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.cairn.acl.api.AclNotFoundException;
import io.cairn.acl.api.AclToken;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.StateView;

/** A server's {@link TokenSource}: this server's replicated {@link AclTables}, each token's {@link TokenGrant}. */
final class ReplicatedTokenSource implements TokenSource {

    private final RaftService raft;
    private final String datacenter;
    private final Clock clock;

    ReplicatedTokenSource(RaftService raft, String datacenter, Clock clock) {
        this.raft = raft;
        this.datacenter = datacenter;
        this.clock = clock;
    }

    @Override
    public long version() {
        return AclTables.version(raft.state());
    }

    @Override
    public CompletionStage<Grant> grant(String secretId) {
        try {
            return CompletableFuture.completedFuture(raft.state().read(state -> grant(state, secretId)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Grant grant(StateView state, String secretId) {
        Instant now = clock.instant();
        AclToken token = AclTables.tokenBySecret(state, secretId).filter(t -> !t.isExpired(now))
                .orElseThrow(AclNotFoundException::new);
        return TokenGrant.of(state, token, datacenter).compile();
    }
}
