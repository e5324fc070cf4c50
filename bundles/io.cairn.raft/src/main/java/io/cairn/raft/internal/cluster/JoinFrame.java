package io.cairn.raft.internal.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects one side of a join exchange as its bytes arrive, and refuses it as soon as it can no longer be a
 * legitimate one: when it does not start with {@link JoinProtocol#HELLO}, or when it grows past
 * {@link JoinProtocol#MAX_MESSAGE_BYTES} without its closing blank line. Memory held never exceeds that bound,
 * whatever a peer sends.
 */
final class JoinFrame {

    private static final byte[] HELLO_LINE = (JoinProtocol.HELLO + "\n").getBytes(StandardCharsets.UTF_8);

    private byte[] bytes = new byte[2048];
    private int length;
    private boolean complete;

    /**
     * Appends what arrived.
     *
     * @return whether the message is now complete (bytes after its end are ignored)
     * @throws IOException if what arrived so far is not the start of a join message, or is too long to be one
     */
    boolean append(byte[] src, int offset, int count) throws IOException {
        if (complete) {
            return true;
        }
        int scanFrom = Math.max(0, length - 1);
        int room = JoinProtocol.MAX_MESSAGE_BYTES - length;
        int take = Math.min(count, room);
        if (length + take > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(JoinProtocol.MAX_MESSAGE_BYTES,
                    Math.max(bytes.length * 2, length + take)));
        }
        System.arraycopy(src, offset, bytes, length, take);
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
        if (take < count || length == JoinProtocol.MAX_MESSAGE_BYTES) {
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
