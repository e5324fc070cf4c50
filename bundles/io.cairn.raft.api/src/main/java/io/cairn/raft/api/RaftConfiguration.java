package io.cairn.raft.api;

import java.util.List;

/**
 * The current Raft configuration as {@code /v1/operator/raft/configuration} reports it.
 *
 * @param servers the servers, in Raft id order
 * @param index   the Raft index the configuration was committed at (the log counted from 1, as Consul counts it)
 */
public record RaftConfiguration(List<ServerInfo> servers, long index) {
}
