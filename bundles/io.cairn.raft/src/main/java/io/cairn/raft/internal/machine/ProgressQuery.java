package io.cairn.raft.internal.machine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.cairn.raft.api.ServerProgress;

/**
 * The read-only query a follower sends the leader for its view of every server's progress (answered by the
 * leader's state machine, never logged), and the encoding of the answer.
 */
public final class ProgressQuery {

    /** The query's message. */
    public static final byte[] QUERY = "server-progress".getBytes(StandardCharsets.US_ASCII);

    private ProgressQuery() {
    }

    public static byte[] encode(List<ServerProgress> progress) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(progress.size());
            for (ServerProgress p : progress) {
                out.writeUTF(p.id());
                out.writeLong(p.lastContactMillis());
                out.writeLong(p.lastIndex());
                out.writeLong(p.lastTerm());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static List<ServerProgress> decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int count = in.readInt();
            List<ServerProgress> progress = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                progress.add(new ServerProgress(in.readUTF(), in.readLong(), in.readLong(), in.readLong()));
            }
            return List.copyOf(progress);
        } catch (IOException e) {
            throw new IllegalArgumentException("A malformed progress answer", e);
        }
    }
}
