package io.cairn.raft.internal.machine;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Wire formats of this bundle's log entries and replies. A log entry is {@code [type length][type UTF-8][payload]};
 * a reply is {@code [status][body]} where the body is the handler's result or, for a failed command, its message.
 */
public final class Envelope {

    private static final byte OK = 0;
    private static final byte FAILED = 1;

    /** The one read-only query this state machine answers: its last applied log index. */
    public static final byte[] APPLIED_INDEX_QUERY = "applied-index".getBytes(StandardCharsets.US_ASCII);

    private Envelope() {
    }

    /** A command as stored in the log. */
    public record Command(String type, byte[] payload) {
    }

    public static byte[] command(String type, byte[] payload) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + type.length() + 2);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(type);
            out.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Command parseCommand(ByteBuffer data) {
        int typeLength = Short.toUnsignedInt(data.getShort());
        byte[] type = new byte[typeLength];
        data.get(type);
        byte[] payload = new byte[data.remaining()];
        data.get(payload);
        // writeUTF is modified UTF-8, identical to UTF-8 for type names without NUL or supplementary characters
        return new Command(new String(type, StandardCharsets.UTF_8), payload);
    }

    public static byte[] ok(byte[] result) {
        return withStatus(OK, result);
    }

    public static byte[] failed(String message) {
        return withStatus(FAILED, message.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] withStatus(byte status, byte[] body) {
        byte[] out = new byte[body.length + 1];
        out[0] = status;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    /** The handler's result of a reply, or throws {@link IllegalStateException} if the command failed. */
    public static byte[] parseReply(byte[] reply) {
        byte[] body = Arrays.copyOfRange(reply, 1, reply.length);
        if (reply[0] != OK) {
            throw new IllegalStateException("The command failed while being applied: "
                    + new String(body, StandardCharsets.UTF_8));
        }
        return body;
    }

    public static byte[] appliedIndex(long index) {
        return ByteBuffer.allocate(Long.BYTES).putLong(index).array();
    }

    public static long parseAppliedIndex(ByteBuffer reply) {
        return reply.getLong();
    }
}
