package io.cairn.gossip.internal.crypto;

import static io.cairn.gossip.internal.crypto.Keys.keyring;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cairn.gossip.internal.transport.NetTransport;
import io.cairn.gossip.internal.transport.RecordingReceiver;
import io.cairn.gossip.internal.transport.Transport;

/** Encrypted transports over the real one on loopback. */
class EncryptedTransportTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration GENEROUS = Duration.ofSeconds(5);

    private final List<Transport> transports = new ArrayList<>();
    private final RecordingLogger log = new RecordingLogger();

    @AfterEach
    void closeAll() {
        transports.forEach(Transport::close);
    }

    private EncryptedTransport encrypted(GossipKeyring keyring, RecordingReceiver receiver) throws IOException {
        NetTransport net = new NetTransport(new InetSocketAddress(LOOPBACK, 0), LOOPBACK, NetTransport.Limits.DEFAULT);
        EncryptedTransport transport = new EncryptedTransport(net, new Sealer(keyring),
                new DecryptionFailureLog(log.logger, System::nanoTime));
        transports.add(transport);
        transport.start(receiver);
        return transport;
    }

    private static Throwable failure(CompletionStage<byte[]> stage) throws Exception {
        try {
            stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void agentsWithTheSameKeyTalk() throws Exception {
        RecordingReceiver atA = RecordingReceiver.echo();
        EncryptedTransport a = encrypted(keyring(1), atA);
        EncryptedTransport b = encrypted(keyring(1), RecordingReceiver.echo());

        b.send(a.localAddress(), "ping".getBytes(UTF_8));
        assertEquals("ping", new String(atA.nextPacket().bytes(), UTF_8));

        byte[] reply = b.exchange(a.localAddress(), "push-pull".getBytes(UTF_8), GENEROUS).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertEquals("re:push-pull", new String(reply, UTF_8));
        assertEquals(List.of(), log.at("warn"));
    }

    @Test
    void whatTravelsIsSealed() throws Exception {
        RecordingReceiver plain = RecordingReceiver.echo();
        NetTransport listener = new NetTransport(new InetSocketAddress(LOOPBACK, 0), LOOPBACK,
                NetTransport.Limits.DEFAULT);
        transports.add(listener);
        listener.start(plain);
        EncryptedTransport a = encrypted(keyring(1), RecordingReceiver.echo());

        a.send(listener.localAddress(), "secret-tag".getBytes(UTF_8));

        byte[] wire = plain.nextPacket().bytes();
        assertEquals("secret-tag".length() + Sealer.OVERHEAD, wire.length);
        assertFalse(new String(wire, UTF_8).contains("secret"));
    }

    @Test
    void agentsWithDifferentKeysDoNotTalkAndSaySo() throws Exception {
        RecordingReceiver atA = RecordingReceiver.echo();
        EncryptedTransport a = encrypted(keyring(1), atA);
        EncryptedTransport stranger = encrypted(keyring(2), RecordingReceiver.echo());
        EncryptedTransport friend = encrypted(keyring(1), RecordingReceiver.echo());

        stranger.send(a.localAddress(), "ping".getBytes(UTF_8));
        friend.send(a.localAddress(), "ping".getBytes(UTF_8));
        // datagrams are handled in arrival order: once the friend's is in, the stranger's was dropped
        assertEquals(friend.localAddress(), atA.nextPacket().from());
        assertNull(atA.packetIfAny());
        assertEquals(List.of("gossip from " + stranger.localAddress() + " could not be decrypted with any installed"
                + " key; is the encrypt key the same on every agent?"), log.at("warn"));

        Throwable joinFailure = failure(stranger.exchange(a.localAddress(), "join".getBytes(UTF_8), GENEROUS));
        assertInstanceOf(IOException.class, joinFailure);
        assertEquals(a.localAddress() + " closed the stream without a reply; a peer does that when it cannot decrypt"
                + " the request: is the encrypt key the same on every agent?", joinFailure.getMessage());
        assertNull(atA.requestIfAny(), "the request never reached the protocol");
    }

    @Test
    void aReplyNoKeyOpensFailsTheExchangeSayingSo() throws Exception {
        InetSocketAddress peer = new InetSocketAddress(LOOPBACK, 7301);
        Transport answersWithOtherKey = new FixedReplyTransport(
                new Sealer(keyring(2)).seal("members".getBytes(UTF_8), Sealer.Purpose.STREAM_REPLY));
        EncryptedTransport a = new EncryptedTransport(answersWithOtherKey, new Sealer(keyring(1)));

        Throwable failure = failure(a.exchange(peer, "join".getBytes(UTF_8), GENEROUS));

        assertInstanceOf(IOException.class, failure);
        assertEquals("the reply from " + peer + " could not be decrypted with any installed key; is the encrypt key"
                + " the same on every agent?", failure.getMessage());
        assertInstanceOf(GossipDecryptionException.class, failure.getCause());
    }

    @Test
    void datagramsLeaveRoomForTheSeal() throws Exception {
        EncryptedTransport a = encrypted(keyring(1), RecordingReceiver.echo());
        assertEquals(1400 - 29, a.maxPacketBytes());
        RecordingReceiver atB = RecordingReceiver.echo();
        EncryptedTransport b = encrypted(keyring(1), atB);
        a.send(b.localAddress(), new byte[a.maxPacketBytes()]);
        assertEquals(a.maxPacketBytes(), atB.nextPacket().bytes().length);
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> a.send(b.localAddress(), new byte[a.maxPacketBytes() + 1]));
        assertTrue(tooLong.getMessage().startsWith("An encrypted gossip datagram holds at most 1371 bytes"));
    }

    /** A transport whose every exchange is answered with the same bytes. */
    private record FixedReplyTransport(byte[] reply) implements Transport {
        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress(LOOPBACK, 7300);
        }

        @Override
        public int maxPacketBytes() {
            return 1400;
        }

        @Override
        public void send(InetSocketAddress to, byte[] packet) {
            throw new UnsupportedOperationException("streams only");
        }

        @Override
        public CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
            return CompletableFuture.completedFuture(reply);
        }

        @Override
        public void start(Receiver receiver) {
        }

        @Override
        public void close() {
        }
    }
}
