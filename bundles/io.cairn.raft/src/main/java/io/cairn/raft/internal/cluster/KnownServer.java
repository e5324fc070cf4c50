package io.cairn.raft.internal.cluster;

/**
 * A server as gossip knows it, for forming the Raft group.
 *
 * @param node        its node name, also its Raft peer id
 * @param raftAddress {@code ip:port} of its Raft (server RPC) port
 * @param formed      whether it says it belongs to a formed Raft group
 */
public record KnownServer(String node, String raftAddress, boolean formed) {
}
