package io.cairn.raft.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class JoinFrameTest {

    private static final List<ServerRecord> RECORDS = List.of(
            new ServerRecord("n1", "10.0.0.1:8300", "10.0.0.1:8301", List.of("n1", "n2", "n3")),
            new ServerRecord("n4", "10.0.0.4:8300", "10.0.0.4:8301", List.of()));

    @Test
    void aMessageArrivingByteByByteIsCompleteAtItsBlankLine() throws IOException {
        byte[] wire = JoinProtocol.encode(RECORDS);
        JoinFrame frame = new JoinFrame();
        for (int i = 0; i < wire.length - 1; i++) {
            assertFalse(frame.append(wire, i, 1), "complete after " + (i + 1) + " of " + wire.length + " bytes");
        }
        assertTrue(frame.append(wire, wire.length - 1, 1));
        assertEquals(RECORDS, frame.records());
    }

    @Test
    void anEmptyListIsTheHelloLineAndTheBlankLine() throws IOException {
        byte[] wire = JoinProtocol.encode(List.of());
        assertEquals(JoinProtocol.HELLO + "\n\n", new String(wire, StandardCharsets.UTF_8));
        JoinFrame frame = new JoinFrame();
        assertTrue(frame.append(wire, 0, wire.length));
        assertEquals(List.of(), frame.records());
    }

    @Test
    void somethingElseIsRefusedAtItsFirstWrongByte() {
        byte[] junk = "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
        IOException e = assertThrows(IOException.class, () -> new JoinFrame().append(junk, 0, 1));
        assertTrue(e.getMessage().contains(JoinProtocol.HELLO), e.getMessage());
    }

    @Test
    void anOversizedMessageIsRefusedWithoutHoldingMoreThanTheBound() throws IOException {
        byte[] hello = (JoinProtocol.HELLO + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        JoinFrame frame = new JoinFrame();
        assertFalse(frame.append(hello, 0, hello.length));
        int sent = hello.length;
        IOException refused = null;
        while (refused == null && sent < 4 * JoinProtocol.MAX_MESSAGE_BYTES) {
            try {
                frame.append(chunk, 0, chunk.length);
                sent += chunk.length;
            } catch (IOException e) {
                refused = e;
            }
        }
        assertTrue(refused != null && refused.getMessage().contains("longer than"), String.valueOf(refused));
        assertTrue(sent <= JoinProtocol.MAX_MESSAGE_BYTES, sent + " bytes taken");
    }

    @Test
    void asTheListenersFrameItHoldsNoMoreThanTheBound() throws IOException {
        JoinFrame frame = new JoinFrame();
        byte[] wire = JoinProtocol.encode(RECORDS);
        frame.room().put(wire, 0, 10);
        assertFalse(frame.received());
        frame.room().put(wire, 10, wire.length - 10);
        assertTrue(frame.received());
        assertEquals(RECORDS, frame.records());

        JoinFrame endless = new JoinFrame();
        byte[] hello = (JoinProtocol.HELLO + "\n").getBytes(StandardCharsets.UTF_8);
        endless.room().put(hello);
        assertFalse(endless.received());
        int held = hello.length;
        IOException refused = null;
        while (refused == null && held < 4 * JoinProtocol.MAX_MESSAGE_BYTES) {
            ByteBuffer room = endless.room();
            assertTrue(room.hasRemaining(), "no room after " + held + " bytes");
            held += room.remaining();
            room.put(new byte[room.remaining()]);
            try {
                endless.received();
            } catch (IOException e) {
                refused = e;
            }
        }
        assertTrue(refused != null && refused.getMessage().contains("longer than"), String.valueOf(refused));
        assertEquals(JoinProtocol.MAX_MESSAGE_BYTES, held);
    }

    @Test
    void aMalformedRecordIsAnIoError() throws IOException {
        byte[] wire = (JoinProtocol.HELLO + "\nnot a record\n\n").getBytes(StandardCharsets.UTF_8);
        JoinFrame frame = new JoinFrame();
        assertTrue(frame.append(wire, 0, wire.length));
        assertThrows(IOException.class, frame::records);
    }
}
