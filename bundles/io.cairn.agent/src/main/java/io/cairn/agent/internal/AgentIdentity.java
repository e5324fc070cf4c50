package io.cairn.agent.internal;

/**
 * Who this agent is, as its configuration says.
 *
 * @param nodeName         the node name
 * @param nodeId           the node's UUID
 * @param datacenter       the datacenter, e.g. {@code dc1}
 * @param server           whether this agent is a server (holds the replicated state)
 * @param advertiseAddress the address other agents reach this one at
 * @param serverPort       the Raft (server RPC) port
 * @param serfLanPort      the LAN join port
 * @param dev              whether the agent runs in {@code -dev} mode
 */
record AgentIdentity(String nodeName, String nodeId, String datacenter, boolean server, String advertiseAddress,
        int serverPort, int serfLanPort, boolean dev) {
}
