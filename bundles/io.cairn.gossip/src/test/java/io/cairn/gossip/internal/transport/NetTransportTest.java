package io.cairn.gossip.internal.transport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real transport on loopback. */
class NetTransportTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration GENEROUS = Duration.ofSeconds(5);

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    private NetTransport transport(NetTransport.Limits limits, RecordingReceiver receiver) throws IOException {
        NetTransport transport = closing(new NetTransport(new InetSocketAddress(LOOPBACK, 0), LOOPBACK, limits));
        transport.start(receiver);
        return transport;
    }

    private NetTransport transport(RecordingReceiver receiver) throws IOException {
        return transport(NetTransport.Limits.DEFAULT, receiver);
    }

    static Throwable failure(CompletionStage<byte[]> stage) throws InterruptedException {
        try {
            byte[] reply = stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got a reply of " + reply.length + " bytes");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the exchange neither failed nor completed", e);
        }
    }

    static byte[] reply(CompletionStage<byte[]> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void datagramsArriveWithTheSendersAddress() throws Exception {
        RecordingReceiver atA = RecordingReceiver.echo();
        NetTransport a = transport(atA);
        NetTransport b = transport(RecordingReceiver.echo());

        b.send(a.localAddress(), "ping".getBytes(UTF_8));

        RecordingReceiver.Arrival arrival = atA.nextPacket();
        assertEquals("ping", new String(arrival.bytes(), UTF_8));
        assertEquals(b.localAddress(), arrival.from());
        assertEquals(1400, a.maxPacketBytes());
    }

    @Test
    void localAddressIsTheAdvertisedAddressAndTheBoundPort() throws Exception {
        NetTransport a = transport(RecordingReceiver.echo());
        assertEquals(LOOPBACK, a.localAddress().getAddress());
        assertTrue(a.localAddress().getPort() > 0);
    }

    @Test
    void anExchangeCarriesTheRequestAndTheReply() throws Exception {
        RecordingReceiver atB = RecordingReceiver.echo();
        NetTransport a = transport(RecordingReceiver.echo());
        NetTransport b = transport(atB);

        byte[] reply = reply(a.exchange(b.localAddress(), "state".getBytes(UTF_8), GENEROUS));

        assertEquals("re:state", new String(reply, UTF_8));
        RecordingReceiver.Arrival request = atB.requestIfAny();
        assertEquals(a.localAddress(), request.from(), "the requester's advertised address, not its TCP port");
    }

    @Test
    void anExchangeCarriesLargeStates() throws Exception {
        NetTransport a = transport(RecordingReceiver.echo());
        NetTransport b = transport(RecordingReceiver.echo());
        byte[] state = new byte[3 * 1024 * 1024];
        new Random(3).nextBytes(state);

        byte[] reply = reply(a.exchange(b.localAddress(), state, GENEROUS));

        assertEquals(state.length + 3, reply.length);
        assertArrayEquals(state, Arrays.copyOfRange(reply, 3, reply.length));
    }

    @Test
    void anEmptyRequestAndReplyAreAllowed() throws Exception {
        NetTransport a = transport(RecordingReceiver.echo());
        NetTransport b = transport(new RecordingReceiver(request -> new byte[0]));
        assertEquals(0, reply(a.exchange(b.localAddress(), new byte[0], GENEROUS)).length);
    }

    @Test
    void anOversizedDatagramIsNotSentAndNotDelivered() throws Exception {
        RecordingReceiver atA = RecordingReceiver.echo();
        NetTransport a = transport(atA);
        NetTransport b = transport(RecordingReceiver.echo());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> b.send(a.localAddress(), new byte[1401]));
        assertEquals("A gossip datagram holds at most 1400 bytes, not 1401", refused.getMessage());

        try (DatagramSocket raw = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            raw.send(new DatagramPacket(new byte[1401], 1401, a.localAddress()));
            raw.send(new DatagramPacket(new byte[1400], 1400, a.localAddress()));
        }
        assertEquals(1400, atA.nextPacket().bytes().length, "the 1401-byte one was dropped");
        assertNull(atA.packetIfAny());
    }

    @Test
    void aRequestAboveTheFrameLimitIsNotSent() throws Exception {
        NetTransport.Limits small = new NetTransport.Limits(8, 1024, GENEROUS, 4);
        NetTransport a = transport(small, RecordingReceiver.echo());
        RecordingReceiver atB = RecordingReceiver.echo();
        NetTransport b = transport(atB);

        Throwable failure = failure(a.exchange(b.localAddress(), new byte[1025], GENEROUS));

        assertInstanceOf(IOException.class, failure);
        assertEquals("a stream request of 1025 bytes is more than the limit of 1024", failure.getMessage());
        assertNull(atB.requestIfAny());
    }

    @Test
    void aPeerAnnouncingARequestAboveTheLimitIsCutOff() throws Exception {
        RecordingReceiver atA = RecordingReceiver.echo();
        NetTransport a = transport(new NetTransport.Limits(8, 1024, GENEROUS, 4), atA);
        try (Socket raw = rawConnection(a)) {
            DataOutputStream out = new DataOutputStream(raw.getOutputStream());
            out.write(4);
            out.write(new byte[16]);
            out.writeShort(7000);
            out.writeInt(1025);
            out.flush();
            assertClosedByPeer(raw.getInputStream());
        }
        assertNull(atA.requestIfAny());
    }

    @Test
    void aPeerSendingSomethingElseIsCutOff() throws Exception {
        RecordingReceiver atA = RecordingReceiver.echo();
        NetTransport a = transport(atA);
        try (Socket raw = rawConnection(a)) {
            raw.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(UTF_8));
            assertClosedByPeer(raw.getInputStream());
        }
        assertNull(atA.requestIfAny());
    }

    @Test
    void aReplyAboveTheLimitIsRefused() throws Exception {
        NetTransport a = transport(new NetTransport.Limits(8, 1024, GENEROUS, 4), RecordingReceiver.echo());
        NetTransport b = transport(new RecordingReceiver(request -> new byte[2048]));

        Throwable failure = failure(a.exchange(b.localAddress(), new byte[10], GENEROUS));

        assertInstanceOf(IOException.class, failure);
        assertTrue(failure.getMessage().endsWith("the peer announced a reply of 2048 bytes, more than the limit of 1024"),
                failure.getMessage());
    }

    @Test
    void aSilentPeerTimesOut() throws Exception {
        NetTransport a = transport(RecordingReceiver.echo());
        try (ServerSocket silent = new ServerSocket(0, 50, LOOPBACK)) {
            InetSocketAddress peer = new InetSocketAddress(LOOPBACK, silent.getLocalPort());

            Throwable failure = failure(a.exchange(peer, "hello".getBytes(UTF_8), Duration.ofMillis(200)));

            assertInstanceOf(IOException.class, failure);
            assertEquals("no reply from " + peer + " within 200 ms", failure.getMessage());
        }
    }

    @Test
    void aPeerThatNeverFinishesItsRequestIsCutOffAtTheDeadline() throws Exception {
        RecordingReceiver atA = RecordingReceiver.echo();
        NetTransport a = transport(new NetTransport.Limits(8, 1024, Duration.ofMillis(300), 4), atA);
        try (Socket raw = rawConnection(a)) {
            raw.getOutputStream().write(new byte[] {4, 127, 0});
            assertClosedByPeer(raw.getInputStream());
        }
        assertNull(atA.requestIfAny());
    }

    @Test
    void aReceiverThatFailsClosesTheStreamWithoutAReply() throws Exception {
        NetTransport a = transport(RecordingReceiver.echo());
        NetTransport b = transport(new RecordingReceiver(request -> {
            throw new IOException("not for me");
        }));

        Throwable failure = failure(a.exchange(b.localAddress(), "x".getBytes(UTF_8), GENEROUS));

        assertInstanceOf(StreamClosedWithoutReplyException.class, failure);
        assertEquals(b.localAddress() + " closed the stream without a reply", failure.getMessage());
    }

    @Test
    void anUnreachablePeerFailsTheExchange() throws Exception {
        NetTransport a = transport(RecordingReceiver.echo());
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            freePort = probe.getLocalPort();
        }
        Throwable failure = failure(a.exchange(new InetSocketAddress(LOOPBACK, freePort), new byte[1], GENEROUS));
        assertInstanceOf(IOException.class, failure);
    }

    @Test
    void closeReleasesThePortAndFailsLaterExchanges() throws Exception {
        NetTransport a = new NetTransport(new InetSocketAddress(LOOPBACK, 0), LOOPBACK, NetTransport.Limits.DEFAULT);
        a.start(RecordingReceiver.echo());
        int port = a.localAddress().getPort();
        a.close();

        Throwable failure = failure(a.exchange(new InetSocketAddress(LOOPBACK, port), new byte[1], GENEROUS));
        assertEquals("the gossip transport is closed", failure.getMessage());

        RecordingReceiver again = RecordingReceiver.echo();
        NetTransport reopened = closing(new NetTransport(new InetSocketAddress(LOOPBACK, port), LOOPBACK,
                NetTransport.Limits.DEFAULT));
        reopened.start(again);
        NetTransport other = transport(RecordingReceiver.echo());
        assertEquals("re:x", new String(reply(other.exchange(reopened.localAddress(), "x".getBytes(UTF_8), GENEROUS)),
                UTF_8));
        other.send(reopened.localAddress(), "y".getBytes(UTF_8));
        assertEquals("y", new String(again.nextPacket().bytes(), UTF_8));
    }

    @Test
    void aPortInUseIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            InetSocketAddress bind = new InetSocketAddress(LOOPBACK, taken.getLocalPort());
            IOException refused = assertThrows(IOException.class,
                    () -> new NetTransport(bind, LOOPBACK, NetTransport.Limits.DEFAULT));
            assertTrue(refused.getMessage().startsWith("Cannot bind the gossip port " + bind + " for UDP and TCP"),
                    refused.getMessage());
        }
    }

    @Test
    void badArgumentsAreClearErrors() throws Exception {
        InetSocketAddress bind = new InetSocketAddress(LOOPBACK, 0);
        assertThrows(IllegalArgumentException.class,
                () -> new NetTransport(bind, InetAddress.getByName("0.0.0.0"), NetTransport.Limits.DEFAULT));
        NetTransport a = transport(RecordingReceiver.echo());
        assertThrows(IllegalArgumentException.class, () -> a.exchange(a.localAddress(), new byte[1], Duration.ZERO));
        assertThrows(IllegalStateException.class, () -> a.start(RecordingReceiver.echo()));
        assertThrows(IllegalArgumentException.class, () -> new NetTransport.Limits(0, 1, GENEROUS, 1));
    }

    private Socket rawConnection(NetTransport transport) throws IOException {
        Socket raw = new Socket();
        raw.connect(transport.localAddress(), 5000);
        raw.setSoTimeout(5000);
        return raw;
    }

    /** The peer closed the connection (an end of stream or a reset), rather than the read timing out. */
    private static void assertClosedByPeer(InputStream in) throws IOException {
        try {
            assertEquals(-1, in.read());
        } catch (SocketException reset) {
            // a reset is the peer closing too
        }
    }
}
