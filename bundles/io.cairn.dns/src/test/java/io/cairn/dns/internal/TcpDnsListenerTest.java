package io.cairn.dns.internal;

import static io.cairn.dns.internal.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** DNS over TCP on a real loopback socket, against clients that misbehave the way an attacker would. */
class TcpDnsListenerTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    private static DnsServer server() throws IOException {
        DnsResponder responder = Fixtures.responder(Fixtures.settings(), Fixtures.resolvers(5), q -> Optional.empty());
        return new DnsServer(LOOPBACK, responder::respond);
    }

    /**
     * A real TCP query on a connection of its own, as {@code dig +tcp} makes it (dnsjava's resolver would reuse a
     * connection it opened before the attack); must be answered well within its own 5 s timeout.
     */
    private static void answersPromptly(DnsServer server) throws Exception {
        long started = System.nanoTime();
        Message asked = query("web.service.consul.", Type.A);
        try (Socket s = connect(server)) {
            s.setSoTimeout(5000);
            byte[] wire = asked.toWire();
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeShort(wire.length);
            out.write(wire);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] response = new byte[in.readUnsignedShort()];
            in.readFully(response);
            Message answer = new Message(response);
            assertEquals(asked.getHeader().getID(), answer.getHeader().getID());
            assertEquals(Rcode.NOERROR, answer.getRcode());
            assertEquals(5, answer.getSection(Section.ANSWER).size());
        }
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(took < 3000, "a TCP query took " + took + " ms");
    }

    private static Socket connect(DnsServer server) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        return s;
    }

    @Test
    void tricklersAndLengthOnlyConnectionsDoNotKeepARealQueryOut() throws Exception {
        List<Socket> attackers = new ArrayList<>();
        try (DnsServer server = server()) {
            long fdsBefore = openDescriptors();
            AtomicBoolean attacking = new AtomicBoolean(true);
            CompletableFuture<Void> trickle;
            try {
                List<Socket> tricklers = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    tricklers.add(connect(server));
                }
                for (int i = 0; i < 100; i++) {
                    Socket s = connect(server);
                    s.getOutputStream().write(new byte[] {0, 40}); // a length, and never the message
                    attackers.add(s);
                }
                attackers.addAll(tricklers);
                trickle = CompletableFuture.runAsync(() -> {
                    // a byte of a 500-byte message per connection every 300 ms: the old idle timer never fired
                    for (int round = 0; attacking.get(); round++) {
                        for (Socket s : tricklers) {
                            try {
                                s.getOutputStream().write(round == 1 ? 0xf4 : round == 0 ? 0x01 : 'a');
                            } catch (IOException cutOff) {
                                // the listener ended this one; fine
                            }
                        }
                        sleep(300);
                    }
                });
                for (int i = 0; i < 5; i++) {
                    answersPromptly(server);
                    sleep(300);
                }
            } finally {
                attacking.set(false);
                for (Socket s : attackers) {
                    s.close();
                }
            }
            trickle.get(10, TimeUnit.SECONDS);
            await(() -> server.openTcpConnections() == 0, () -> "TCP connections still open: "
                    + server.openTcpConnections());
            await(() -> openDescriptors() <= fdsBefore + 2, () -> "descriptors: " + fdsBefore + " before, "
                    + openDescriptors() + " after");
            answersPromptly(server);
        }
    }

    @Test
    void aTricklerIsCutOffWhenItsTotalTimeIsUp() throws Exception {
        try (DnsServer server = server(); Socket s = connect(server)) {
            s.setSoTimeout(250);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(new byte[] {0, 100});
            long started = System.nanoTime();
            boolean closed = false;
            while (!closed && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20)) {
                try {
                    out.write('a');
                    closed = in.read() < 0;
                } catch (SocketTimeoutException stillOpen) {
                    // a byte every 250 ms, forever
                } catch (IOException reset) {
                    closed = true;
                }
            }
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(closed, "a trickler was still served after " + took + " ms");
            assertTrue(took < TcpDnsListener.MESSAGE_MILLIS + 5000, "cut off after " + took + " ms");
            await(() -> server.openTcpConnections() == 0, () -> "the trickler's connection is still open");
        }
    }

    @Test
    void beyondTheCapTheLongestWaitingConnectionMakesRoom() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try (DnsServer server = server()) {
            try {
                for (int i = 0; i < TcpDnsListener.MAX_CONNECTIONS + 20; i++) {
                    Socket s = connect(server);
                    s.getOutputStream().write(new byte[] {0, 40});
                    idle.add(s);
                }
                await(() -> server.openTcpConnections() == TcpDnsListener.MAX_CONNECTIONS,
                        () -> server.openTcpConnections() + " connections open");
                answersPromptly(server);
                idle.get(0).setSoTimeout(1000);
                assertEquals(-1, readOrEnd(idle.get(0)), "the longest waiting connection is still open");
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
            await(() -> server.openTcpConnections() == 0, () -> server.openTcpConnections() + " still open");
        }
    }

    @Test
    void severalQuestionsOnOneConnectionAreAnsweredInOrder() throws Exception {
        try (DnsServer server = server(); Socket s = connect(server)) {
            s.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            DataInputStream in = new DataInputStream(s.getInputStream());
            Message first = query("web.service.consul.", Type.A);
            Message second = query("server-1.node.consul.", Type.A);
            // both in one write: the second waits in the socket while the first is answered
            java.io.ByteArrayOutputStream both = new java.io.ByteArrayOutputStream();
            for (Message m : List.of(first, second)) {
                byte[] wire = m.toWire();
                both.write(wire.length >> 8);
                both.write(wire.length);
                both.write(wire);
            }
            out.write(both.toByteArray());
            out.flush();
            for (Message asked : List.of(first, second)) {
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                assertEquals(asked.getHeader().getID(), new Message(wire).getHeader().getID());
            }
        }
    }

    @Test
    void aFailingHandlerClosesOnlyItsConnection() throws Exception {
        DnsResponder responder = Fixtures.responder(Fixtures.settings(), Fixtures.resolvers(5), q -> Optional.empty());
        AtomicInteger calls = new AtomicInteger();
        try (DnsServer server = new DnsServer(LOOPBACK, (query, tcp) -> {
            if (calls.incrementAndGet() == 1) {
                throw new OutOfMemoryError("simulated");
            }
            return responder.respond(query, tcp);
        }); Socket s = connect(server)) {
            byte[] wire = query("web.service.consul.", Type.A).toWire();
            s.setSoTimeout(5000);
            s.getOutputStream().write(new byte[] {0, (byte) wire.length});
            s.getOutputStream().write(wire);
            assertEquals(-1, readOrEnd(s));
            answersPromptly(server);
        }
    }

    private static int readOrEnd(Socket s) throws IOException {
        try {
            return s.getInputStream().read();
        } catch (SocketTimeoutException e) {
            return -2;
        } catch (IOException reset) {
            return -1;
        }
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> failure) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
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
