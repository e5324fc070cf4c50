package io.cairn.dns.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * UDP and TCP listeners on one address and port. Each has one accepting thread; questions are answered on a
 * small bounded pool, and when it is full further UDP packets are dropped (the client retries) rather than
 * queued without bound, so a flood can slow the server but not exhaust it.
 */
final class DnsServer implements AutoCloseable {

    /** Answers one message; the responder never throws. */
    @FunctionalInterface
    interface Handler {
        Optional<byte[]> respond(byte[] query, boolean tcp);
    }

    private static final int TCP_IDLE_MILLIS = 5_000;

    private final Handler handler;
    private final DatagramChannel udp;
    private final ServerSocket tcp;
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor connections;

    DnsServer(InetSocketAddress address, Handler handler) throws IOException {
        this.handler = handler;
        this.workers = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                r -> daemon(r, "cairn-dns-worker"));
        this.workers.allowCoreThreadTimeOut(true);
        // TCP connections wait for their next question, so they get their own pool and cannot starve UDP.
        this.connections = new ThreadPoolExecutor(0, 32, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> daemon(r, "cairn-dns-tcp-connection"));
        this.udp = DatagramChannel.open();
        try {
            udp.bind(address);
            tcp = new ServerSocket();
            tcp.setReuseAddress(true);
            tcp.bind(new InetSocketAddress(address.getAddress(), ((InetSocketAddress) udp.getLocalAddress())
                    .getPort()));
        } catch (IOException e) {
            udp.close();
            workers.shutdownNow();
            connections.shutdownNow();
            throw e;
        }
        daemon(this::receiveUdp, "cairn-dns-udp").start();
        daemon(this::acceptTcp, "cairn-dns-tcp").start();
    }

    /** The port both listeners are bound to (useful when configured with port 0). */
    int port() {
        return tcp.getLocalPort();
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

    private void acceptTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket socket = tcp.accept();
                if (!submit(connections, () -> serveTcp(socket))) {
                    socket.close();
                }
            } catch (IOException e) {
                if (tcp.isClosed()) {
                    return;
                }
            }
        }
    }

    /** One connection may carry several length-prefixed questions (RFC 7766); idle connections are closed. */
    private void serveTcp(Socket socket) {
        try (socket) {
            socket.setSoTimeout(TCP_IDLE_MILLIS);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (true) {
                int length = in.readUnsignedShort();
                byte[] query = in.readNBytes(length);
                if (query.length < length) {
                    return;
                }
                Optional<byte[]> response = handler.respond(query, true);
                if (response.isEmpty()) {
                    return;
                }
                out.writeShort(response.get().length);
                out.write(response.get());
                out.flush();
            }
        } catch (EOFException e) {
            // The client closed the connection after its last question.
        } catch (IOException e) {
            // Timed out or reset: nothing to answer.
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

    private static Thread daemon(Runnable task, String name) {
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
        try {
            tcp.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        workers.shutdownNow();
        connections.shutdownNow();
    }
}
