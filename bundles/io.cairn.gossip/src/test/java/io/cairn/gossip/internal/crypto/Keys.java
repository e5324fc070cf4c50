package io.cairn.gossip.internal.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Distinct fixed test keys: key(n) is 32 bytes of n. */
final class Keys {

    private Keys() {
    }

    static byte[] key(int n) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) n);
        return key;
    }

    static String text(int n) {
        return Base64.getEncoder().encodeToString(key(n));
    }

    static GossipKeyring keyring(int... primaryFirst) {
        return GossipKeyring.inMemory(Arrays.stream(primaryFirst).mapToObj(Keys::key).toList());
    }

    static List<String> texts(int... primaryFirst) {
        return Arrays.stream(primaryFirst).mapToObj(Keys::text).toList();
    }
}
