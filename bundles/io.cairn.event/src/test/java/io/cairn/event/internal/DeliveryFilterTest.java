package io.cairn.event.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cairn.event.api.UserEvent;

class DeliveryFilterTest {
    private static final List<LocalService> SERVICES = List.of(
            new LocalService("web-1", "web", List.of("blue", "v2")),
            new LocalService("db", "db", List.of("primary")));

    private static boolean matches(String node, String service, String tag) {
        UserEvent e = new UserEvent("00000000-0000-0000-0000-000000000001", "x", null, node, service, tag, 1, 0);
        return DeliveryFilter.matches(e, "node-a", SERVICES);
    }

    @Test
    void noFiltersMatchEveryNode() {
        assertTrue(matches("", "", ""));
    }

    @Test
    void nodeFilterIsAnUnanchoredRegex() {
        assertTrue(matches("de-", "", ""));
        assertTrue(matches("^node-[ab]$", "", ""));
        assertFalse(matches("^other", "", ""));
    }

    @Test
    void serviceFilterMatchesNameOrIdAndTagMustBelongToThatService() {
        assertTrue(matches("", "^web$", ""));
        assertTrue(matches("", "web-1", ""));
        assertFalse(matches("", "cache", ""));
        assertTrue(matches("", "web", "^v2$"));
        assertFalse(matches("", "web", "primary"));
        assertTrue(matches("", "db", "prim"));
    }

    @Test
    void newerEventFormatsAreIgnored() {
        UserEvent e = new UserEvent("00000000-0000-0000-0000-000000000001", "x", null, "", "", "", 2, 0);
        assertFalse(DeliveryFilter.matches(e, "node-a", SERVICES));
    }
}
