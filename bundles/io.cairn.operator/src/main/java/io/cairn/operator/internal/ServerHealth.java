package io.cairn.operator.internal;

import java.time.Duration;
import java.time.Instant;

import io.cairn.agent.api.MemberStatus;

/**
 * One server as autopilot sees it: Consul's {@code ServerHealth}.
 *
 * @param id          its Raft id
 * @param name        its node name
 * @param address     its Raft address
 * @param serfStatus  its LAN gossip status ({@code NONE} when gossip does not know it)
 * @param version     the Cairn version it announces, {@code ""} if unknown
 * @param leader      whether it leads
 * @param voter       whether it votes
 * @param lastContact how long ago the leader heard from it (zero for the leader)
 * @param lastTerm    its term as the leader knows it
 * @param lastIndex   the last log index it holds as the leader knows it
 * @param healthy     whether it is healthy by autopilot's rules
 * @param stableSince when its health last changed
 */
record ServerHealth(String id, String name, String address, MemberStatus serfStatus, String version, boolean leader,
        boolean voter, Duration lastContact, long lastTerm, long lastIndex, boolean healthy, Instant stableSince) {
}
