package io.cairn.raft.api;

/**
 * What a read barrier knows about the freshness of the local state; HTTP turns it into Consul's
 * {@code X-Consul-KnownLeader}, {@code X-Consul-LastContact} and {@code X-Consul-Effective-Consistency}
 * headers.
 *
 * @param knownLeader      whether this server knows a leader
 * @param lastContactMillis milliseconds since this server last heard from the leader; 0 on the leader
 * @param consistency      the mode the read was served in
 */
public record ReadContext(boolean knownLeader, long lastContactMillis, Consistency consistency) {
}
