package io.cairn.dns.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

import io.cairn.tcp.Frame;

/**
 * One DNS message over TCP (RFC 1035 4.2.2): a two-byte length, then that many bytes. Reads no further than its
 * own message, so a client's next question waits in the socket; at most 65,535 bytes, the most the prefix can say.
 */
final class TcpDnsFrame implements Frame {

    private final ByteBuffer prefix = ByteBuffer.allocate(2);
    private ByteBuffer message;

    @Override
    public ByteBuffer room() {
        return message == null ? prefix : message;
    }

    @Override
    public boolean received() throws IOException {
        if (message == null) {
            if (prefix.hasRemaining()) {
                return false;
            }
            int length = prefix.getShort(0) & 0xffff;
            if (length == 0) {
                throw new IOException("sent a DNS message of length 0");
            }
            message = ByteBuffer.allocate(length);
            return false;
        }
        return !message.hasRemaining();
    }

    /** The message of a complete frame. */
    byte[] message() {
        return message.array();
    }

    /** A DNS message as it goes on a TCP connection. */
    static ByteBuffer framed(byte[] wire) {
        return ByteBuffer.allocate(2 + wire.length).putShort((short) wire.length).put(wire).flip();
    }
}
