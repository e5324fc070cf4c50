/**
 * Consul's snapshot archive: a gzip-compressed tar of {@code meta.json} (the snapshot's ID, Size, Index, Term and
 * format Version), {@code state.bin} (the state itself) and {@code SHA256SUMS} (the SHA-256 of the other two),
 * checked whole on read. In Cairn's archives {@code state.bin} holds Cairn's own records, the Raft core's image of
 * its replicated tables ({@link io.cairn.raft.api.snapshots.StateSnapshots}), not Consul's msgpack: the container is
 * Consul's, the content restores into Cairn only. Plain Java, used by the agent and by the CLI.
 */
@Export
@Version("1.0.0")
package io.cairn.snapshot.archive;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
