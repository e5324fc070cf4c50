package io.cairn.raft.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    @Test
    void theCallerRefusesAnOversizedAnswer() throws Exception {
        IOException e = againstAnEndpointThat(out -> {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            out.write((JoinProtocol.HELLO + "\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 1024; i++) { // 64 MiB at most
                out.write(chunk);
            }
        });
        assertTrue(e.getMessage().contains("longer than"), e.toString());
    }

    @Test
    void theCallerGivesUpOnATricklingEndpointWhenItsTotalTimeIsUp() throws Exception {
        long started = System.nanoTime();
        IOException e = againstAnEndpointThat(out -> {
            byte[] hello = (JoinProtocol.HELLO + "\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 200; i++) { // a byte every 100 ms, for 20 s at most
                out.write(i < hello.length ? hello[i] : 'a');
                out.flush();
                Thread.sleep(100);
            }
        });
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(e instanceof SocketTimeoutException, e.toString());
        assertTrue(took < JoinProtocol.EXCHANGE_MILLIS + 5000, "gave up after " + took + " ms");
    }

    interface Answer {
        void send(OutputStream out) throws Exception;
    }

    /** Runs one exchange against a fake endpoint that answers as told; returns how the exchange failed. */
    private static IOException againstAnEndpointThat(Answer answer) throws Exception {
        try (ServerSocket endpoint = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (Socket peer = endpoint.accept()) {
                    answer.send(peer.getOutputStream());
                } catch (Exception callerLeft) {
                    // the caller closed the connection: what the test expects
                }
            });
            IOException failure = assertThrows(IOException.class, () -> JoinProtocol.exchange(
                    new InetSocketAddress("127.0.0.1", endpoint.getLocalPort()), List.of()));
            served.get(30, TimeUnit.SECONDS);
            return failure;
        }
    }
}
