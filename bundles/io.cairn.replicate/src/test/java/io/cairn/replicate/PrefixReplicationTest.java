package io.cairn.replicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PrefixReplicationTest {
    private static final ReplicatedPrefix GLOBAL = ReplicatedPrefix.parse("global@dc1");
    private static final ReplicationSettings SETTINGS = new ReplicationSettings(List.of(GLOBAL), List.of(),
            ReplicationSettings.DEFAULT_LOCK, ReplicationStatus.DEFAULT_DIR);
    private static final String STATUS_KEY = ReplicationStatus.key(ReplicationStatus.DEFAULT_DIR, GLOBAL);

    /**
     * The destination's KV store, recording the writes. Mirroring a prefix touches only the destination's keys; the
     * source reads, sessions and locks belong to the replicator around it, so calling them here fails the test.
     */
    private static final class Destination implements ReplicaApi {
        final Map<String, byte[]> kv = new TreeMap<>();
        final List<String> writes = new ArrayList<>();

        @Override
        public List<String> keys(String prefix) {
            return kv.keySet().stream().filter(key -> key.startsWith(prefix)).toList();
        }

        @Override
        public Optional<byte[]> get(String key) {
            return Optional.ofNullable(kv.get(key));
        }

        @Override
        public void put(String key, byte[] value, long flags) {
            kv.put(key, value);
            writes.add("put " + key);
        }

        @Override
        public void delete(String key) {
            kv.remove(key);
            writes.add("delete " + key);
        }

        @Override
        public String localDatacenter() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Listing list(String prefix, String datacenter, long index) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String createSession(String name, String ttl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean renewSession(String session) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void destroySession(String session) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean acquire(String key, String session, long flags) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release(String key, String session) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LockState lockState(String key, long index) {
            throw new UnsupportedOperationException();
        }
    }

    private static final ReplicateLog QUIET = new ReplicateLog() {
        @Override
        public void debug(String message) {}

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void error(String message) {}
    };

    private static KvEntry entry(String key, long index) {
        return new KvEntry(key, 0, key.getBytes(StandardCharsets.UTF_8), index);
    }

    @Test
    void copiesEverythingFirstThenOnlyChangesAndCheckpointsTheStatus() throws Exception {
        Destination destination = new Destination();
        PrefixReplication replication = new PrefixReplication(GLOBAL, SETTINGS, destination, QUIET);

        replication.apply(new Listing(10, List.of(entry("global/a", 5), entry("global/b", 10))));
        replication.apply(new Listing(12, List.of(entry("global/a", 5), entry("global/b", 12))));
        replication.apply(new Listing(13, List.of(entry("global/b", 12))));

        assertEquals(List.of("put global/a", "put global/b", "put " + STATUS_KEY, "put global/b", "put " + STATUS_KEY,
                "delete global/a", "put " + STATUS_KEY), destination.writes);
        assertEquals(new ReplicationStatus(13, "global", "global"),
                ReplicationStatus.parse(destination.kv.get(STATUS_KEY)));
    }

    @Test
    void aNewReplicatorResumesFromTheStoredStatus() throws Exception {
        Destination destination = new Destination();
        new PrefixReplication(GLOBAL, SETTINGS, destination, QUIET)
                .apply(new Listing(10, List.of(entry("global/a", 5), entry("global/b", 10))));
        destination.writes.clear();

        new PrefixReplication(GLOBAL, SETTINGS, destination, QUIET)
                .apply(new Listing(11, List.of(entry("global/a", 5), entry("global/b", 10), entry("global/c", 11))));

        assertEquals(List.of("put global/c", "put " + STATUS_KEY), destination.writes);
    }

    @Test
    void aSourceWhoseIndexWentBackIsCopiedWhole() throws Exception {
        Destination destination = new Destination();
        destination.kv.put(STATUS_KEY, new ReplicationStatus(100, "global", "global").json());

        new PrefixReplication(GLOBAL, SETTINGS, destination, QUIET).apply(new Listing(7, List.of(entry("global/a", 5))));

        assertEquals(List.of("put global/a", "put " + STATUS_KEY), destination.writes);
    }

    @Test
    void anUnchangedListingWritesNothing() throws IOException, InterruptedException {
        Destination destination = new Destination();
        PrefixReplication replication = new PrefixReplication(GLOBAL, SETTINGS, destination, QUIET);
        replication.apply(new Listing(10, List.of(entry("global/a", 5))));
        destination.writes.clear();

        replication.apply(new Listing(10, List.of(entry("global/a", 5))));

        assertEquals(List.of(), destination.writes);
    }
}
