package io.cairn.snapshot.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.HttpException;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.raft.api.RaftService;
import io.cairn.raft.api.snapshots.StateSnapshots;
import io.cairn.snapshot.archive.InvalidSnapshotException;
import io.cairn.snapshot.archive.SnapshotArchive;
import io.cairn.snapshot.archive.SnapshotMeta;

/**
 * {@code GET /v1/snapshot} (save: the archive of this server's state after the consistency barrier, so by default
 * as fresh as the leader's, with {@code ?stale} as it is here) and {@code PUT /v1/snapshot} (restore: the archive
 * is verified whole, then its state replaces the replicated state on every server through one Raft command).
 * Both need the {@code acl = "write"} permission while ACLs are enabled, as in Consul. A corrupt, truncated or oversized archive is
 * refused with 400 and a message saying what is wrong, before anything changes.
 */
@Component(service = HttpEndpoints.class)
public final class SnapshotEndpoint implements HttpEndpoints {

    /**
     * The largest archive a restore takes. Its state must fit one Raft entry ({@link StateSnapshots}), and gzip
     * never grows it by more than a little, so this bound is the Raft core's with room for the framing.
     */
    static final int MAX_ARCHIVE_BYTES = StateSnapshots.MAX_RESTORE_BYTES + 1024 * 1024;

    private final RaftService raft;
    private final StateSnapshots snapshots;

    @Activate
    public SnapshotEndpoint(@Reference RaftService raft, @Reference StateSnapshots snapshots) {
        this.raft = raft;
        this.snapshots = snapshots;
    }

    @Override
    public void routes(RouteTable table) {
        table.datacenterScoped()
                .get("/v1/snapshot", this::save)
                .put("/v1/snapshot", MAX_ARCHIVE_BYTES, this::restore);
    }

    CompletionStage<Response> save(Request request) {
        requireSnapshotPermission(request);
        return raft.barrier(request.consistency()).thenApply(context -> {
            try {
                ByteArrayOutputStream state = new ByteArrayOutputStream();
                StateSnapshots.Position position = snapshots.export(state);
                byte[] archive = SnapshotArchive.toBytes(SnapshotMeta.of(state.size(), position.index(),
                        position.term(), System.currentTimeMillis()), state.toByteArray());
                return Response.raw(archive, "application/x-gzip")
                        .header("X-Consul-Index", Long.toUnsignedString(Math.max(1, position.index())))
                        .header("X-Consul-KnownLeader", Boolean.toString(context.knownLeader()))
                        .header("X-Consul-LastContact", Long.toString(context.lastContactMillis()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    CompletionStage<Response> restore(Request request) {
        requireSnapshotPermission(request);
        SnapshotArchive.Snapshot snapshot;
        try {
            snapshot = SnapshotArchive.read(new ByteArrayInputStream(request.body()),
                    StateSnapshots.MAX_RESTORE_BYTES);
        } catch (InvalidSnapshotException e) {
            throw HttpException.badRequest("Invalid snapshot: " + e.getMessage());
        }
        CompletionStage<Long> restored;
        try {
            restored = snapshots.restore(snapshot.state());
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest("Invalid snapshot: " + e.getMessage());
        }
        return restored.thenApply(index -> Response.ok());
    }

    /** {@code acl = "write"}, or ACLs disabled (no accessor): Consul then allows snapshots to everyone. */
    private static void requireSnapshotPermission(Request request) {
        if (!request.acl().snapshot() && !request.token().accessorId().isEmpty()) {
            throw request.permissionDenied("acl:write", null);
        }
    }
}
