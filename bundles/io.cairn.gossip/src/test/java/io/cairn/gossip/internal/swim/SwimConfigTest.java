package io.cairn.gossip.internal.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SwimConfigTest {

    @Test
    void consulsProfiles() {
        SwimConfig lan = SwimConfig.lan();
        SwimConfig wan = SwimConfig.wan();
        assertEquals(Duration.ofSeconds(1), lan.probeInterval());
        assertEquals(Duration.ofMillis(500), lan.probeTimeout());
        assertEquals(Duration.ofMillis(200), lan.gossipInterval());
        assertEquals(Duration.ofSeconds(5), wan.probeInterval());
        assertEquals(6, wan.suspicionMult());
        assertEquals(Duration.ofHours(72), lan.reconnectTimeout());
    }

    @Test
    void derivedTimings() {
        SwimConfig lan = SwimConfig.lan();
        assertEquals(Duration.ofSeconds(4), lan.suspicionMinTimeout(1));
        assertEquals(Duration.ofSeconds(8), lan.suspicionMinTimeout(100));
        assertEquals(4, lan.retransmitLimit(9));
        assertEquals(8, lan.retransmitLimit(10));
        assertEquals(Duration.ofSeconds(30), lan.pushPullInterval(32));
        assertTrue(lan.pushPullInterval(1000).compareTo(Duration.ofSeconds(150)) >= 0);
    }

    @Test
    void nonsenseIsRefusedWithTheFieldName() {
        SwimConfig lan = SwimConfig.lan();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lan.withReconnectTimeout(Duration.ZERO));
        assertTrue(e.getMessage().contains("reconnectTimeout"), e.getMessage());
    }
}
