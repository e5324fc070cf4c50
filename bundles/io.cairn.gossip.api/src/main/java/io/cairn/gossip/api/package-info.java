/**
 * Gossip membership as Consul's agents have it (SWIM with Lifeguard, as HashiCorp's memberlist and Serf do it):
 * every agent is in its datacenter's LAN pool, servers also in the WAN pool of all servers. A pool knows its
 * members and their status, detects failures, carries each member's tags, refines network coordinates from its
 * probes, and delivers broadcasts and queries to every member.
 * <p>
 * The gossip bundle registers one {@link io.cairn.gossip.api.Membership} per pool (service property
 * {@value io.cairn.gossip.api.Membership#POOL}) and one {@link io.cairn.gossip.api.Keyring}. Listeners are
 * whiteboard services: {@link io.cairn.gossip.api.MembershipListener},
 * {@link io.cairn.gossip.api.BroadcastListener} and {@link io.cairn.gossip.api.QueryHandler}.
 */
@Export
@Version("1.1.0")
package io.cairn.gossip.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
