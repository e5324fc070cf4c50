package io.cairn.dns.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Forwards a question to the recursors in order over UDP, each with its own timeout, and returns the first
 * answer carrying the question's ID (failover: a recursor that times out or errors is skipped).
 */
final class UdpForwarder implements Forwarder {

    private static final int MAX_RESPONSE = 65535;

    private final List<InetSocketAddress> recursors;
    private final Duration timeout;

    UdpForwarder(List<InetSocketAddress> recursors, Duration timeout) {
        this.recursors = List.copyOf(recursors);
        this.timeout = timeout;
    }

    @Override
    public Optional<byte[]> forward(byte[] query) {
        for (InetSocketAddress recursor : recursors) {
            Optional<byte[]> answer = ask(recursor, query);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    private Optional<byte[]> ask(InetSocketAddress recursor, byte[] query) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(recursor);
            socket.send(new DatagramPacket(query, query.length));
            Instant deadline = Instant.now().plus(timeout);
            byte[] buffer = new byte[MAX_RESPONSE];
            while (true) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    return Optional.empty();
                }
                socket.setSoTimeout((int) left);
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                // A stray datagram with another ID is not our answer: keep waiting until the deadline.
                if (packet.getLength() >= 12 && buffer[0] == query[0] && buffer[1] == query[1]) {
                    return Optional.of(Arrays.copyOf(buffer, packet.getLength()));
                }
            }
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
