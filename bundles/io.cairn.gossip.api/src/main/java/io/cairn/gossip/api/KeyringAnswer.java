package io.cairn.gossip.api;

import java.util.Map;

/**
 * What the members of one pool answered to a keyring operation, in the shape of Consul's
 * {@code /v1/operator/keyring} entries.
 *
 * @param wan         whether this is the WAN pool
 * @param datacenter  the datacenter (for the WAN pool: this agent's)
 * @param keys        each key any member has, with how many members have it
 * @param primaryKeys each primary key, with how many members use it
 * @param numNodes    how many members were asked
 * @param messages    an error text per member that failed the operation, by node name
 */
public record KeyringAnswer(boolean wan, String datacenter, Map<String, Integer> keys,
        Map<String, Integer> primaryKeys, int numNodes, Map<String, String> messages) {

    public KeyringAnswer {
        keys = Map.copyOf(keys);
        primaryKeys = Map.copyOf(primaryKeys);
        messages = Map.copyOf(messages);
    }
}
