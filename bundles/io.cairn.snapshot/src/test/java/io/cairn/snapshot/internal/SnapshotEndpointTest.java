package io.cairn.snapshot.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import io.cairn.http.api.HttpException;
import io.cairn.http.api.Response;
import io.cairn.http.testing.FakeRequest;
import io.cairn.raft.api.snapshots.StateSnapshots;
import io.cairn.raft.testing.FakeRaft;
import io.cairn.snapshot.archive.SnapshotArchive;

class SnapshotEndpointTest {

    /** Exports a fixed image at index 7 in term 2; remembers what it was asked to restore. */
    private static final class FakeSnapshots implements StateSnapshots {
        byte[] image = "image".getBytes(StandardCharsets.UTF_8);
        byte[] restored;

        @Override
        public Position export(OutputStream out) throws IOException {
            out.write(image);
            return new Position(7, 2);
        }

        @Override
        public CompletionStage<Long> restore(byte[] image) {
            if (image.length == 0) {
                throw new IllegalArgumentException("The state image is truncated or malformed");
            }
            restored = image;
            return CompletableFuture.completedFuture(9L);
        }
    }

    private final FakeSnapshots snapshots = new FakeSnapshots();
    private final SnapshotEndpoint endpoint = new SnapshotEndpoint(new FakeRaft(), snapshots);

    private static FakeRequest get() {
        return FakeRequest.of("GET", "").token(FakeRequest.ACLS_DISABLED);
    }

    private static FakeRequest put() {
        return FakeRequest.of("PUT", "").token(FakeRequest.ACLS_DISABLED);
    }

    @Test
    void savesAVerifiableArchiveAndRestoresIt() throws Exception {
        Response saved = endpoint.save(get()).toCompletableFuture().join();
        assertEquals("7", saved.headers().get("X-Consul-Index"));
        SnapshotArchive.Snapshot snapshot = SnapshotArchive.read(new ByteArrayInputStream(saved.rawBody()), 1024);
        assertArrayEquals(snapshots.image, snapshot.state());
        assertEquals(7, snapshot.meta().index());
        assertEquals(2, snapshot.meta().term());

        endpoint.restore(put().body(saved.rawBody())).toCompletableFuture().join();
        assertArrayEquals(snapshots.image, snapshots.restored);
    }

    @Test
    void refusesACorruptArchiveWith400AndRestoresNothing() throws Exception {
        byte[] archive = endpoint.save(get()).toCompletableFuture().join().rawBody();
        HttpException e = assertThrows(HttpException.class, () -> endpoint.restore(put()
                .body(Arrays.copyOf(archive, archive.length - 10))));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("Invalid snapshot: Snapshot archive is corrupt or truncated"),
                e.getMessage());

        snapshots.image = new byte[0];
        byte[] emptyState = endpoint.save(get()).toCompletableFuture().join().rawBody();
        e = assertThrows(HttpException.class, () -> endpoint.restore(put().body(emptyState)));
        assertEquals(400, e.status());
        assertEquals("Invalid snapshot: The state image is truncated or malformed", e.getMessage());
        assertNull(snapshots.restored);
    }

    @Test
    void needsAclWrite() {
        for (String method : new String[] {"GET", "PUT"}) {
            FakeRequest request = FakeRequest.of(method, "").rules("acl = \"read\"");
            HttpException e = assertThrows(HttpException.class, () -> {
                if (method.equals("GET")) {
                    endpoint.save(request);
                } else {
                    endpoint.restore(request);
                }
            });
            assertEquals(403, e.status());
            assertTrue(e.getMessage().contains("lacks permission 'acl:write'"), e.getMessage());
        }
        endpoint.save(FakeRequest.of("GET", "").rules("acl = \"write\"")).toCompletableFuture().join();
        assertNull(snapshots.restored);
    }
}
