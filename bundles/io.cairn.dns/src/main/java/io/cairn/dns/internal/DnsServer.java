package io.cairn.dns.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * UDP and TCP listeners on one address and port. UDP has one receiving thread; its questions are answered on a
 * small bounded pool, and when it is full further UDP packets are dropped (the client retries) rather than
 * queued without bound, so a flood can slow the server but not exhaust it. TCP is a {@link TcpDnsListener},
 * which bounds connections and the time each message may take, and answers on a pool of its own.
 */
final class DnsServer implements AutoCloseable {

    /** Answers one message; the responder never throws. */
    @FunctionalInterface
    interface Handler {
        Optional<byte[]> respond(byte[] query, boolean tcp);
    }

    private final Handler handler;
    private final DatagramChannel udp;
    private final TcpDnsListener tcp;
    private final ThreadPoolExecutor workers;

    DnsServer(InetSocketAddress address, Handler handler) throws IOException {
        this.handler = handler;
        this.workers = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                r -> daemon(r, "cairn-dns-worker"));
        this.workers.allowCoreThreadTimeOut(true);
        this.udp = DatagramChannel.open();
        try {
            udp.bind(address);
            tcp = new TcpDnsListener(new InetSocketAddress(address.getAddress(),
                    ((InetSocketAddress) udp.getLocalAddress()).getPort()), handler);
        } catch (IOException | RuntimeException e) {
            udp.close();
            workers.shutdownNow();
            throw e;
        }
        daemon(this::receiveUdp, "cairn-dns-udp").start();
    }

    /** The port both listeners are bound to (useful when configured with port 0). */
    int port() {
        return tcp.port();
    }

    /** Open TCP connections (for tests). */
    int openTcpConnections() {
        return tcp.openConnections();
    }

    private void receiveUdp() {
        ByteBuffer buffer = ByteBuffer.allocate(65535);
        while (udp.isOpen()) {
            try {
                buffer.clear();
                SocketAddress client = udp.receive(buffer);
                byte[] query = Arrays.copyOf(buffer.array(), buffer.position());
                submit(workers, () -> handler.respond(query, false).ifPresent(r -> sendUdp(r, client)));
            } catch (IOException e) {
                if (!udp.isOpen()) {
                    return;
                }
            }
        }
    }

    private void sendUdp(byte[] response, SocketAddress client) {
        try {
            udp.send(ByteBuffer.wrap(response), client);
        } catch (IOException e) {
            // The client went away or the socket closed under us; UDP clients retry.
        }
    }

    private static boolean submit(ThreadPoolExecutor pool, Runnable task) {
        try {
            pool.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        try {
            udp.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        tcp.close();
        workers.shutdownNow();
    }
}
