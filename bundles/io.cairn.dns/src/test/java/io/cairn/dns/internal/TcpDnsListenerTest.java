package io.cairn.dns.internal;

import static io.cairn.dns.internal.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * DNS over TCP on a real loopback socket: its framing, its questions in turn, its cap and its answering pool.
 * What every bounded listener does (deadlines, tricklers, descriptors) is tested in {@code io.cairn.tcp}.
 */
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
    void beyondTheCapTheLongestWaitingConnectionMakesRoom() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try (DnsServer server = server()) {
            try {
                for (int i = 0; i < TcpDnsListener.MAX_CONNECTIONS + 20; i++) {
                    idle.add(connect(server));
                }
                // accepted in the order they connected, so this one comes after all of them
                answersPromptly(server);
                idle.get(0).setSoTimeout(1000);
                assertEquals(-1, idle.get(0).getInputStream().read(), "the longest waiting connection is open");
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
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
            assertEquals(-1, s.getInputStream().read());
            answersPromptly(server);
        }
    }
}
