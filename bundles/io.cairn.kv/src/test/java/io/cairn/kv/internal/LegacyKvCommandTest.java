package io.cairn.kv.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import io.cairn.kv.api.KvEntry;
import io.cairn.kv.api.KvOperation;
import io.cairn.kv.api.KvOperation.Verb;
import io.cairn.raft.testing.InMemoryState;
import io.cairn.session.api.Sessions;

import org.junit.jupiter.api.Test;

/**
 * Format-1 entries, as the release before {@link KvOperation} became the only command wrote them, still replay.
 * The payloads and the state they led to were captured from that release's encoder and handler.
 */
class LegacyKvCommandTest {

    /** A log as the previous release wrote it, one entry per line, with the answer its handler gave. */
    private static final String[][] LOG = {
        {"0101000000056170702f61000000000000002a0000000131", "01"},                  // set app/a=1 flags 42
        {"0101000000056170702f62ffffffffffffffff0000000568656c6c6f", "01"},          // set app/b=hello flags 2^64-1
        {"0102000000056170702f63000000000000000700000000000000000000000178", "01"},  // cas app/c=x flags 7 index 0
        {"0102000000056170702f63000000000000000000000000000000000000000179", "00"},  // cas app/c=y index 0: exists
        {"0102000000056170702f61000000000000000000000000000000010000000132", "01"},  // cas app/a=2 index 1
        {"0101000000056170702f6100000000000000000000000132", "01"},                  // set app/a=2 again: no-op
        {"0103000000056170702f62", "01"},                                            // delete app/b
        {"0104000000056170702f630000000000000009", "00"},                            // delete-cas app/c index 9
        {"0104000000056170702f630000000000000003", "01"},                            // delete-cas app/c index 3
        {"010400000004676f6e650000000000000005", "01"},                              // delete-cas gone: absent
        {"010100000006747265652f3100000000000000000000000200ff", "01"},              // set tree/1=00ff
        {"010100000006747265652f32000000000000000000000000", "01"},                  // set tree/2, empty value
        {"01010000000774726565746f7000000000000000000000000174", "01"},              // set treetop=t
        {"010500000005747265652f", "01"},                                            // delete-tree tree/
        {"010100000007c3a92ff09f9880000000000000000100000000", "01"},                // set é/😀 flags 1
        {"0103000000056e65766572", "01"},                                            // delete never: absent
    };

    private final InMemoryState state = new InMemoryState();
    private final KvCommandHandler handler = new KvCommandHandler(new LockDelays());

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static void assertOperation(KvOperation expected, KvOperation actual) {
        assertEquals(expected.verb(), actual.verb());
        assertEquals(expected.key(), actual.key());
        assertArrayEquals(expected.value(), actual.value());
        assertEquals(expected.flags(), actual.flags());
        assertEquals(expected.index(), actual.index());
        assertEquals(expected.session(), actual.session());
    }

    @Test
    void eachEntryDecodesIntoTheEquivalentOperation() {
        assertOperation(new KvOperation(Verb.SET, "app/b", "hello".getBytes(UTF_8), -1L, 0, ""),
                LegacyKvCommand.decode(hex(LOG[1][0])));
        assertOperation(new KvOperation(Verb.CAS, "app/c", "x".getBytes(UTF_8), 7, 0, ""),
                LegacyKvCommand.decode(hex(LOG[2][0])));
        assertOperation(new KvOperation(Verb.DELETE, "app/b", null, 0, 0, ""), LegacyKvCommand.decode(hex(LOG[6][0])));
        assertOperation(new KvOperation(Verb.DELETE_CAS, "app/c", null, 0, 9, ""),
                LegacyKvCommand.decode(hex(LOG[7][0])));
        assertOperation(new KvOperation(Verb.DELETE_TREE, "tree/", null, 0, 0, ""),
                LegacyKvCommand.decode(hex(LOG[13][0])));
        assertOperation(new KvOperation(Verb.SET, "\u00e9/\ud83d\ude00", null, 1, 0, ""),
                LegacyKvCommand.decode(hex(LOG[14][0])));
    }

    @Test
    void aLogWrittenByThePreviousReleaseReplaysToTheSameStateAndAnswers() {
        for (String[] entry : LOG) {
            assertEquals(entry[1], HexFormat.of().formatHex(state.applyCommand(handler, hex(entry[0]))), entry[0]);
        }
        List<String> stored = new ArrayList<>();
        for (KvEntry e : KvReads.list(state, "")) {
            stored.add(e.key() + " " + HexFormat.of().formatHex(e.value()) + " flags=" + e.flags() + " lock="
                    + e.lockIndex() + "/" + e.session() + " create=" + e.createIndex() + " modify=" + e.modifyIndex());
        }
        assertEquals(List.of(
                "app/a 32 flags=0 lock=0/ create=1 modify=5",
                "treetop 74 flags=0 lock=0/ create=13 modify=13",
                "\u00e9/\ud83d\ude00  flags=1 lock=0/ create=15 modify=15"), stored);
        assertEquals(15, state.index(KvStateMachine.TABLE, ""));
        assertEquals(9, state.index(KvStateMachine.TABLE, "app/"), "the tombstones of app/b and app/c");
        assertEquals(14, state.index(KvStateMachine.TABLE, "tree/"));
        assertEquals(0, state.index(KvStateMachine.TABLE, "never"), "deleting an absent key leaves no tombstone");
    }

    @Test
    void aPlainSetFromTheOldLogKeepsALockTakenSince() {
        state.next().put(Sessions.TABLE, "s1", new byte[0]);
        state.applyCommand(handler, new KvOperation(Verb.LOCK, "app/a", null, 0, 0, "s1").encode());
        state.applyCommand(handler, hex(LOG[0][0]));
        KvEntry a = KvReads.get(state, "app/a").orElseThrow();
        assertEquals("s1", a.session());
        assertEquals(1, a.lockIndex());
        assertEquals(42, a.flags());
    }

    @Test
    void theLeaderHoldsOldEntriesToTheSameRules() {
        assertEquals("Missing key name", assertThrows(IllegalArgumentException.class,
                () -> handler.validate(hex("010300000000"))).getMessage());
        handler.validate(hex(LOG[13][0]));
    }

    @Test
    void refusesOtherFormatsTruncationTrailingBytesAndUnknownCodes() {
        byte[] set = hex(LOG[0][0]);
        assertThrows(IllegalArgumentException.class, () -> LegacyKvCommand.decode(Arrays.copyOf(set, set.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> LegacyKvCommand.decode(Arrays.copyOf(set, set.length + 1)));
        assertThrows(IllegalArgumentException.class, () -> LegacyKvCommand.decode(hex("0163")));
        assertThrows(IllegalArgumentException.class, () -> LegacyKvCommand.decode(new byte[0]));
        byte[] otherFormat = set.clone();
        otherFormat[0] = 3;
        assertThrows(IllegalArgumentException.class, () -> LegacyKvCommand.decode(otherFormat));
        assertThrows(IllegalArgumentException.class, () -> handler.apply(otherFormat, state.next()));
        assertThrows(IllegalArgumentException.class, () -> handler.apply(new byte[] {7}, state.next()));
    }
}
