package io.cairn.gossip.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the broadcasts of one channel ({@link Membership#broadcast}). Register as a whiteboard service with the
 * service property {@value #CHANNEL}, and optionally {@value Membership#POOL} (default: LAN). Each broadcast
 * reaches each listener once. Called on a gossip thread: return quickly.
 */
@ConsumerType
public interface BroadcastListener {

    /** Service property: the channel, e.g. {@code user-event}. */
    String CHANNEL = "cairn.gossip.channel";

    /**
     * @param origin  the node that broadcast it
     * @param payload what it sent
     */
    void received(String origin, byte[] payload);
}
