package io.cairn.raft.internal.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBatchCarriesItsCommandsInOrderAndIsToldApartFromASingleCommand() {
        byte[] single = Envelope.command("kv", bytes("a=1"));
        byte[] batch = Envelope.batch(List.of(single, Envelope.command("catalog", new byte[0])));
        assertFalse(Envelope.isBatch(ByteBuffer.wrap(single)));
        assertTrue(Envelope.isBatch(ByteBuffer.wrap(batch)));

        List<Envelope.Element> elements = Envelope.parseBatch(ByteBuffer.wrap(batch));
        assertEquals(List.of("kv", "catalog"), elements.stream().map(e -> e.command().type()).toList());
        assertArrayEquals(bytes("a=1"), elements.get(0).command().payload());
        assertEquals(0, elements.get(1).command().payload().length);
        assertNull(elements.get(0).rejection());
    }

    @Test
    void aRefusedCommandIsReplacedByItsRefusalWhichFailsOnlyItsOwnReply() {
        byte[] batch = Envelope.batch(List.of(Envelope.command("kv", bytes("a=1")),
                Envelope.command("kv", bytes(""))));
        List<Envelope.Element> elements = Envelope.parseBatch(ByteBuffer.wrap(batch));
        byte[] checked = Envelope.batchOf(List.of(elements.get(0), Envelope.Element.rejected("empty key")));
        List<Envelope.Element> reparsed = Envelope.parseBatch(ByteBuffer.wrap(checked));
        assertEquals("kv", reparsed.get(0).command().type());
        assertNull(reparsed.get(1).command());
        assertEquals("empty key", reparsed.get(1).rejection());

        byte[] replies = Envelope.batchReply(List.of(Envelope.ok(bytes("ok")), Envelope.rejected("empty key"),
                Envelope.failed("boom")));
        List<byte[]> parsed = Envelope.parseBatchReply(ByteBuffer.wrap(replies));
        assertArrayEquals(bytes("ok"), Envelope.parseReply(parsed.get(0)));
        IllegalStateException rejected = assertThrows(IllegalStateException.class,
                () -> Envelope.parseReply(parsed.get(1)));
        assertEquals(CairnStateMachine.REJECTED_MARK + "empty key", rejected.getMessage());
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> Envelope.parseReply(parsed.get(2)));
        assertTrue(failed.getMessage().endsWith("boom"), failed.getMessage());
    }
}
