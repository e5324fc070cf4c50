package io.cairn.gossip.api;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every change of a member of a pool: a new member, a status change, new tags, and a member forgotten
 * (reaped or pruned). Register as a whiteboard service; the service property {@value Membership#POOL} selects
 * the pool (all pools without it). Called on a gossip thread, in order for each member: return quickly.
 */
@ConsumerType
public interface MembershipListener {

    /**
     * @param pool     {@value Membership#LAN} or {@value Membership#WAN}
     * @param member   the member as it is now
     * @param previous its status before, {@link MemberStatus#NONE} for a member not known before
     */
    void memberChanged(String pool, Member member, MemberStatus previous);

    /** The member was forgotten: reaped after it left or failed long enough ago, or pruned by force-leave. */
    void memberRemoved(String pool, Member member);
}
