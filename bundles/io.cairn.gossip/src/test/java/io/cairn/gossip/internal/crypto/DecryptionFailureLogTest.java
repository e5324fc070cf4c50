package io.cairn.gossip.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class DecryptionFailureLogTest {

    private static final GossipDecryptionException NO_KEY =
            new GossipDecryptionException("none of the 1 installed keys decrypts the message");

    private final RecordingLogger log = new RecordingLogger();
    private long now = 1_000;
    private final DecryptionFailureLog failures = new DecryptionFailureLog(log.logger, () -> now);

    private static InetSocketAddress sender(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    private static String warning(int port, String more) {
        return "gossip from /127.0.0.1:" + port + " could not be decrypted with any installed key; is the encrypt key"
                + " the same on every agent?" + more;
    }

    @Test
    void warnsOnceAMinutePerSenderAndCountsTheRest() {
        failures.failed(sender(8301), NO_KEY);
        now += TimeUnit.SECONDS.toNanos(59);
        failures.failed(sender(8301), NO_KEY);
        failures.failed(sender(8301), NO_KEY);
        assertEquals(List.of(warning(8301, "")), log.at("warn"));

        now += TimeUnit.SECONDS.toNanos(1);
        failures.failed(sender(8301), NO_KEY);
        assertEquals(List.of(warning(8301, ""),
                warning(8301, " (2 more undecryptable messages since the last such warning)")), log.at("warn"));
        assertEquals(4, log.at("debug").size(), "each one at debug");
        assertEquals("Dropped gossip from /127.0.0.1:8301: none of the 1 installed keys decrypts the message",
                log.at("debug").get(0));
    }

    @Test
    void eachSenderIsNamed() {
        failures.failed(sender(8301), NO_KEY);
        failures.failed(sender(9301), NO_KEY);
        assertEquals(List.of(warning(8301, ""), warning(9301, "")), log.at("warn"));
    }

    @Test
    void manySendersCannotFloodTheLog() {
        for (int port = 1; port <= 50; port++) {
            failures.failed(sender(port), NO_KEY);
        }
        assertEquals(DecryptionFailureLog.MAX_WARNINGS_PER_INTERVAL, log.at("warn").size());

        now += DecryptionFailureLog.INTERVAL_NANOS;
        failures.failed(sender(51), NO_KEY);
        assertEquals(warning(51, " (40 more undecryptable messages since the last such warning)"),
                log.at("warn").get(DecryptionFailureLog.MAX_WARNINGS_PER_INTERVAL));
    }
}
