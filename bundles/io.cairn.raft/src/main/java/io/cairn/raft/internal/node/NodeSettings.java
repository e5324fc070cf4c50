package io.cairn.raft.internal.node;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * What one Raft server needs to know about itself.
 *
 * @param nodeName          the agent's node name, also its Raft peer id
 * @param datacenter        the datacenter; all servers of one datacenter form one Raft group
 * @param storageDir        where Ratis keeps the log, its metadata and the snapshots
 * @param bindHost          the address the Raft port listens on
 * @param advertiseHost     the address other servers reach this one at
 * @param port              the Raft (server RPC) port
 * @param snapshotThreshold applied entries between automatic snapshots; the log is purged up to a snapshot
 * @param logSegmentBytes   size of one log segment file; only closed segments can be purged
 * @param bootstrapExpect   servers expected to form the group: 1 for a group of one (a {@code -dev} agent), 0 to
 *                          join a group others form
 * @param tls               TLS of the Raft port, {@code null} for plain gRPC
 * @param holdTimeout       how long a write may wait for a leader before it fails (Consul's rpc_hold_timeout)
 * @param tombstoneTtl      how long a deleted key's tombstone is kept, so blocking queries see the deletion
 */
public record NodeSettings(String nodeName, String datacenter, Path storageDir, String bindHost,
        String advertiseHost, int port, long snapshotThreshold, long logSegmentBytes, int bootstrapExpect,
        RpcTls tls, Duration holdTimeout, Duration tombstoneTtl) {

    /** Consul's default rpc_hold_timeout. */
    public static final Duration DEFAULT_HOLD_TIMEOUT = Duration.ofSeconds(7);
    /** Consul's tombstone TTL. */
    public static final Duration DEFAULT_TOMBSTONE_TTL = Duration.ofMinutes(15);

    /** Default log segment size: small enough that a few snapshots let old segments go. */
    public static final long DEFAULT_SEGMENT_BYTES = 8L * 1024 * 1024;

    /** {@code ip:port} under which other servers reach this one's Raft endpoint. */
    public String raftAddress() {
        return advertiseHost + ":" + port;
    }

    /** The Raft group id of a datacenter: the same on every server without coordination. */
    public UUID groupUuid() {
        return UUID.nameUUIDFromBytes(("cairn-raft-group/" + datacenter).getBytes(StandardCharsets.UTF_8));
    }
}
