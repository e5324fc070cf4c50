/**
 * Backup and restore of the whole replicated state ({@link io.cairn.raft.api.snapshots.StateSnapshots}), for
 * Consul's snapshots. A package of its own so that the replicated state machine's contract
 * ({@link io.cairn.raft.api}) stays as it is for the bundles that implement parts of it.
 */
@Export
@Version("1.0.0")
package io.cairn.raft.api.snapshots;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
