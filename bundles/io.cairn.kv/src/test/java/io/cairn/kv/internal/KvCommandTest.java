package io.cairn.kv.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class KvCommandTest {

    private static KvCommand roundTrip(KvCommand command) {
        return KvCommand.decode(command.encode());
    }

    @Test
    void setKeepsKeyValueAndUnsignedFlags() {
        KvCommand back = roundTrip(KvCommand.set("a/é", "v".getBytes(UTF_8), -1L));
        assertEquals(KvCommand.Op.SET, back.op());
        assertEquals("a/é", back.key());
        assertArrayEquals("v".getBytes(UTF_8), back.value());
        assertEquals(-1L, back.flags());
    }

    @Test
    void casKeepsItsIndex() {
        KvCommand back = roundTrip(KvCommand.cas("k", new byte[] {0, 1, 2}, 7, 42));
        assertEquals(KvCommand.Op.CAS, back.op());
        assertEquals(42, back.index());
        assertEquals(7, back.flags());
        assertArrayEquals(new byte[] {0, 1, 2}, back.value());
    }

    @Test
    void deletesRoundTrip() {
        assertEquals(KvCommand.Op.DELETE, roundTrip(KvCommand.delete("k")).op());
        KvCommand cas = roundTrip(KvCommand.deleteCas("k", 9));
        assertEquals(KvCommand.Op.DELETE_CAS, cas.op());
        assertEquals(9, cas.index());
        KvCommand tree = roundTrip(KvCommand.deleteTree(""));
        assertEquals(KvCommand.Op.DELETE_TREE, tree.op());
        assertEquals("", tree.key());
    }

    @Test
    void encodingStartsWithItsVersionAndStaysCompact() {
        byte[] encoded = KvCommand.delete("key").encode();
        assertEquals(KvCommand.VERSION, encoded[0]);
        assertEquals(2 + 4 + 3, encoded.length);
    }

    @Test
    void nullValueIsEmpty() {
        assertEquals(0, roundTrip(KvCommand.set("k", null, 0)).value().length);
    }

    @Test
    void refusesOtherVersionsTruncationAndTrailingBytes() {
        byte[] encoded = KvCommand.set("k", "value".getBytes(UTF_8), 0).encode();
        byte[] otherVersion = encoded.clone();
        otherVersion[0] = 2;
        assertThrows(IllegalArgumentException.class, () -> KvCommand.decode(otherVersion));
        assertThrows(IllegalArgumentException.class,
                () -> KvCommand.decode(Arrays.copyOf(encoded, encoded.length - 1)));
        assertThrows(IllegalArgumentException.class,
                () -> KvCommand.decode(Arrays.copyOf(encoded, encoded.length + 1)));
        assertThrows(IllegalArgumentException.class, () -> KvCommand.decode(new byte[] {KvCommand.VERSION, 99}));
        assertThrows(IllegalArgumentException.class, () -> KvCommand.decode(new byte[0]));
    }
}
