package io.cairn.replicate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.replicate.ReplicatedPrefix;
import io.cairn.replicate.ReplicationSettings;
import io.cairn.replicate.ReplicationStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicateStanzaTest {
    @TempDir
    Path dir;

    @Test
    void readsTheStanzaWithConsulReplicatesDefaults() throws IOException {
        Files.writeString(dir.resolve("agent.json"), "{\"datacenter\": \"dc2\"}");
        Files.writeString(dir.resolve("replicate.json"), "{\"replicate\": {\"prefix\": [\"global@dc1\", "
                + "\"web@dc1:web-dc1\"], \"exclude\": \"global/private/\"}}");

        ReplicateStanza.Read read = ReplicateStanza.read(List.of(dir), List.of());

        assertEquals(List.of(), read.problems());
        assertEquals(Optional.of(new ReplicateStanza(new ReplicationSettings(List.of(new ReplicatedPrefix("global",
                "dc1", "global"), new ReplicatedPrefix("web", "dc1", "web-dc1")), List.of("global/private/"),
                ReplicationSettings.DEFAULT_LOCK, ReplicationStatus.DEFAULT_DIR), "")), read.stanza());
    }

    @Test
    void readsHclAndTheOptionalFields() throws IOException {
        Files.writeString(dir.resolve("replicate.hcl"), "replicate {\n  prefix = \"global@dc1\"\n"
                + "  lock = \"locks/replicate\"\n  status_dir = \"replication\"\n  token = \"secret\"\n}\n");

        ReplicateStanza stanza = ReplicateStanza.read(List.of(dir), List.of()).stanza().orElseThrow();

        assertEquals("locks/replicate", stanza.settings().lockKey());
        assertEquals("replication", stanza.settings().statusDir());
        assertEquals("secret", stanza.token());
    }

    @Test
    void noStanzaMeansNothingToRun() throws IOException {
        Files.writeString(dir.resolve("agent.json"), "{\"datacenter\": \"dc2\"}");

        assertEquals(Optional.empty(), ReplicateStanza.read(List.of(dir), List.of()).stanza());
    }

    @Test
    void reportsABrokenStanzaAndIgnoresIt() throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\"replicate\": {\"prefix\": \"global\"}}");
        Files.writeString(dir.resolve("b.json"), "{\"replicate\": {\"prefix\": \"global@dc1\", \"wait\": \"1s\"}}");

        ReplicateStanza.Read read = ReplicateStanza.read(List.of(dir), List.of());

        assertEquals(Optional.empty(), read.stanza());
        assertEquals(2, read.problems().size());
        assertTrue(read.problems().get(0).contains("source datacenter"), read.problems().get(0));
        assertTrue(read.problems().get(1).contains("unknown field \"wait\""), read.problems().get(1));
    }
}
