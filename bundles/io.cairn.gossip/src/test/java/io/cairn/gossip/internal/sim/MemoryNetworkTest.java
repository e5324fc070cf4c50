package io.cairn.gossip.internal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.cairn.gossip.internal.clock.VirtualScheduler;
import io.cairn.gossip.internal.transport.Transport;

class MemoryNetworkTest {
    private final VirtualScheduler clock = new VirtualScheduler();
    private final MemoryNetwork network = new MemoryNetwork(clock, 1);
    private final InetSocketAddress a = loopback(1001);
    private final InetSocketAddress b = loopback(1002);
    private final List<String> received = new ArrayList<>();

    @Test
    void datagramsArriveAfterTheLatencyUnlessPartitionedOrPaused() throws Exception {
        Transport from = network.transport(a);
        listen(network.transport(b));
        network.latency(Duration.ofMillis(5));

        from.send(b, new byte[] {1});
        clock.advance(Duration.ofMillis(4));
        assertEquals(List.of(), received);
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("1"), received);

        network.partition(Set.of(a), Set.of(b));
        from.send(b, new byte[] {2});
        network.heal();
        network.pause(b);
        from.send(b, new byte[] {3});
        network.resume(b);
        from.send(b, new byte[] {4});
        clock.advance(Duration.ofMillis(10));

        assertEquals(List.of("1", "4"), received);
        assertEquals(4, network.bytesSent(a));
        assertEquals(2, network.packetsDropped());
    }

    @Test
    void lossDropsAboutThatFractionOfDatagrams() throws Exception {
        Transport from = network.transport(a);
        listen(network.transport(b));
        network.loss(0.25);

        for (int i = 0; i < 1000; i++) {
            from.send(b, new byte[] {0});
        }
        clock.advance(Duration.ofSeconds(1));

        assertTrue(received.size() > 700 && received.size() < 800, received.size() + " arrived");
    }

    @Test
    void streamsGetTheReplyOrFailAcrossAPartitionAfterTheTimeout() throws Exception {
        Transport from = network.transport(a);
        listen(network.transport(b));

        CompletableFuture<byte[]> reply = from.exchange(b, new byte[] {7}, Duration.ofSeconds(1)).toCompletableFuture();
        clock.advance(Duration.ofMillis(2));
        assertEquals(8, reply.join()[0]);

        network.partition(Set.of(a), Set.of(b));
        CompletableFuture<byte[]> cut = from.exchange(b, new byte[] {7}, Duration.ofSeconds(1)).toCompletableFuture();
        clock.advance(Duration.ofMillis(999));
        assertTrue(!cut.isDone());
        clock.advance(Duration.ofMillis(1));
        assertTrue(cut.isCompletedExceptionally());

        CompletableFuture<byte[]> refused = from.exchange(loopback(9), new byte[] {7}, Duration.ofSeconds(1))
                .toCompletableFuture();
        clock.advance(Duration.ofMillis(1));
        assertTrue(refused.isCompletedExceptionally());
    }

    private void listen(Transport transport) throws Exception {
        transport.start(new Transport.Receiver() {
            @Override
            public void packet(InetSocketAddress from, byte[] packet) {
                received.add(Byte.toString(packet[0]));
            }

            @Override
            public byte[] exchange(InetSocketAddress from, byte[] request) {
                return new byte[] {(byte) (request[0] + 1)};
            }
        });
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }
}
