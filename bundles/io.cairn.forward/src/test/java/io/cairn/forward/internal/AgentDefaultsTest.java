package io.cairn.forward.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class AgentDefaultsTest {
    private final AgentDefaults defaults = new AgentDefaults("web 1");

    @Test
    void nearTheAgentMeansNearThisNode() {
        assertEquals("near=web+1&passing", defaults.query("near=_agent&passing"));
        assertEquals("near=db1", defaults.query("near=db1"));
        assertEquals("", defaults.query(""));
    }

    @Test
    void aSessionCreatedWithoutANodeIsThisNodes() {
        assertEquals("{\"Node\":\"web 1\"}", text(defaults.body("PUT", "/v1/session/create", new byte[0])));
        assertEquals("{\"TTL\":\"10s\",\"Node\":\"web 1\"}",
                text(defaults.body("PUT", "/v1/session/create", bytes("{\"TTL\":\"10s\"}"))));
    }

    @Test
    void aSessionNamingANodeAndEveryOtherBodyGoAsTheyCame() {
        byte[] named = bytes("{\"node\":\"db1\"}");
        assertArrayEquals(named, defaults.body("PUT", "/v1/session/create", named));
        byte[] junk = bytes("[1,2");
        assertArrayEquals(junk, defaults.body("PUT", "/v1/session/create", junk));
        byte[] kv = bytes("{}");
        assertArrayEquals(kv, defaults.body("PUT", "/v1/kv/a", kv));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
