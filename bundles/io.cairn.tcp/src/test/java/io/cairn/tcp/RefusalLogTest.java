package io.cairn.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RefusalLogTest {

    private final RecordingLogger log = new RecordingLogger();
    private final AtomicLong now = new AtomicLong(42);
    private final RefusalLog refusals = new RefusalLog(log.logger, "test listener", now::get);

    @Test
    void everyRefusalIsADebugLineAndAtMostOneAMinuteAWarningThatCountsThem() {
        refusals.refused("peer-1", "too slow");
        for (int i = 2; i <= 5; i++) {
            now.addAndGet(TimeUnit.SECONDS.toNanos(10));
            refusals.refused("peer-" + i, "too slow");
        }
        assertEquals(5, log.find("debug", "The test listener dropped a connection from peer-").size(), log.toString());
        assertEquals(1, log.find("warn", "").size(), log.toString());
        assertTrue(log.find("warn", "").get(0).text().contains("dropped 1 connection(s)"), log.toString());

        now.addAndGet(TimeUnit.SECONDS.toNanos(20)); // a minute after the first warning
        refusals.refused("peer-6", "too slow");
        assertEquals(2, log.find("warn", "").size(), log.toString());
        String second = log.find("warn", "").get(1).text();
        assertTrue(second.contains("dropped 5 connection(s)") && second.contains("peer-6: too slow"), second);
    }

    @Test
    void aLongReasonIsShortened() {
        refusals.refused("peer", "x".repeat(5000));
        String warning = log.find("warn", "").get(0).text();
        assertTrue(warning.endsWith("x".repeat(200) + "..."), warning);
        assertTrue(warning.length() < 500, warning);
    }
}
