/**
 * consul-replicate as plain Java, shared by {@code cairn replicate} and the agent's {@code replicate} stanza: a
 * {@link io.cairn.replicate.Replicator} holds the leader lock of the destination and keeps each
 * {@link io.cairn.replicate.ReplicatedPrefix} of this datacenter equal to its source in another datacenter, reading
 * the source with blocking queries through the local agent ({@code ?dc=}) and checkpointing each prefix's
 * {@link io.cairn.replicate.ReplicationStatus}.
 */
@Export
@Version("1.0.0")
package io.cairn.replicate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
