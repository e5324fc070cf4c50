package io.cairn.gossip.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers one query of {@link Membership#query}. Register as a whiteboard service with the service property
 * {@value #NAME}, and optionally {@value Membership#POOL} (default: LAN). Called on a gossip thread: return
 * quickly.
 */
@ConsumerType
public interface QueryHandler {

    /** Service property: the query's name, e.g. {@code keyring-list}. */
    String NAME = "cairn.gossip.query";

    /**
     * @param origin  the node that asked
     * @param payload its question
     * @return the answer, at most {@link Membership#MAX_BROADCAST_BYTES} bytes; empty to stay silent
     */
    Optional<byte[]> answer(String origin, byte[] payload);
}
