package io.cairn.gossip.internal.crypto;

import static io.cairn.gossip.internal.crypto.Keys.keyring;
import static io.cairn.gossip.internal.crypto.Keys.text;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.cairn.gossip.internal.crypto.Sealer.Purpose;

class SealerTest {

    private static final byte[] MESSAGE = "alive node-1 incarnation 3".getBytes(UTF_8);

    @Test
    void opensWhatItSealed() throws GossipDecryptionException {
        Sealer sealer = new Sealer(keyring(1));
        byte[] sealed = sealer.seal(MESSAGE, Purpose.DATAGRAM);
        assertEquals(MESSAGE.length + 29, sealed.length);
        assertEquals(Sealer.VERSION, sealed[0]);
        assertFalse(new String(sealed, UTF_8).contains("alive"));
        assertArrayEquals(MESSAGE, sealer.open(sealed, Purpose.DATAGRAM));
        assertArrayEquals(new byte[0], sealer.open(sealer.seal(new byte[0], Purpose.STREAM_REPLY), Purpose.STREAM_REPLY));
    }

    @Test
    void eachSealUsesAFreshNonce() {
        Sealer sealer = new Sealer(keyring(1));
        assertFalse(Arrays.equals(sealer.seal(MESSAGE, Purpose.DATAGRAM), sealer.seal(MESSAGE, Purpose.DATAGRAM)));
    }

    @Test
    void anyChangedByteIsDetected() {
        Sealer sealer = new Sealer(keyring(1));
        byte[] sealed = sealer.seal(MESSAGE, Purpose.DATAGRAM);
        for (int i = 1; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            GossipDecryptionException e = assertThrows(GossipDecryptionException.class,
                    () -> sealer.open(tampered, Purpose.DATAGRAM), "byte " + i);
            assertEquals("none of the 1 installed keys decrypts the message", e.getMessage());
        }
        byte[] otherVersion = sealed.clone();
        otherVersion[0] = 2;
        assertEquals("unsupported encryption version 2", assertThrows(GossipDecryptionException.class,
                () -> sealer.open(otherVersion, Purpose.DATAGRAM)).getMessage());
        assertEquals("a sealed message is at least 29 bytes, this one is 28", assertThrows(
                GossipDecryptionException.class, () -> sealer.open(new byte[28], Purpose.DATAGRAM)).getMessage());
    }

    @Test
    void aDifferentKeyCannotOpen() {
        byte[] sealed = new Sealer(keyring(1)).seal(MESSAGE, Purpose.DATAGRAM);
        assertThrows(GossipDecryptionException.class, () -> new Sealer(keyring(2, 3)).open(sealed, Purpose.DATAGRAM));
    }

    @Test
    void aMessageSealedForOnePurposeDoesNotOpenForAnother() {
        Sealer sealer = new Sealer(keyring(1));
        byte[] request = sealer.seal(MESSAGE, Purpose.STREAM_REQUEST);
        assertThrows(GossipDecryptionException.class, () -> sealer.open(request, Purpose.STREAM_REPLY));
        assertThrows(GossipDecryptionException.class, () -> sealer.open(request, Purpose.DATAGRAM));
    }

    @Test
    void aKeyIsRotatedWithoutAMomentWhenAgentsCannotTalk() throws IOException {
        GossipKeyring atA = keyring(1);
        GossipKeyring atB = keyring(1);
        Sealer a = new Sealer(atA);
        Sealer b = new Sealer(atB);

        atA.install(text(2));
        atB.install(text(2));
        atA.use(text(2));
        // A seals with the new key, B still with the old: each opens the other's
        assertArrayEquals(MESSAGE, b.open(a.seal(MESSAGE, Purpose.DATAGRAM), Purpose.DATAGRAM));
        assertArrayEquals(MESSAGE, a.open(b.seal(MESSAGE, Purpose.DATAGRAM), Purpose.DATAGRAM));

        atB.use(text(2));
        atA.remove(text(1));
        atB.remove(text(1));
        assertArrayEquals(MESSAGE, a.open(b.seal(MESSAGE, Purpose.DATAGRAM), Purpose.DATAGRAM));
        byte[] sealedWithOldKey = new Sealer(keyring(1)).seal(MESSAGE, Purpose.DATAGRAM);
        assertThrows(GossipDecryptionException.class, () -> a.open(sealedWithOldKey, Purpose.DATAGRAM));
    }

    @Test
    void aRemovedKeyNoLongerOpens() throws IOException {
        GossipKeyring keyring = keyring(1, 2);
        Sealer sealer = new Sealer(keyring);
        byte[] sealedWithTwo = new Sealer(keyring(2)).seal(MESSAGE, Purpose.DATAGRAM);
        assertArrayEquals(MESSAGE, sealer.open(sealedWithTwo, Purpose.DATAGRAM));
        keyring.remove(text(2));
        assertThrows(GossipDecryptionException.class, () -> sealer.open(sealedWithTwo, Purpose.DATAGRAM));
    }
}
