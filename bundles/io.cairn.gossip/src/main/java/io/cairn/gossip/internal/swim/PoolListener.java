package io.cairn.gossip.internal.swim;

import java.util.Optional;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;

/**
 * What a {@link GossipPool} tells the code around it. Called outside the pool's lock, one call at a time, in the
 * order the pool saw things happen (so in order for each member); an exception is logged and otherwise ignored.
 */
public interface PoolListener {

    /** A member appeared, changed status, or changed its address or tags. */
    void memberChanged(Member member, MemberStatus previous);

    /** A member was forgotten: reaped, or pruned by force-leave. */
    void memberRemoved(Member member);

    /** A broadcast arrived (once per broadcast, including this member's own). */
    void broadcastReceived(String channel, String origin, byte[] payload);

    /**
     * A query arrived (once per query, including this member's own).
     *
     * @return the answer to send to the origin, or empty to stay silent
     */
    Optional<byte[]> answerQuery(String name, String origin, byte[] payload);
}
