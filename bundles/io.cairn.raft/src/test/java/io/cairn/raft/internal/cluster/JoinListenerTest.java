package io.cairn.raft.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The join listener on a real loopback socket, against clients that misbehave the way an attacker would. */
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
    void tricklersAndAnOversizedStreamDoNotKeepARealJoinOut() throws Exception {
        long fdsBefore = openDescriptors();
        try (JoinListener listener = listen(ANSWER)) {
            AtomicBoolean attacking = new AtomicBoolean(true);
            List<Socket> tricklers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                tricklers.add(connect(listener));
            }
            CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> {
                // one byte of a never-ending message per connection every 200 ms: the old idle timer never fired
                for (int round = 0; attacking.get(); round++) {
                    for (Socket s : tricklers) {
                        try {
                            s.getOutputStream().write(round < HELLO_LINE.length ? HELLO_LINE[round] : 'a');
                        } catch (IOException cutOff) {
                            // the listener ended this one; fine
                        }
                    }
                    sleep(200);
                }
            });
            CompletableFuture<Long> flood = CompletableFuture.supplyAsync(() -> streamUntilRefused(listener, true));
            try {
                for (int i = 0; i < 5; i++) {
                    long started = System.nanoTime();
                    assertEquals(List.of(THEIRS), join(listener));
                    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3), "a real join took "
                            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
                    sleep(300);
                }
                long streamed = flood.get(30, TimeUnit.SECONDS);
                assertTrue(streamed < 64L << 20, "the listener took " + streamed + " bytes of one message");
            } finally {
                attacking.set(false);
                trickle.get(10, TimeUnit.SECONDS);
                for (Socket s : tricklers) {
                    s.close();
                }
            }
            await(() -> listener.openConnections() == 0, "join connections still open: " + listener.openConnections());
            assertEquals(List.of(THEIRS), join(listener));
        }
        await(() -> openDescriptors() <= fdsBefore + 2, "descriptors: " + fdsBefore + " before, "
                + openDescriptors() + " after");
    }

    @Test
    void aTricklerIsCutOffWhenItsTotalTimeIsUp() throws Exception {
        try (JoinListener listener = listen(ANSWER); Socket s = connect(listener)) {
            s.setSoTimeout(250);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            long started = System.nanoTime();
            boolean closed = false;
            for (int i = 0; !closed && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20); i++) {
                try {
                    out.write(i < HELLO_LINE.length ? HELLO_LINE[i] : 'a');
                    closed = in.read() < 0;
                } catch (SocketTimeoutException stillOpen) {
                    // a byte every 250 ms, forever
                } catch (IOException reset) {
                    closed = true;
                }
            }
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(closed, "a trickler was still served after " + took + " ms");
            assertTrue(took < JoinProtocol.EXCHANGE_MILLIS + 5000, "cut off after " + took + " ms");
            await(() -> listener.openConnections() == 0, "the trickler's connection is still open");
        }
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
            await(() -> listener.openConnections() == 0, "connections still open");
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
                await(() -> listener.openConnections() == JoinListener.MAX_CONNECTIONS, "not all idle accepted");
                try (Socket extra = connect(listener)) {
                    extra.setSoTimeout(JoinProtocol.EXCHANGE_MILLIS / 2);
                    assertTrue(readsEnd(extra), "a connection beyond the cap was kept");
                }
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
            await(() -> listener.openConnections() == 0, "connections still open");
            assertEquals(List.of(THEIRS), join(listener));
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

    private static boolean readsEnd(Socket s) throws IOException {
        try {
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static void await(BooleanSupplier condition, String failure) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            sleep(50);
        }
    }

    /** This JVM's open descriptors where Linux shows them, else 0 (the check then passes trivially). */
    private static long openDescriptors() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(fds)) {
            return list.count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
