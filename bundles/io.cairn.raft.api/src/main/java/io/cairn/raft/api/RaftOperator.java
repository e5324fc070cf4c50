package io.cairn.raft.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What an operator (Consul's {@code /v1/operator/raft} and autopilot) needs of the Raft group beyond
 * {@link RaftService}: moving leadership and the leader's view of how far each server has come. Registered by the
 * Raft core next to {@link RaftService}.
 */
@ProviderType
public interface RaftOperator {

    /**
     * Hands leadership to another voter and completes with its id once it leads. Works from any server (the
     * request goes to the leader). Fails with {@link IllegalArgumentException} if {@code id} is not a voter of the
     * configuration or is the leader already, and with {@link NoLeaderException} if there is no leader or the
     * transfer did not finish in time.
     *
     * @param id the voter to lead next; empty: the follower that is most up to date
     */
    CompletionStage<String> transferLeadership(Optional<String> id);

    /**
     * How far every server of the configuration (the leader included) has come, as the leader sees it: asked of
     * the leader from any server. Empty if the server asked is no longer the leader; fails with
     * {@link NoLeaderException} if no leader answers.
     */
    CompletionStage<List<ServerProgress>> progress();
}
