package io.cairn.raft.internal.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.tcp.BoundedTcpListener;
import io.cairn.tcp.ListenerSettings;
import io.cairn.tcp.ListenerSettings.Conversation;
import io.cairn.tcp.ListenerSettings.WhenFull;
import io.cairn.tcp.Protocol;

/**
 * Serves the join exchange on the Serf LAN address, on a {@link BoundedTcpListener}: up to
 * {@link #MAX_CONNECTIONS} connections at once on one thread, so a client that trickles bytes or never finishes
 * holds one slot for at most {@link JoinProtocol#EXCHANGE_MILLIS} and never delays the others; connections beyond
 * the cap are closed at once. A side longer than {@link JoinProtocol#MAX_MESSAGE_BYTES} is refused when it passes
 * that length ({@link JoinFrame}). Whatever goes wrong with one connection (an {@link Error} included) is logged and
 * closes that connection only; the listener keeps accepting until {@link #close}.
 */
public final class JoinListener implements AutoCloseable {

    /** Real joins are a handful of servers once a second; this leaves room for them beside misbehaving clients. */
    static final int MAX_CONNECTIONS = 64;
    private static final ListenerSettings SETTINGS = new ListenerSettings("join listener", "cairn-raft-join",
            MAX_CONNECTIONS, WhenFull.REFUSE_NEW, JoinProtocol.EXCHANGE_MILLIS, Conversation.ONE_EXCHANGE);
    private static final Logger LOG = LoggerFactory.getLogger(JoinListener.class);

    private final BoundedTcpListener<JoinFrame> listener;

    /**
     * Binds at once, so that a port conflict fails the caller.
     *
     * @param exchange given the records a caller sent, returns the records to answer with; must not block
     */
    public JoinListener(InetSocketAddress bind, UnaryOperator<List<ServerRecord>> exchange) throws IOException {
        listener = new BoundedTcpListener<>(bind, SETTINGS, new Protocol<>() {
            @Override
            public JoinFrame newRequest() {
                return new JoinFrame();
            }

            @Override
            public CompletionStage<Optional<ByteBuffer>> answer(JoinFrame request) throws IOException {
                byte[] answer = JoinProtocol.encode(exchange.apply(request.records()));
                return CompletableFuture.completedFuture(Optional.of(ByteBuffer.wrap(answer)));
            }
        }, LOG);
    }

    public int port() {
        return listener.port();
    }

    /** Connections open now (for tests: descriptors are released). */
    int openConnections() {
        return listener.openConnections();
    }

    @Override
    public void close() {
        listener.close();
    }
}
