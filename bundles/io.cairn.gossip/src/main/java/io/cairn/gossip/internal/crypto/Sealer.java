package io.cairn.gossip.internal.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens gossip messages with AES-256-GCM and a {@link GossipKeyring}. A sealed message is the
 * {@link #VERSION} byte, a 12-byte random nonce, then the ciphertext with its 16-byte tag; the version byte and the
 * {@link Purpose} are authenticated with it, so a datagram cannot be replayed as a stream reply, nor the other way
 * round. Sealing uses the primary key; opening tries the primary, then every other installed key. Thread-safe.
 */
public final class Sealer {

    /** The format of a sealed message. */
    public static final byte VERSION = 1;
    /** What sealing adds to a message: version, nonce and tag. */
    public static final int OVERHEAD = 1 + 12 + 16;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";

    /** What a message is for; part of what is authenticated. */
    public enum Purpose {
        DATAGRAM("datagram"),
        STREAM_REQUEST("stream request"),
        STREAM_REPLY("stream reply");

        private final byte[] associatedData;

        Purpose(String label) {
            byte[] text = label.getBytes(StandardCharsets.US_ASCII);
            associatedData = ByteBuffer.allocate(1 + text.length).put(VERSION).put(text).array();
        }
    }

    private final GossipKeyring keyring;
    private final SecureRandom random = new SecureRandom();

    public Sealer(GossipKeyring keyring) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
    }

    /** {@code message} sealed with the primary key, {@link #OVERHEAD} bytes longer. */
    public byte[] seal(byte[] message, Purpose purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, keyring.secretKeys().get(0), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.associatedData);
            ByteBuffer sealed = ByteBuffer.allocate(OVERHEAD + message.length);
            sealed.put(VERSION).put(nonce);
            cipher.doFinal(ByteBuffer.wrap(message), sealed);
            return sealed.array();
        } catch (GeneralSecurityException e) {
            // AES-GCM is in every Java runtime, and a 32-byte key always fits it
            throw new IllegalStateException("AES-GCM is not usable in this Java runtime", e);
        }
    }

    /**
     * The message {@code sealed} holds.
     *
     * @throws GossipDecryptionException if it is not a sealed message of this version, or no installed key opens
     *                                   it (a different key, a different purpose, or tampered bytes)
     */
    public byte[] open(byte[] sealed, Purpose purpose) throws GossipDecryptionException {
        if (sealed.length < OVERHEAD) {
            throw new GossipDecryptionException("a sealed message is at least " + OVERHEAD + " bytes, this one is "
                    + sealed.length);
        }
        if (sealed[0] != VERSION) {
            throw new GossipDecryptionException("unsupported encryption version " + (sealed[0] & 0xff));
        }
        GCMParameterSpec nonce = new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES);
        List<SecretKey> keys = keyring.secretKeys();
        for (SecretKey key : keys) {
            try {
                Cipher cipher = Cipher.getInstance(CIPHER);
                cipher.init(Cipher.DECRYPT_MODE, key, nonce);
                cipher.updateAAD(purpose.associatedData);
                return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            } catch (AEADBadTagException notThisKey) {
                // try the next key
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not usable in this Java runtime", e);
            }
        }
        throw new GossipDecryptionException("none of the " + keys.size() + " installed keys decrypts the message");
    }
}
