package io.cairn.gossip.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.cairn.agent.api.Member;
import io.cairn.coordinate.Coordinate;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One gossip pool as this agent sees it. Registered once per pool the agent is in, with the service property
 * {@value #POOL}: {@value #LAN} on every agent, {@value #WAN} on servers too.
 */
@ProviderType
public interface Membership {

    /** Service property naming the pool: {@value #LAN} or {@value #WAN}. */
    String POOL = "cairn.gossip.pool";
    /** The datacenter's pool of every agent. */
    String LAN = "lan";
    /** The pool of the servers of every datacenter; members are named {@code <node>.<dc>}. */
    String WAN = "wan";

    /** The pool, {@value #LAN} or {@value #WAN}. */
    String pool();

    /** This agent as a member of the pool. */
    Member local();

    /**
     * Every member this agent knows, this one included, sorted by name: alive, leaving and failed ones, and left
     * ones until they are reaped or pruned.
     */
    List<Member> members();

    /**
     * Contacts each address ({@code host} or {@code host:port}; the pool's default port when absent), exchanges
     * the full membership with it and so joins its pool.
     *
     * @return how many of the addresses answered; the stage fails (with a message naming each address and why)
     *         when none did
     */
    CompletionStage<Integer> join(List<String> addresses);

    /**
     * Leaves the pool on purpose: tells the others (who will show this agent as {@code left}), waits until the
     * news has spread or {@code timeout} passed, then stops taking part.
     */
    CompletionStage<Void> leave(Duration timeout);

    /**
     * Marks a failed member as {@code left}, so that it is no longer expected back (it is reaped as left members
     * are); with {@code prune}, forgets it at once. A member that is alive is not changed.
     *
     * @return false if no member has that name
     */
    boolean forceLeave(String node, boolean prune);

    /**
     * Sets or replaces tags of this agent (a {@code null} value removes the key) and tells the pool. Used for the
     * tags that change while the agent runs; the fixed ones ({@code role}, {@code dc}, ports, ...) are set by the
     * gossip bundle itself.
     */
    void updateTags(Map<String, String> tags);

    /** This agent's current network coordinate in this pool. */
    Coordinate coordinate();

    /** The last coordinate a member reported (with its acks), if any. */
    Optional<Coordinate> coordinate(String node);

    /**
     * Sends {@code payload} to every member of the pool, this agent included, best effort: it is piggybacked on
     * gossip and retransmitted enough times to reach every live member with high probability. Delivered to the
     * {@link BroadcastListener}s of {@code channel}, once per member.
     *
     * @throws IllegalArgumentException if the payload is larger than {@link #MAX_BROADCAST_BYTES}
     */
    void broadcast(String channel, byte[] payload);

    /** The largest broadcast payload, in bytes. */
    int MAX_BROADCAST_BYTES = 1024;

    /**
     * Asks every alive member of the pool (this agent included) the query {@code name}: spread like a broadcast,
     * answered by each member's {@link QueryHandler} for that name directly to this agent. Completes after
     * {@code timeout} with the answers that arrived, by node name (members without a handler do not answer).
     */
    CompletionStage<Map<String, byte[]>> query(String name, byte[] payload, Duration timeout);
}
