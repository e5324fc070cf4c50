package io.cairn.gossip.internal.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CoordinateSyncTest {

    @Test
    void smallPoolsSendEveryFifteenSecondsPlusAStaggerOfUpToAsMuch() {
        assertEquals(Duration.ofSeconds(15), CoordinateSync.interval(5, 0));
        assertEquals(Duration.ofMillis(22_500), CoordinateSync.interval(5, 0.5));
    }

    @Test
    void largePoolsKeepTheClusterNearSixtyFourUpdatesASecond() {
        assertEquals(Duration.ofSeconds(100), CoordinateSync.interval(6_400, 0));
    }
}
