package io.cairn.raft.api;

/**
 * One server of the Raft configuration.
 *
 * @param id      the server's Raft id
 * @param node    the agent's node name
 * @param address {@code ip:port} of its Raft (server RPC) endpoint
 * @param leader  whether it is the current leader
 * @param voter   whether it votes
 */
public record ServerInfo(String id, String node, String address, boolean leader, boolean voter) {
}
