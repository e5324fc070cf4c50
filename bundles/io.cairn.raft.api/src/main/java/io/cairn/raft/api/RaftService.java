package io.cairn.raft.api;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * This server's member of the replicated state machine. Registered by the Raft core once this agent is a server
 * (client agents, which keep no replicated state, arrive with gossip in a later release).
 */
@ProviderType
public interface RaftService {

    /**
     * Replicates a command through the leader (wherever it is) and applies it.
     * <p>
     * The stage completes once the command is committed and applied <em>on this server too</em>, so a read of
     * {@link #state()} afterwards sees it. It fails with {@link CommandRejectedException} if the leader refused
     * it and with {@link NoLeaderException} if no leader could be reached in time.
     *
     * @param type    the command type; a {@link CommandHandler} with that {@link CommandHandler#TYPE} applies it
     * @param payload the command, encoded by its owner
     */
    CompletionStage<CommandResult> submit(String type, byte[] payload);

    /**
     * Waits until the local {@link #state()} is as fresh as {@code consistency} demands: {@code STALE} at once;
     * {@code DEFAULT} until this server has applied everything the leader had applied when asked;
     * {@code CONSISTENT} until this server has applied a log entry submitted after the call (which only a leader
     * that still leads a majority can commit). Fails with
     * {@link NoLeaderException} when the mode needs a leader and none answers.
     */
    CompletionStage<ReadContext> barrier(Consistency consistency);

    /** The replicated tables as applied on this server. */
    StateView state();

    /**
     * Completes (with the new index) as soon as {@code state().index(table, prefix) > afterIndex}: at once if
     * that already holds, otherwise after the command that makes it hold is applied. Cancel the future to stop
     * waiting; waiting holds no thread.
     */
    CompletableFuture<Long> awaitChange(String table, String prefix, long afterIndex);

    /** The current leader's Raft address ({@code ip:port}), if one is known. */
    Optional<String> leader();

    /** Whether this server is the leader now. */
    boolean isLeader();

    /** The servers of the Raft group. */
    RaftConfiguration configuration();

    /**
     * Removes a server from the Raft group, as Consul's leader does when a server leaves the LAN pool. Completes
     * at once if it is not a member; fails with {@link NoLeaderException} when no leader takes the change.
     *
     * @param id the server's node name (its Raft peer id)
     */
    CompletionStage<Void> removeServer(String id);
}
