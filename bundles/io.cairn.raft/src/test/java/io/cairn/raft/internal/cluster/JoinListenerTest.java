package io.cairn.raft.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * The join listener on a real loopback socket: its framing bound, a failing exchange and its cap. What every
 * bounded listener does (deadlines, tricklers, descriptors) is tested in {@code io.cairn.tcp}.
 */
class JoinListenerTest {

    private static final ServerRecord MINE = new ServerRecord("a", "127.0.0.1:1", "127.0.0.1:2", List.of());
    private static final ServerRecord THEIRS = new ServerRecord("b", "127.0.0.1:3", "127.0.0.1:4", List.of("b"));
    private static final UnaryOperator<List<ServerRecord>> ANSWER = sent -> List.of(THEIRS);
    private static final byte[] HELLO_LINE = (JoinProtocol.HELLO + "\n").getBytes(StandardCharsets.UTF_8);

    private static JoinListener listen(UnaryOperator<List<ServerRecord>> exchange) throws IOException {
        return new JoinListener(new InetSocketAddress("127.0.0.1", 0), exchange);
    }

    private static List<ServerRecord> join(JoinListener listener) throws IOException {
        return JoinProtocol.exchange(new InetSocketAddress("127.0.0.1", listener.port()), List.of(MINE));
    }

    private static Socket connect(JoinListener listener) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", listener.port()), 2000);
        return s;
    }

    @Test
    void theListenerSurvivesOversizedStreamsAndAFailingExchange() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (JoinListener listener = listen(sent -> {
            if (calls.incrementAndGet() == 1) {
                throw new OutOfMemoryError("simulated");
            }
            return ANSWER.apply(sent);
        })) {
            // what the kernel buffers on both ends takes (megabytes on loopback) counts as sent here
            assertTrue(streamUntilRefused(listener, false) < 64L << 20, "junk without the hello line was read on");
            assertTrue(streamUntilRefused(listener, true) < 64L << 20, "an endless record line was read on");
            assertThrows(IOException.class, () -> join(listener));
            assertEquals(List.of(THEIRS), join(listener));
        }
    }

    @Test
    void connectionsBeyondTheCapAreClosedAtOnceAndTheOthersServed() throws Exception {
        try (JoinListener listener = listen(ANSWER)) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < JoinListener.MAX_CONNECTIONS; i++) {
                    idle.add(connect(listener));
                }
                // accepted in the order they connected, so this one comes after all of them
                try (Socket extra = connect(listener)) {
                    extra.setSoTimeout(JoinProtocol.EXCHANGE_MILLIS / 2);
                    assertEquals(-1, extra.getInputStream().read(), "a connection beyond the cap was kept");
                }
                Socket first = idle.get(0);
                first.setSoTimeout(JoinProtocol.EXCHANGE_MILLIS);
                first.getOutputStream().write(JoinProtocol.encode(List.of(MINE)));
                byte[] answer = first.getInputStream().readAllBytes(); // the listener closes after its answer
                JoinFrame frame = new JoinFrame();
                assertTrue(frame.append(answer, 0, answer.length));
                assertEquals(List.of(THEIRS), frame.records());
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
        }
    }

    /** Streams {@code a}s (after a hello line if asked) until the listener ends the connection; bytes sent. */
    private static long streamUntilRefused(JoinListener listener, boolean hello) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        long sent = 0;
        try (Socket s = connect(listener)) {
            OutputStream out = s.getOutputStream();
            if (hello) {
                out.write(HELLO_LINE);
            }
            while (sent < 64L << 20) {
                out.write(chunk);
                sent += chunk.length;
            }
        } catch (IOException refused) {
            return sent;
        }
        return sent;
    }
}
