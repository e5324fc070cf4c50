package io.cairn.operator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.cairn.raft.testing.FakeRaft;

class AutopilotConfigCommandTest {

    private final FakeRaft raft = new FakeRaft().handle(AutopilotConfigCommand.TYPE, new AutopilotConfigCommand());

    private String set(AutopilotConfig config, OptionalLong cas) {
        return new String(raft.submit(AutopilotConfigCommand.TYPE, AutopilotConfigCommand.payload(config, cas))
                .toCompletableFuture().join().result(), StandardCharsets.US_ASCII);
    }

    @Test
    void consulsDefaultsUntilSetThenTheStoredRecordWithItsIndexes() {
        AutopilotConfigCommand.Stored initial = AutopilotConfigCommand.read(raft.state());
        assertEquals(new AutopilotConfigCommand.Stored(AutopilotConfig.DEFAULTS, 0, 0), initial);

        AutopilotConfig changed = new AutopilotConfig(false, Duration.ofSeconds(1), 500, 3, Duration.ofSeconds(30),
                "zone", true, "upgrade");
        assertEquals("true", set(changed, OptionalLong.empty()));
        AutopilotConfigCommand.Stored stored = AutopilotConfigCommand.read(raft.state());
        assertEquals(changed, stored.config());
        assertEquals(stored.createIndex(), stored.modifyIndex());
    }

    @Test
    void checkAndSetWritesOnlyOverTheIndexGiven() {
        assertEquals("false", set(AutopilotConfig.DEFAULTS, OptionalLong.of(5)));
        assertEquals("true", set(AutopilotConfig.DEFAULTS, OptionalLong.of(0)), "0: nothing stored yet");
        long index = AutopilotConfigCommand.read(raft.state()).modifyIndex();
        AutopilotConfig off = new AutopilotConfig(false, Duration.ofMillis(200), 250, 0, Duration.ofSeconds(10),
                "", false, "");
        assertEquals("false", set(off, OptionalLong.of(index + 1)));
        assertEquals(AutopilotConfig.DEFAULTS, AutopilotConfigCommand.read(raft.state()).config());
        assertEquals("true", set(off, OptionalLong.of(index)));
        assertEquals(off, AutopilotConfigCommand.read(raft.state()).config());
    }

    @Test
    void readsConsulsJsonWithZeroValuesForMissingFieldsAndNanosecondNumbers() {
        AutopilotConfig parsed = AutopilotConfig.parse(("{\"CleanupDeadServers\":true,"
                + "\"LastContactThreshold\":\"1.5s\",\"ServerStabilizationTime\":2000000,\"CreateIndex\":9}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(new AutopilotConfig(true, Duration.ofMillis(1500), 0, 0, Duration.ofMillis(2), "", false, ""),
                parsed);
        assertEquals(AutopilotConfig.DEFAULTS, AutopilotConfig.parse(AutopilotConfig.DEFAULTS.encode()));
        assertEquals("{CleanupDeadServers=true, LastContactThreshold=200ms, MaxTrailingLogs=250, MinQuorum=0, "
                + "ServerStabilizationTime=10s, RedundancyZoneTag=, DisableUpgradeMigration=false, "
                + "UpgradeVersionTag=, CreateIndex=4, ModifyIndex=7}",
                AutopilotConfig.DEFAULTS.toJson(true, 4, 7).toString());
        assertThrows(IllegalArgumentException.class, () -> AutopilotConfig.parse(
                "{\"MaxTrailingLogs\":\"many\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> AutopilotConfig.parse(
                "{\"LastContactThreshold\":\"soon\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> AutopilotConfig.parse(
                "[1]".getBytes(StandardCharsets.UTF_8)));
    }
}
