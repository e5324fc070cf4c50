package io.cairn.gossip.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Keeps what a transport delivers, and answers each stream request with a given function. */
public final class RecordingReceiver implements Transport.Receiver {

    /** What arrived, and from where. */
    public record Arrival(InetSocketAddress from, byte[] bytes) {
    }

    /** Answers a stream request. */
    @FunctionalInterface
    public interface Answer {
        byte[] answer(byte[] request) throws IOException;
    }

    private final BlockingQueue<Arrival> packets = new LinkedBlockingQueue<>();
    private final BlockingQueue<Arrival> requests = new LinkedBlockingQueue<>();
    private final Answer answer;

    public RecordingReceiver(Answer answer) {
        this.answer = answer;
    }

    /** Answers "re:" and the request. */
    public static RecordingReceiver echo() {
        return new RecordingReceiver(request -> {
            byte[] reply = new byte[request.length + 3];
            reply[0] = 'r';
            reply[1] = 'e';
            reply[2] = ':';
            System.arraycopy(request, 0, reply, 3, request.length);
            return reply;
        });
    }

    @Override
    public void packet(InetSocketAddress from, byte[] packet) {
        packets.add(new Arrival(from, packet));
    }

    @Override
    public byte[] exchange(InetSocketAddress from, byte[] request) throws IOException {
        requests.add(new Arrival(from, request));
        return answer.answer(request);
    }

    /** The next datagram, waiting for it at most a few seconds (a failing test, not a timing). */
    public Arrival nextPacket() throws InterruptedException {
        return packets.poll(5, TimeUnit.SECONDS);
    }

    /** A datagram that has arrived already, or null. */
    public Arrival packetIfAny() {
        return packets.poll();
    }

    /** A stream request that has arrived already, or null. */
    public Arrival requestIfAny() {
        return requests.poll();
    }
}
