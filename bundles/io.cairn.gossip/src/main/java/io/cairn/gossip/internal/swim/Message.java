package io.cairn.gossip.internal.swim;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cairn.coordinate.Coordinate;

/** The messages of the gossip protocol, as {@link WireFormat} encodes them. */
sealed interface Message {

    /** A direct probe of {@code target}; the receiver answers with an {@link Ack} of the same sequence number. */
    record Ping(int seq, String target, String source) implements Message {
    }

    /**
     * Asks the receiver to probe {@code target} at {@code host:port} and forward its ack; with {@code nack}, to
     * answer with a {@link Nack} if the target does not answer in time.
     */
    record IndirectPing(int seq, String target, String host, int port, boolean nack) implements Message {
    }

    /** Answers a probe; a direct answer carries the responder's coordinate (null when relayed). */
    record Ack(int seq, Coordinate coordinate) implements Message {
    }

    /** An indirect prober heard nothing from the target: the asker's own network is fine. */
    record Nack(int seq) implements Message {
    }

    /** {@code node} is alive at {@code host:port} with these tags, as of {@code incarnation}. */
    record Alive(long incarnation, String node, String host, int port, Map<String, String> tags) implements Message {
    }

    /** {@code from} suspects {@code node} of having failed. */
    record Suspect(long incarnation, String node, String from) implements Message {
    }

    /**
     * {@code from} declares {@code node} failed; when {@code from} is {@code node} itself, it left. With
     * {@code prune}, receivers forget the member at once (force-leave with prune).
     */
    record Dead(long incarnation, String node, String from, boolean prune) implements Message {

        boolean leave() {
            return node.equals(from);
        }
    }

    /** A user broadcast, identified by its origin and id. */
    record UserBroadcast(String origin, long id, String channel, byte[] payload) implements Message {
    }

    /** A query spread like a broadcast; answers go to {@code host:port}. */
    record Query(String origin, long id, String host, int port, Duration timeout, String name, byte[] payload)
            implements Message {
    }

    /** One member's answer to query {@code id}. */
    record QueryResponse(long id, String from, byte[] payload) implements Message {
    }

    /**
     * The full membership as {@code from} knows it: a join request, a periodic sync, or the answer to either.
     */
    record PushPull(String from, boolean join, List<MemberRecord> members) implements Message {
    }

    /** One member in a {@link PushPull}. */
    record MemberRecord(String name, String host, int port, long incarnation, NodeState state,
            Map<String, String> tags) {
    }
}
