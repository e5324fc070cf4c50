package io.cairn.kv.internal;

import io.cairn.raft.testing.InMemoryState;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class KvReadsTest {

    private final InMemoryState state = new InMemoryState();
    private long index;

    private void set(String key) {
        ++index;
        KvOps.apply(KvOps.set(key, (key + index).getBytes(UTF_8), 0), state.at(index));
    }

    private void delete(String key) {
        KvOps.apply(KvOps.delete(key), state.at(++index));
    }

    @Test
    void keysCutAfterTheFirstSeparatorBelowThePrefix() {
        for (String key : List.of("web/bar", "web/foo/a", "web/subdir/1", "web/subdir/2/x", "webby", "x/y")) {
            set(key);
        }
        assertEquals(List.of("web/bar", "web/foo/", "web/subdir/"), KvReads.keys(state, "web/", "/"));
        assertEquals(List.of("web/", "webby", "x/"), KvReads.keys(state, "", "/"));
        assertEquals(List.of("web/bar", "web/foo/a", "web/subdir/1", "web/subdir/2/x", "webby"),
                KvReads.keys(state, "web", ""));
        assertEquals(List.of(), KvReads.keys(state, "nothing/", "/"));
    }

    @Test
    void separatorMayBeLongerThanOneCharacter() {
        set("a::b::c");
        set("a::d");
        assertEquals(List.of("a::"), KvReads.keys(state, "", "::"));
        assertEquals(List.of("a::b::", "a::d"), KvReads.keys(state, "a::", "::"));
    }

    @Test
    void keyIndexIsTheKeysModifyIndexElseTheTables() {
        set("a");
        set("b");
        set("a");
        assertEquals(new KvReads.ReadIndex(3, false), KvReads.keyIndex(state, "a"));
        assertEquals(new KvReads.ReadIndex(2, false), KvReads.keyIndex(state, "b"));
        delete("b");
        assertEquals(new KvReads.ReadIndex(4, true), KvReads.keyIndex(state, "missing"));
        assertEquals(new KvReads.ReadIndex(4, true), KvReads.keyIndex(state, "b"));
    }

    @Test
    void prefixIndexCountsDeletionsAndFallsBackToTheTable() {
        set("p/1");
        set("p/2");
        set("q");
        delete("p/2");
        assertEquals(new KvReads.ReadIndex(4, false), KvReads.prefixIndex(state, "p/"));
        assertEquals(new KvReads.ReadIndex(3, false), KvReads.prefixIndex(state, "q"));
        assertEquals(new KvReads.ReadIndex(4, true), KvReads.prefixIndex(state, "never/"));
        assertEquals(new KvReads.ReadIndex(4, true), KvReads.prefixIndex(state, ""));
    }

    @Test
    void listReturnsEntriesInKeyOrder() {
        set("b");
        set("a");
        set("c/d");
        assertEquals(List.of("a", "b"), KvReads.list(state, "").stream().map(e -> e.key()).limit(2).toList());
        assertEquals(List.of("c/d"), KvReads.list(state, "c").stream().map(e -> e.key()).toList());
    }
}
