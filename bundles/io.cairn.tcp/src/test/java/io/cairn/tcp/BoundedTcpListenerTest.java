package io.cairn.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cairn.tcp.ListenerSettings.Conversation;
import io.cairn.tcp.ListenerSettings.WhenFull;

/** The listener on a real loopback socket, against clients that misbehave the way an attacker would. */
class BoundedTcpListenerTest {

    private static final int MESSAGE_MILLIS = 1000;
    private static final int CAP = 16;

    private final RecordingLogger log = new RecordingLogger();
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }

    private BoundedTcpListener<ShortMessages.Message> listen(WhenFull whenFull, Conversation conversation,
            ShortMessages protocol) throws IOException {
        return listen(whenFull, conversation, protocol, MESSAGE_MILLIS);
    }

    private BoundedTcpListener<ShortMessages.Message> listen(WhenFull whenFull, Conversation conversation,
            ShortMessages protocol, int messageMillis) throws IOException {
        ListenerSettings settings = new ListenerSettings("test listener", "test-listener", CAP, whenFull,
                messageMillis, conversation);
        return new BoundedTcpListener<>(new InetSocketAddress("127.0.0.1", 0), settings, protocol, log.logger);
    }

    private Socket connect(BoundedTcpListener<?> listener) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.connect(new InetSocketAddress("127.0.0.1", listener.port()), 2000);
        s.setSoTimeout(5000);
        return s;
    }

    /** A request on a connection of its own, answered well within its timeout. */
    private void answersPromptly(BoundedTcpListener<?> listener) throws IOException {
        long started = System.nanoTime();
        try (Socket s = connect(listener)) {
            assertEquals("PING", ShortMessages.ask(s, "ping"));
        }
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(took < MESSAGE_MILLIS, "a request took " + took + " ms");
    }

    @Test
    void tricklersAndHalfSentRequestsBeyondTheCapDoNotKeepARealRequestOut() throws Exception {
        long fdsBefore = openDescriptors();
        try (var listener = listen(WhenFull.CLOSE_LONGEST_WAITING, Conversation.REQUESTS_IN_TURN,
                ShortMessages.echo())) {
            long fdsListening = openDescriptors();
            List<Socket> tricklers = new ArrayList<>();
            for (int i = 0; i < CAP / 2; i++) {
                tricklers.add(connect(listener));
            }
            for (int i = 0; i < 3 * CAP; i++) {
                connect(listener).getOutputStream().write(new byte[] {(byte) 200, 'a'}); // and never the rest
            }
            AtomicBoolean attacking = new AtomicBoolean(true);
            CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> {
                // a byte of a 200-byte message per connection every 100 ms: an idle timer would never fire
                for (int round = 0; attacking.get(); round++) {
                    for (Socket s : tricklers) {
                        try {
                            s.getOutputStream().write(round == 0 ? 200 : 'a');
                        } catch (IOException cutOff) {
                            // the listener ended this one; fine
                        }
                    }
                    sleep(100);
                }
            });
            try {
                for (int i = 0; i < 5; i++) {
                    answersPromptly(listener);
                    sleep(300);
                }
            } finally {
                attacking.set(false);
                trickle.get(10, TimeUnit.SECONDS);
            }
            closeSockets();
            await(() -> listener.openConnections() == 0, () -> listener.openConnections() + " connections open");
            await(() -> openDescriptors() <= fdsListening + 2, () -> "descriptors: " + fdsListening
                    + " before the attack, " + openDescriptors() + " after");
            answersPromptly(listener);
            awaitLogged("debug", "closed to make room: " + CAP + " connections were open");
            awaitLogged("warn", "The test listener dropped");
        }
        await(() -> openDescriptors() <= fdsBefore + 2, () -> "descriptors: " + fdsBefore + " before, "
                + openDescriptors() + " after closing");
    }

    @Test
    void aTricklerIsCutOffWhenItsTotalTimeIsUp() throws Exception {
        for (Conversation conversation : Conversation.values()) {
            try (var listener = listen(WhenFull.REFUSE_NEW, conversation, ShortMessages.echo());
                    Socket s = connect(listener)) {
                s.setSoTimeout(100);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                out.write(200);
                long started = System.nanoTime();
                boolean closed = false;
                while (!closed && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10)) {
                    try {
                        out.write('a');
                        closed = in.read() < 0;
                    } catch (SocketTimeoutException stillOpen) {
                        // a byte every 100 ms, forever
                    } catch (IOException reset) {
                        closed = true;
                    }
                }
                long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertTrue(closed, conversation + ": a trickler was still served after " + took + " ms");
                assertTrue(took < MESSAGE_MILLIS + 2000, conversation + ": cut off after " + took + " ms");
                await(() -> listener.openConnections() == 0, () -> "the trickler's connection is still open");
                awaitLogged("debug", "its message was not complete within " + MESSAGE_MILLIS + " ms");
            }
        }
    }

    @Test
    void anAnswerNotTakenInTimeIsCutOff() throws Exception {
        byte[] huge = new byte[64 << 20]; // more than the socket buffers on both ends hold
        ShortMessages protocol = new ShortMessages(text -> CompletableFuture.completedFuture(
                Optional.of(ByteBuffer.wrap(huge))));
        try (var listener = listen(WhenFull.REFUSE_NEW, Conversation.REQUESTS_IN_TURN, protocol);
                Socket s = connect(listener)) {
            s.getOutputStream().write(ShortMessages.wire("send me a lot"));
            awaitLogged("debug", "its message was not taken within " + MESSAGE_MILLIS + " ms");
            assertEquals(0, listener.openConnections());
        }
    }

    @Test
    void withRefuseNewConnectionsBeyondTheCapAreClosedAtOnceAndTheOthersKept() throws Exception {
        try (var listener = listen(WhenFull.REFUSE_NEW, Conversation.ONE_EXCHANGE, ShortMessages.echo(), 10_000)) {
            List<Socket> idle = new ArrayList<>();
            for (int i = 0; i < CAP; i++) {
                idle.add(connect(listener));
            }
            await(() -> listener.openConnections() == CAP, () -> "not all idle accepted");
            Socket extra = connect(listener);
            extra.setSoTimeout(MESSAGE_MILLIS / 2);
            assertEquals(-1, readOrEnd(extra), "a connection beyond the cap was kept");
            awaitLogged("debug", CAP + " connections are open already");
            assertEquals("FIRST", ShortMessages.ask(idle.get(0), "first"), "the oldest connection was not kept");
            assertEquals(-1, readOrEnd(idle.get(0)), "one exchange, then the listener closes");
        }
    }

    @Test
    void withCloseLongestWaitingTheOldestWaitingConnectionMakesRoom() throws Exception {
        try (var listener = listen(WhenFull.CLOSE_LONGEST_WAITING, Conversation.REQUESTS_IN_TURN,
                ShortMessages.echo(), 10_000)) {
            List<Socket> waiting = new ArrayList<>();
            for (int i = 0; i < CAP; i++) {
                waiting.add(connect(listener));
                sleep(5); // distinct deadlines
            }
            await(() -> listener.openConnections() == CAP, () -> "not all accepted");
            answersPromptly(listener);
            waiting.get(0).setSoTimeout(MESSAGE_MILLIS / 2);
            assertEquals(-1, readOrEnd(waiting.get(0)), "the longest waiting connection is still open");
            assertEquals("LAST", ShortMessages.ask(waiting.get(CAP - 1), "last"));
        }
    }

    @Test
    void withCloseLongestWaitingANewConnectionIsRefusedWhileEveryOneIsBeingAnswered() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService answering = Executors.newCachedThreadPool();
        ShortMessages slow = new ShortMessages(text -> CompletableFuture.supplyAsync(() -> {
            awaitLatch(release);
            return Optional.of(ByteBuffer.wrap(ShortMessages.wire(text.toUpperCase())));
        }, answering));
        try (var listener = listen(WhenFull.CLOSE_LONGEST_WAITING, Conversation.REQUESTS_IN_TURN, slow)) {
            List<Socket> asking = new ArrayList<>();
            for (int i = 0; i < CAP; i++) {
                Socket s = connect(listener);
                s.getOutputStream().write(ShortMessages.wire("q" + i));
                asking.add(s);
            }
            await(() -> listener.openConnections() == CAP, () -> "not all accepted");
            sleep(MESSAGE_MILLIS + 500); // being answered: past the deadline, and still open
            Socket extra = connect(listener);
            extra.setSoTimeout(MESSAGE_MILLIS / 2);
            assertEquals(-1, readOrEnd(extra), "a connection beyond the cap was kept");
            awaitLogged("debug", CAP + " connections are busy with answers");
            release.countDown();
            for (int i = 0; i < CAP; i++) {
                assertEquals("Q" + i, ShortMessages.read(asking.get(i)));
            }
        } finally {
            answering.shutdownNow();
        }
    }

    @Test
    void requestsInTurnAreAnsweredInOrderAndAnIdleConnectionIsClosedQuietly() throws Exception {
        try (var listener = listen(WhenFull.REFUSE_NEW, Conversation.REQUESTS_IN_TURN, ShortMessages.echo());
                Socket s = connect(listener)) {
            // both in one write: the second waits in the socket while the first is answered
            byte[] first = ShortMessages.wire("first");
            byte[] second = ShortMessages.wire("second");
            byte[] both = new byte[first.length + second.length];
            System.arraycopy(first, 0, both, 0, first.length);
            System.arraycopy(second, 0, both, first.length, second.length);
            s.getOutputStream().write(both);
            assertEquals("FIRST", ShortMessages.read(s));
            assertEquals("SECOND", ShortMessages.read(s));
            assertEquals("THIRD", ShortMessages.ask(s, "third"));
            assertEquals(-1, readOrEnd(s), "an idle connection was kept past its deadline");
            assertTrue(log.find("debug", "dropped").isEmpty(), "an idle connection is no refusal: " + log);
        }
    }

    @Test
    void aRefusedRequestDropsItsConnectionOnly() throws Exception {
        try (var listener = listen(WhenFull.REFUSE_NEW, Conversation.REQUESTS_IN_TURN, ShortMessages.echo());
                Socket s = connect(listener)) {
            s.getOutputStream().write(0);
            assertEquals(-1, readOrEnd(s));
            awaitLogged("debug", "sent a message of length 0");
            Socket half = connect(listener);
            half.getOutputStream().write(new byte[] {5, 'a'});
            half.shutdownOutput();
            assertEquals(-1, readOrEnd(half));
            awaitLogged("debug", "closed the connection in the middle of a request");
            answersPromptly(listener);
        }
    }

    @Test
    void aFailingAnswerClosesOnlyItsConnection() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ShortMessages failing = new ShortMessages(text -> switch (calls.incrementAndGet()) {
            case 1 -> throw new OutOfMemoryError("simulated, on the listener thread");
            case 2 -> CompletableFuture.failedFuture(new OutOfMemoryError("simulated, on another thread"));
            case 3 -> CompletableFuture.completedFuture(Optional.empty());
            default -> ShortMessages.upperCase(text);
        });
        try (var listener = listen(WhenFull.REFUSE_NEW, Conversation.REQUESTS_IN_TURN, failing)) {
            for (int i = 0; i < 3; i++) {
                Socket s = connect(listener);
                s.getOutputStream().write(ShortMessages.wire("fail"));
                assertEquals(-1, readOrEnd(s), "answer " + (i + 1));
            }
            answersPromptly(listener);
            assertEquals(2, log.find("error", "on the test listener failed").size(), log::toString);
            await(() -> listener.openConnections() == 0, () -> "connections still open");
        }
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ListenerSettings("x", "x", 0,
                WhenFull.REFUSE_NEW, 1, Conversation.ONE_EXCHANGE));
        assertThrows(IllegalArgumentException.class, () -> new ListenerSettings("x", "x", 1,
                WhenFull.REFUSE_NEW, 0, Conversation.ONE_EXCHANGE));
    }

    /** The next byte, -1 if the listener ended the connection, -2 if it is still open. */
    private static int readOrEnd(Socket s) throws IOException {
        try {
            return s.getInputStream().read();
        } catch (SocketTimeoutException e) {
            return -2;
        } catch (IOException reset) {
            return -1;
        }
    }

    private static void await(BooleanSupplier condition, Supplier<String> failure) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            sleep(50);
        }
    }

    /** Waits for the listener to log it: it logs after closing, so a client may see the close first. */
    private void awaitLogged(String level, String part) {
        await(() -> !log.find(level, part).isEmpty(), () -> "no " + level + " message '" + part + "' in " + log);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
