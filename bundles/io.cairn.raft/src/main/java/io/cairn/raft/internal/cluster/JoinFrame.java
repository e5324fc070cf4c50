package io.cairn.raft.internal.cluster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.cairn.tcp.Frame;

/**
 * Collects one side of a join exchange as its bytes arrive, and refuses it as soon as it can no longer be a
 * legitimate one: when it does not start with {@link JoinProtocol#HELLO}, or when it grows past
 * {@link JoinProtocol#MAX_MESSAGE_BYTES} without its closing blank line. Memory held never exceeds that bound,
 * whatever a peer sends. The caller feeds it with {@link #append}, the join listener as a {@link Frame}.
 */
final class JoinFrame implements Frame {

    private static final byte[] HELLO_LINE = (JoinProtocol.HELLO + "\n").getBytes(StandardCharsets.UTF_8);

    private byte[] bytes = new byte[2048];
    private int length;
    private boolean complete;
    /** What {@link #room()} handed out last. */
    private ByteBuffer room;

    /**
     * Appends what arrived (the caller's side, reading a stream).
     *
     * @return whether the message is now complete (bytes after its end are ignored)
     * @throws IOException if what arrived so far is not the start of a join message, or is too long to be one
     */
    boolean append(byte[] src, int offset, int count) throws IOException {
        if (complete) {
            return true;
        }
        int take = Math.min(count, JoinProtocol.MAX_MESSAGE_BYTES - length);
        ensureCapacity(length + take);
        System.arraycopy(src, offset, bytes, length, take);
        return took(take, take < count);
    }

    /** Where the listener reads the next bytes: the rest of the buffer, grown while under the bound. */
    @Override
    public ByteBuffer room() {
        if (length == bytes.length) {
            ensureCapacity(length + 1);
        }
        room = ByteBuffer.wrap(bytes, length, bytes.length - length);
        return room;
    }

    /** Takes what the listener read into {@link #room()}; same contract as {@link #append}. */
    @Override
    public boolean received() throws IOException {
        if (complete) {
            return true;
        }
        return took(room.position() - length, false);
    }

    private void ensureCapacity(int needed) {
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(JoinProtocol.MAX_MESSAGE_BYTES, Math.max(bytes.length * 2, needed)));
        }
    }

    /** Checks the message after {@code take} more bytes were put at its end; {@code cutShort} if more came. */
    private boolean took(int take, boolean cutShort) throws IOException {
        int scanFrom = Math.max(0, length - 1);
        length += take;
        for (int i = 0; i < Math.min(length, HELLO_LINE.length); i++) {
            if (bytes[i] != HELLO_LINE[i]) {
                throw new IOException("Not a Cairn join message: it must start with '" + JoinProtocol.HELLO + "'");
            }
        }
        // The hello line is not empty, so the first blank line anywhere ends the message.
        for (int i = scanFrom; i + 1 < length; i++) {
            if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
                length = i + 2;
                complete = true;
                return true;
            }
        }
        if (cutShort || length == JoinProtocol.MAX_MESSAGE_BYTES) {
            throw new IOException("Join message longer than " + JoinProtocol.MAX_MESSAGE_BYTES
                    + " bytes refused: a join message lists the known servers, one short line each");
        }
        return false;
    }

    /** The records of a complete message, in the order sent. */
    List<ServerRecord> records() throws IOException {
        if (!complete) {
            throw new IOException("Join message incomplete");
        }
        String text = new String(bytes, HELLO_LINE.length, length - HELLO_LINE.length - 1, StandardCharsets.UTF_8);
        List<ServerRecord> records = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                records.add(ServerRecord.parse(line));
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return records;
    }
}
