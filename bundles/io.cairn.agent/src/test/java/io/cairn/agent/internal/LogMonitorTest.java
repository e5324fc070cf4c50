package io.cairn.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The monitor's lines are hclog's, filtered by each client's level; a client that fell behind is told so. */
class LogMonitorTest {
    private static final Instant TIME = Instant.parse("2025-05-06T10:00:00.123Z");
    private final LogMonitor monitor = new LogMonitor(ZoneOffset.UTC);

    @Test
    void linesAreHclogsTextAndJson() {
        assertEquals("2025-05-06T10:00:00.123Z [INFO]  agent: Synced service: service=web\n",
                text(LogMonitor.line(false, TIME, ZoneOffset.UTC, LogMonitor.Level.INFO, "agent",
                        "Synced service: service=web")));
        assertEquals("2025-05-06T12:00:00.123+0200 [ERROR] agent: boom\n",
                text(LogMonitor.line(false, TIME, ZoneId.of("Europe/Paris"), LogMonitor.Level.ERROR, "agent",
                        "boom")));
        assertEquals("{\"@level\":\"warn\",\"@message\":\"say \\\"hi\\\"\",\"@module\":\"io.cairn.x\","
                + "\"@timestamp\":\"2025-05-06T10:00:00.123Z\"}\n",
                text(LogMonitor.line(true, TIME, ZoneOffset.UTC, LogMonitor.Level.WARN, "io.cairn.x", "say \"hi\"")));
    }

    @Test
    void levelsAreConsulsNames() {
        assertEquals(Optional.of(LogMonitor.Level.DEBUG), LogMonitor.Level.parse("debug"));
        assertEquals(Optional.of(LogMonitor.Level.WARN), LogMonitor.Level.parse("WARNING"));
        assertEquals(Optional.empty(), LogMonitor.Level.parse("loud"));
        assertEquals(LogMonitor.Level.ERROR, LogMonitor.Level.ofEvent("FATAL"));
    }

    @Test
    void eachClientGetsTheLinesAtItsLevelUntilItLeaves() {
        RecordingSink debug = new RecordingSink();
        RecordingSink error = new RecordingSink();
        monitor.subscribe(debug, LogMonitor.Level.DEBUG, false);
        monitor.subscribe(error, LogMonitor.Level.ERROR, true);
        monitor.append(TIME, LogMonitor.Level.TRACE, "a", "trace");
        monitor.append(TIME, LogMonitor.Level.DEBUG, "a", "debug");
        monitor.append(TIME, LogMonitor.Level.ERROR, "a", "error");
        assertEquals(2, debug.lines.size());
        assertEquals(1, error.lines.size());
        debug.close();
        monitor.append(TIME, LogMonitor.Level.ERROR, "a", "again");
        assertEquals(2, debug.lines.size());
        assertEquals(1, monitor.subscribers());
        monitor.close();
        assertEquals(0, monitor.subscribers());
    }

    @Test
    void aClientThatFellBehindIsToldHowManyLinesItMissed() {
        RecordingSink slow = new RecordingSink(1);
        monitor.subscribe(slow, LogMonitor.Level.INFO, false);
        monitor.append(TIME, LogMonitor.Level.INFO, "a", "one");
        monitor.append(TIME, LogMonitor.Level.INFO, "a", "two");
        monitor.append(TIME, LogMonitor.Level.INFO, "a", "three");
        slow.drain();
        monitor.append(TIME, LogMonitor.Level.INFO, "a", "four");
        assertEquals(List.of("2025-05-06T10:00:00.123Z [WARN]  agent: Monitor dropped 2 logs during monitor request\n"),
                slow.drain());
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }
}
