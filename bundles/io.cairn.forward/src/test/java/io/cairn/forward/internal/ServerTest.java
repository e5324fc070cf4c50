package io.cairn.forward.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ServerTest {

    @Test
    void readsTheHttpAddrTag() {
        Server server = Server.of("s1", "127.0.0.1:8500").orElseThrow();
        assertEquals(URI.create("http://127.0.0.1:8500/v1/kv/a%2Fb?index=3"), server.uri("/v1/kv/a%2Fb?index=3"));
        assertEquals("s1 (127.0.0.1:8500)", server.toString());
        assertEquals("[::1]:8500", Server.of("s1", "::1:8500").orElseThrow().httpAddress());
        assertEquals("[::1]:8500", Server.of("s1", "[::1]:8500").orElseThrow().httpAddress());
    }

    @Test
    void refusesWhatIsNoAddressWithAPort() {
        for (String bad : new String[] {"127.0.0.1", "127.0.0.1:", ":8500", "127.0.0.1:0", "127.0.0.1:65536",
                "127.0.0.1:http", "no host:8500", "a_b:8500"}) {
            assertEquals(Optional.empty(), Server.of("s1", bad), bad);
        }
    }
}
