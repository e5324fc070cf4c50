package io.cairn.dns.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class TcpDnsFrameTest {

    /** Feeds {@code wire} the way the listener does: no more than the frame has room for; bytes taken. */
    private static int feed(TcpDnsFrame frame, ByteBuffer wire) throws IOException {
        int taken = 0;
        while (wire.hasRemaining()) {
            ByteBuffer room = frame.room();
            int n = Math.min(room.remaining(), wire.remaining());
            room.put(wire.slice(wire.position(), n));
            wire.position(wire.position() + n);
            taken += n;
            if (frame.received()) {
                break;
            }
        }
        return taken;
    }

    @Test
    void takesItsOwnMessageAndLeavesTheNextQuestionWaiting() throws IOException {
        byte[] first = {1, 2, 3};
        ByteBuffer both = ByteBuffer.allocate(10);
        both.put(TcpDnsFrame.framed(first)).put(TcpDnsFrame.framed(new byte[] {9, 9, 9})).flip();
        TcpDnsFrame frame = new TcpDnsFrame();
        assertEquals(5, feed(frame, both));
        assertArrayEquals(first, frame.message());
        assertEquals(5, both.remaining());
    }

    @Test
    void aLengthAloneIsNotAMessage() throws IOException {
        TcpDnsFrame frame = new TcpDnsFrame();
        feed(frame, ByteBuffer.wrap(new byte[] {0x01, (byte) 0xf4}));
        assertEquals(500, frame.room().remaining());
        assertFalse(frame.received());
    }

    @Test
    void aMessageOfLengthZeroIsRefused() {
        IOException e = assertThrows(IOException.class,
                () -> feed(new TcpDnsFrame(), ByteBuffer.wrap(new byte[] {0, 0})));
        assertTrue(e.getMessage().contains("length 0"), e.getMessage());
    }
}
