package io.cairn.raft.internal.cluster;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.raft.internal.node.Threads;

/** Serves the join exchange on the Serf LAN address, on one thread (exchanges are tiny and rare). */
public final class JoinListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JoinListener.class);

    private final ServerSocket socket;
    private final Thread thread;

    /**
     * Binds at once, so that a port conflict fails the caller.
     *
     * @param exchange given the records a caller sent, returns the records to answer with
     */
    public JoinListener(InetSocketAddress bind, UnaryOperator<List<ServerRecord>> exchange) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(bind);
        thread = Threads.named("cairn-raft-join").newThread(() -> serve(exchange));
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve(UnaryOperator<List<ServerRecord>> exchange) {
        while (!socket.isClosed()) {
            try (Socket peer = socket.accept()) {
                peer.setSoTimeout(JoinProtocol.TIMEOUT_MILLIS);
                var in = JoinProtocol.reader(peer);
                JoinProtocol.expectHello(in.readLine());
                List<ServerRecord> answer = exchange.apply(JoinProtocol.read(in));
                BufferedWriter out = JoinProtocol.writer(peer);
                out.write(JoinProtocol.HELLO + "\n");
                JoinProtocol.write(out, answer);
            } catch (SocketException e) {
                if (!socket.isClosed()) {
                    LOG.debug("Join exchange failed", e);
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("Join exchange failed", e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing the join socket failed", e);
        }
        thread.join(5000);
    }
}
