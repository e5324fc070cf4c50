package io.cairn.raft.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class JoinProtocolTest {

    @Test
    void recordsSurviveTheLineFormat() {
        ServerRecord formed = new ServerRecord("n1", "10.0.0.1:8300", "10.0.0.1:8301", List.of("n1", "n2", "n3"));
        ServerRecord fresh = new ServerRecord("n4", "10.0.0.4:8300", "10.0.0.4:8301", List.of());
        assertEquals(formed, ServerRecord.parse(formed.toLine()));
        assertEquals(fresh, ServerRecord.parse(fresh.toLine()));
        assertThrows(IllegalArgumentException.class, () -> ServerRecord.parse("n1\t10.0.0.1:8300"));
    }

    @Test
    void joinAddressesDefaultToTheSerfLanPort() {
        assertEquals(8301, JoinProtocol.address("10.0.0.1", 8301).getPort());
        InetSocketAddress explicit = JoinProtocol.address("127.0.0.1:9301", 8301);
        assertEquals("127.0.0.1", explicit.getHostString());
        assertEquals(9301, explicit.getPort());
        assertEquals(9301, JoinProtocol.address("[::1]:9301", 8301).getPort());
    }

    @Test
    void exchangeSendsOursAndReturnsTheirs() throws Exception {
        ServerRecord mine = new ServerRecord("a", "127.0.0.1:1", "127.0.0.1:2", List.of());
        ServerRecord theirs = new ServerRecord("b", "127.0.0.1:3", "127.0.0.1:4", List.of("b"));
        AtomicReference<List<ServerRecord>> received = new AtomicReference<>();
        try (JoinListener listener = new JoinListener(new InetSocketAddress("127.0.0.1", 0), sent -> {
            received.set(sent);
            return List.of(theirs);
        })) {
            List<ServerRecord> answer = JoinProtocol.exchange(
                    new InetSocketAddress("127.0.0.1", listener.port()), List.of(mine));
            assertEquals(List.of(theirs), answer);
            assertEquals(List.of(mine), received.get());
        }
    }
}
