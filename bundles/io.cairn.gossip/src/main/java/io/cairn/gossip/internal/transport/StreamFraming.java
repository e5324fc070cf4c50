package io.cairn.gossip.internal.transport;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * How {@link NetTransport} frames a stream exchange on TCP. A request is a fixed header, then its payload: the
 * address family ({@code 4} or {@code 6}), the requester's advertised address (16 bytes, an IPv4 one in the
 * first four), its port (2 bytes), the payload's length (4 bytes), all big-endian. The reply is its length
 * (4 bytes) and the payload. The requester's address is what the receiving side reports as the stream's origin,
 * so that a stream names the same address as the requester's datagrams do (its ephemeral TCP port would not).
 */
final class StreamFraming {

    static final int REQUEST_HEADER_BYTES = 1 + 16 + 2 + 4;
    static final int REPLY_HEADER_BYTES = 4;

    private StreamFraming() {
    }

    /** The whole request as it goes on the wire. */
    static byte[] request(InetSocketAddress from, byte[] payload) {
        byte[] address = from.getAddress().getAddress();
        ByteBuffer wire = ByteBuffer.allocate(REQUEST_HEADER_BYTES + payload.length);
        wire.put((byte) (from.getAddress() instanceof Inet4Address ? 4 : 6));
        wire.put(address);
        wire.position(1 + 16);
        wire.putShort((short) from.getPort());
        wire.putInt(payload.length);
        wire.put(payload);
        return wire.array();
    }

    /** The whole reply as it goes on the wire. */
    static ByteBuffer reply(byte[] payload) {
        ByteBuffer wire = ByteBuffer.allocate(REPLY_HEADER_BYTES + payload.length);
        wire.putInt(payload.length).put(payload).flip();
        return wire;
    }

    /**
     * Reads one reply; the memory it takes grows with the bytes that actually arrive, not with the length the
     * peer announces.
     *
     * @throws StreamClosedWithoutReplyException if the stream ends before the reply starts
     * @throws IOException if the stream ends within the reply or the reply is longer than {@code maxBytes}
     */
    static byte[] readReply(InputStream in, int maxBytes) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int length;
        try {
            length = data.readInt();
        } catch (EOFException e) {
            throw new StreamClosedWithoutReplyException("the peer closed the stream without a reply");
        }
        if (length < 0 || length > maxBytes) {
            throw new IOException("the peer announced a reply of " + Integer.toUnsignedLong(length)
                    + " bytes, more than the limit of " + maxBytes);
        }
        byte[] payload = data.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("the peer closed the stream after " + payload.length + " of the " + length
                    + " bytes of its reply");
        }
        return payload;
    }
}
