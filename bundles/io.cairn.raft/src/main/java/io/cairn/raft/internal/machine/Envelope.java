package io.cairn.raft.internal.machine;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Wire formats of this bundle's log entries and replies. A log entry holds one command,
 * {@code [type length][type UTF-8][payload]}, or a batch of them: {@code [0 (an empty type)][count]} then per
 * element {@code [kind][length][bytes]}, a command as above or the message of a command the leader rejected.
 * A command's reply is {@code [status][body]}, the body being the handler's result or, for a failed or rejected
 * command, its message; a batch's reply is {@code [count]} then {@code [length][reply]} per element, in order.
 */
public final class Envelope {

    private static final byte OK = 0;
    private static final byte FAILED = 1;
    private static final byte REJECTED = 2;
    private static final byte COMMAND_ELEMENT = 0;
    private static final byte REJECTED_ELEMENT = 1;

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

    /** An element of a batch: a command, or (null command) the message of a command the leader refused. */
    public record Element(Command command, String rejection) {

        public static Element rejected(String message) {
            return new Element(null, message);
        }
    }

    private record Encoded(byte kind, byte[] bytes) {
    }

    /** One log entry holding several commands (each as {@link #command} made it), applied in order. */
    public static byte[] batch(List<byte[]> commands) {
        return encodeBatch(commands.stream().map(c -> new Encoded(COMMAND_ELEMENT, c)).toList());
    }

    /** A batch of these elements: how the leader replaces the commands of a batch it refuses. */
    public static byte[] batchOf(List<Element> elements) {
        return encodeBatch(elements.stream().map(e -> e.command() == null
                ? new Encoded(REJECTED_ELEMENT, e.rejection().getBytes(StandardCharsets.UTF_8))
                : new Encoded(COMMAND_ELEMENT, command(e.command().type(), e.command().payload()))).toList());
    }

    private static byte[] encodeBatch(List<Encoded> elements) {
        int size = Short.BYTES + Integer.BYTES;
        for (Encoded element : elements) {
            size += 1 + Integer.BYTES + element.bytes().length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putShort((short) 0).putInt(elements.size());
        for (Encoded element : elements) {
            out.put(element.kind()).putInt(element.bytes().length).put(element.bytes());
        }
        return out.array();
    }

    /** Whether the entry is a batch (a command's type is never empty); does not move the buffer's position. */
    public static boolean isBatch(ByteBuffer data) {
        return data.getShort(data.position()) == 0;
    }

    public static List<Element> parseBatch(ByteBuffer data) {
        data.getShort();
        int count = data.getInt();
        List<Element> elements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte kind = data.get();
            int length = data.getInt();
            ByteBuffer bytes = data.slice(data.position(), length);
            data.position(data.position() + length);
            elements.add(kind == REJECTED_ELEMENT
                    ? Element.rejected(StandardCharsets.UTF_8.decode(bytes).toString())
                    : new Element(parseCommand(bytes), null));
        }
        return elements;
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

    /** The reply to a command of a batch that the leader refused (single commands are refused by Ratis). */
    public static byte[] rejected(String message) {
        return withStatus(REJECTED, message.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] batchReply(List<byte[]> replies) {
        int size = Integer.BYTES;
        for (byte[] reply : replies) {
            size += Integer.BYTES + reply.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(replies.size());
        for (byte[] reply : replies) {
            out.putInt(reply.length).put(reply);
        }
        return out.array();
    }

    public static List<byte[]> parseBatchReply(ByteBuffer data) {
        int count = data.getInt();
        List<byte[]> replies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] reply = new byte[data.getInt()];
            data.get(reply);
            replies.add(reply);
        }
        return replies;
    }

    private static byte[] withStatus(byte status, byte[] body) {
        byte[] out = new byte[body.length + 1];
        out[0] = status;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    /**
     * The handler's result of a reply, or throws {@link IllegalStateException} if the command failed or was
     * rejected (the message of a rejection carries {@link CairnStateMachine#REJECTED_MARK}, as Ratis' does).
     */
    public static byte[] parseReply(byte[] reply) {
        byte[] body = Arrays.copyOfRange(reply, 1, reply.length);
        if (reply[0] == REJECTED) {
            throw new IllegalStateException(CairnStateMachine.REJECTED_MARK + new String(body, StandardCharsets.UTF_8));
        }
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
