package io.cairn.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import io.cairn.session.api.SessionBehavior;
import io.cairn.session.api.SessionRequest;

import org.junit.jupiter.api.Test;

class SessionRulesTest {

    private static SessionRequest withTtl(Duration ttl) {
        return new SessionRequest("", "node1", Duration.ZERO, SessionBehavior.RELEASE, ttl, null, null);
    }

    private static String refusal(Duration ttl) {
        return assertThrows(IllegalArgumentException.class, () -> SessionRules.validate(withTtl(ttl))).getMessage();
    }

    @Test
    void ttlMustBeBetweenTenSecondsAndADay() {
        SessionRules.validate(withTtl(Duration.ZERO));
        SessionRules.validate(withTtl(Duration.ofSeconds(10)));
        SessionRules.validate(withTtl(Duration.ofHours(24)));
        assertEquals("Invalid Session TTL '9000000000', must be between [10s=24h0m0s]", refusal(Duration.ofSeconds(9)));
        assertEquals("Invalid Session TTL '86401000000000', must be between [10s=24h0m0s]",
                refusal(Duration.ofSeconds(86401)));
    }

    @Test
    void ttlTextIsGoDuration() {
        assertEquals(Duration.ofSeconds(15), SessionRules.ttl("15.0s"), "Patroni sends decimals");
        assertEquals(Duration.ZERO, SessionRules.ttl(""));
        assertEquals(Duration.ofSeconds(90), SessionRules.ttl("1m30s"));
        assertEquals("Session TTL 'abc' invalid: time: invalid duration \"abc\"",
                assertThrows(IllegalArgumentException.class, () -> SessionRules.ttl("abc")).getMessage());
        assertEquals("Session TTL '10' invalid: time: missing unit in duration \"10\"",
                assertThrows(IllegalArgumentException.class, () -> SessionRules.ttl("10")).getMessage());
    }

    @Test
    void smallLockDelaysAreSeconds() {
        assertEquals(Duration.ofSeconds(5), SessionRules.lockDelay(5));
        assertEquals(Duration.ofSeconds(999), SessionRules.lockDelay(999));
        assertEquals(Duration.ofNanos(1000), SessionRules.lockDelay(1000));
        assertEquals(Duration.ofMillis(1), SessionRules.lockDelay("0.001s"), "Patroni's lock delay");
        assertEquals(Duration.ofSeconds(15), SessionRules.lockDelay("15s"));
        assertEquals(Duration.ofSeconds(0), SessionRules.lockDelay("0s"));
    }

    @Test
    void nodeIsRequired() {
        SessionRequest noNode = new SessionRequest("", "", null, null, null, null, null);
        assertEquals("Must provide Node",
                assertThrows(IllegalArgumentException.class, () -> SessionRules.validate(noNode)).getMessage());
    }
}
