package io.cairn.gossip.internal.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

import io.cairn.tcp.Frame;

/**
 * One stream request ({@link StreamFraming}) collected as it arrives. The payload's buffer starts small and grows
 * only as bytes arrive, so a peer announcing the largest request and sending nothing holds almost no memory; a
 * header that is not a gossip stream's, or a length above the limit, is refused as soon as the header is in.
 */
final class StreamRequestFrame implements Frame {

    private static final int FIRST_CHUNK_BYTES = 64 * 1024;

    private final int maxBytes;
    private final ByteBuffer header = ByteBuffer.allocate(StreamFraming.REQUEST_HEADER_BYTES);
    private InetSocketAddress from;
    private int length = -1;
    private byte[] payload;
    private ByteBuffer room;

    StreamRequestFrame(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public ByteBuffer room() {
        if (length < 0) {
            return header;
        }
        if (room.position() == payload.length) {
            payload = Arrays.copyOf(payload, (int) Math.min(length, 2L * payload.length));
            room = ByteBuffer.wrap(payload, room.position(), payload.length - room.position());
        }
        return room;
    }

    @Override
    public boolean received() throws IOException {
        if (length >= 0) {
            return room.position() == length;
        }
        if (header.hasRemaining()) {
            return false;
        }
        header.flip();
        byte family = header.get();
        byte[] address = new byte[16];
        header.get(address);
        if (family == 4) {
            address = Arrays.copyOf(address, 4);
        } else if (family != 6) {
            throw new IOException("not a gossip stream (its first byte is " + (family & 0xff) + ")");
        }
        int port = Short.toUnsignedInt(header.getShort());
        int announced = header.getInt();
        if (announced < 0 || announced > maxBytes) {
            throw new IOException("a stream request of " + Integer.toUnsignedLong(announced)
                    + " bytes is more than the limit of " + maxBytes);
        }
        from = new InetSocketAddress(InetAddress.getByAddress(address), port);
        length = announced;
        payload = new byte[Math.min(length, FIRST_CHUNK_BYTES)];
        room = ByteBuffer.wrap(payload);
        return length == 0;
    }

    /** Where the requester says it is reached (its advertised gossip address). */
    InetSocketAddress from() {
        return from;
    }

    /** The request, once {@link #received()} said it is complete. */
    byte[] payload() {
        return payload;
    }
}
