package io.cairn.replicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplicationStatusTest {

    @Test
    void isKeptWhereConsulReplicateKeepsIt() {
        // consul-replicate names the status after the MD5 of "<source>-<destination>"
        assertEquals("service/consul-replicate/statuses/5d0b13a28633b7bf20368baf09819802",
                ReplicationStatus.key("service/consul-replicate/statuses/", ReplicatedPrefix.parse("global@dc1")));
        assertEquals("service/consul-replicate/statuses/b1fdb178ff4ad54ff5fbdc893919badd",
                ReplicationStatus.key(ReplicationStatus.DEFAULT_DIR, ReplicatedPrefix.parse("global@dc1:backup")));
    }

    @Test
    void isWrittenAsGoIndentsItAndReadBack() throws IOException {
        ReplicationStatus status = new ReplicationStatus(-2, "global", "a\"b");

        assertEquals("{\n  \"LastReplicated\": 18446744073709551614,\n  \"Source\": \"global\",\n"
                + "  \"Destination\": \"a\\\"b\"\n}", new String(status.json(), StandardCharsets.UTF_8));
        assertEquals(status, ReplicationStatus.parse(status.json()));
    }

    @Test
    void readsWhatConsulReplicateWrote() throws IOException {
        assertEquals(new ReplicationStatus(42, "global", "default"), ReplicationStatus.parse(
                "{\"LastReplicated\":42,\"Source\":\"global\",\"Destination\":\"default\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(new ReplicationStatus(0, "", ""), ReplicationStatus.parse("{}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> ReplicationStatus.parse("[1]".getBytes(StandardCharsets.UTF_8)));
    }
}
