package io.cairn.replicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MirrorTest {
    private static final ReplicationSettings SETTINGS = new ReplicationSettings(
            List.of(ReplicatedPrefix.parse("global@dc1")), List.of("global/private/"),
            ReplicationSettings.DEFAULT_LOCK, ReplicationStatus.DEFAULT_DIR);

    private static KvEntry entry(String key, String value, long flags, long index) {
        return new KvEntry(key, flags, value.getBytes(StandardCharsets.UTF_8), index);
    }

    private static Mirror mirror(String prefix) {
        return new Mirror(ReplicatedPrefix.parse(prefix), SETTINGS.excludes(), SETTINGS::isReserved);
    }

    private static List<String> keys(Mirror.Changes changes) {
        return changes.puts().stream().map(KvEntry::key).toList();
    }

    @Test
    void writesOnlyWhatChangedSinceTheLastReplicatedIndexAndDeletesWhatTheSourceLost() {
        Mirror.Changes changes = mirror("global@dc1").plan(List.of(entry("global/a", "1", 0, 5),
                entry("global/b", "2", 7, 12), entry("global/c", "3", 0, 10)), 10,
                List.of("global/a", "global/b", "global/c", "global/gone"));

        assertEquals(List.of("global/b"), keys(changes));
        assertEquals(7, changes.puts().get(0).flags());
        assertEquals(List.of("global/gone"), changes.deletes());
    }

    @Test
    void mapsKeysOntoTheDestinationPrefix() {
        Mirror.Changes changes = mirror("global@dc1:backup").plan(List.of(entry("global/a", "1", 3, 5)), 0,
                List.of("backup/a", "backup/old"));

        assertEquals(List.of("backup/a"), keys(changes));
        assertEquals(3, changes.puts().get(0).flags());
        assertEquals("1", new String(changes.puts().get(0).value(), StandardCharsets.UTF_8));
        assertEquals(List.of("backup/old"), changes.deletes());
    }

    @Test
    void leavesExcludedKeysAloneOnBothSides() {
        Mirror.Changes changes = mirror("global@dc1").plan(List.of(entry("global/private/key", "s", 0, 9),
                entry("global/public", "p", 0, 9)), 0, List.of("global/private/local-only"));

        assertEquals(List.of("global/public"), keys(changes));
        assertEquals(List.of(), changes.deletes());
    }

    @Test
    void neverTouchesTheReplicatorsOwnKeys() {
        Mirror.Changes changes = mirror("service@dc1").plan(List.of(entry("service/consul-replicate/leader", "",
                0, 4), entry("service/web", "w", 0, 4)), 0, List.of("service/consul-replicate/statuses/abc",
                "service/consul-replicate/leader", "service/stale"));

        assertEquals(List.of("service/web"), keys(changes));
        assertEquals(List.of("service/stale"), changes.deletes());
    }

    @Test
    void nothingToDoWhenTheDestinationIsCurrent() {
        assertTrue(mirror("global@dc1").plan(List.of(entry("global/a", "1", 0, 5)), 5, List.of("global/a"))
                .isEmpty());
    }
}
