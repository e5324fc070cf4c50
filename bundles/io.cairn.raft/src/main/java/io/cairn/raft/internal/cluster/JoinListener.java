package io.cairn.raft.internal.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.raft.internal.node.Threads;

/**
 * Serves the join exchange on the Serf LAN address. One thread serves up to {@link #MAX_CONNECTIONS}
 * connections at once without blocking on any of them, so a client that trickles bytes or never finishes holds
 * one slot for at most {@link JoinProtocol#EXCHANGE_MILLIS} and never delays the others; connections beyond the
 * cap are closed at once. A side longer than {@link JoinProtocol#MAX_MESSAGE_BYTES} is refused when it passes
 * that length. Whatever goes wrong with one connection (an {@link Error} included) is logged and closes that
 * connection only; the listener keeps accepting until {@link #close}.
 */
public final class JoinListener implements AutoCloseable {

    /** Real joins are a handful of servers once a second; this leaves room for them beside misbehaving clients. */
    static final int MAX_CONNECTIONS = 64;
    private static final Logger LOG = LoggerFactory.getLogger(JoinListener.class);
    private static final long EXCHANGE_NANOS = TimeUnit.MILLISECONDS.toNanos(JoinProtocol.EXCHANGE_MILLIS);
    /** How long accepting pauses after accept itself failed (out of descriptors), instead of spinning. */
    private static final long ACCEPT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final UnaryOperator<List<ServerRecord>> exchange;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final SelectionKey acceptKey;
    /** In accept order, which is also deadline order. */
    private final LinkedHashSet<Exchange> open = new LinkedHashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(8192);
    private final RefusalLog refusals = new RefusalLog(LOG, "join listener", System::nanoTime);
    private final Thread thread;
    private volatile boolean closed;
    /** {@code open.size()}, readable from other threads. */
    private volatile int openCount;
    private long acceptPausedUntil;
    private boolean acceptPaused;

    /** One connection: the request collected so far, then the answer being written. */
    private static final class Exchange {
        final SocketChannel channel;
        final Object peer;
        final long deadline;
        final JoinFrame request = new JoinFrame();
        int received;
        ByteBuffer answer;

        Exchange(SocketChannel channel, Object peer, long deadline) {
            this.channel = channel;
            this.peer = peer;
            this.deadline = deadline;
        }
    }

    /**
     * Binds at once, so that a port conflict fails the caller.
     *
     * @param exchange given the records a caller sent, returns the records to answer with; must not block
     */
    public JoinListener(InetSocketAddress bind, UnaryOperator<List<ServerRecord>> exchange) throws IOException {
        this.exchange = exchange;
        server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(bind, 128);
            server.configureBlocking(false);
            selector = Selector.open();
            acceptKey = server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        thread = Threads.named("cairn-raft-join").newThread(this::serve);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("The join listener thread ended", e));
        thread.start();
    }

    public int port() {
        return server.socket().getLocalPort();
    }

    /** Connections open now (for tests: descriptors are released). */
    int openConnections() {
        return openCount;
    }

    private void serve() {
        while (!closed) {
            try {
                selector.select(this::ready, waitMillis());
                expire();
            } catch (Throwable e) {
                if (closed) {
                    return;
                }
                // Not one connection's failure (those are handled below): keep serving, but do not spin.
                LOG.error("The join listener failed; it keeps accepting", e);
                sleepQuietly();
            }
        }
    }

    /** Until the oldest exchange's deadline or the end of an accept pause; 0 waits for traffic only. */
    private long waitMillis() {
        long now = System.nanoTime();
        long until = Long.MAX_VALUE;
        if (!open.isEmpty()) {
            until = open.iterator().next().deadline - now;
        }
        if (acceptPaused) {
            until = Math.min(until, acceptPausedUntil - now);
        }
        return until == Long.MAX_VALUE ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(until) + 1);
    }

    private void ready(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key == acceptKey) {
            accept();
            return;
        }
        Exchange ex = (Exchange) key.attachment();
        try {
            if (key.isReadable()) {
                read(key, ex);
            } else if (key.isWritable()) {
                write(ex);
            }
        } catch (IOException e) {
            drop(ex, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.error("Serving a join exchange from {} failed", ex.peer, e);
            close(ex);
        }
    }

    private void accept() {
        // a bounded batch, so that a flood of connections cannot keep this thread from the open ones
        for (int batch = 0; batch < MAX_CONNECTIONS; batch++) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("The join listener cannot accept connections ({}); retrying shortly", e.toString());
                    acceptKey.interestOps(0);
                    acceptPaused = true;
                    acceptPausedUntil = System.nanoTime() + ACCEPT_PAUSE_NANOS;
                }
                return;
            }
            if (channel == null) {
                return;
            }
            Object peer = peer(channel);
            if (open.size() >= MAX_CONNECTIONS) {
                closeQuietly(channel);
                refusals.refused(peer, MAX_CONNECTIONS + " join connections are open already");
                continue;
            }
            try {
                channel.configureBlocking(false);
                Exchange ex = new Exchange(channel, peer, System.nanoTime() + EXCHANGE_NANOS);
                channel.register(selector, SelectionKey.OP_READ, ex);
                open.add(ex);
                openCount = open.size();
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                LOG.debug("Setting up a join connection from {} failed", peer, e);
            }
        }
    }

    private void read(SelectionKey key, Exchange ex) throws IOException {
        readBuffer.clear();
        int n = ex.channel.read(readBuffer);
        if (n < 0) {
            if (ex.received == 0) {
                LOG.debug("Join connection from {} closed without a message (a port probe?)", ex.peer);
                close(ex);
                return;
            }
            throw new IOException("closed the connection before its join message was complete");
        }
        ex.received += n;
        if (ex.request.append(readBuffer.array(), 0, n)) {
            ex.answer = ByteBuffer.wrap(JoinProtocol.encode(exchange.apply(ex.request.records())));
            key.interestOps(SelectionKey.OP_WRITE);
            write(ex);
        }
    }

    private void write(Exchange ex) throws IOException {
        ex.channel.write(ex.answer);
        if (!ex.answer.hasRemaining()) {
            close(ex);
        }
    }

    /** Cuts off the exchanges past their deadline and ends an accept pause that is over. */
    private void expire() {
        long now = System.nanoTime();
        List<Exchange> late = new ArrayList<>();
        for (Iterator<Exchange> it = open.iterator(); it.hasNext();) {
            Exchange ex = it.next();
            if (ex.deadline - now > 0) {
                break;
            }
            late.add(ex);
        }
        late.forEach(ex -> drop(ex, "not done within " + JoinProtocol.EXCHANGE_MILLIS + " ms"));
        if (acceptPaused && acceptPausedUntil - now <= 0 && !closed) {
            acceptPaused = false;
            acceptKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    private void drop(Exchange ex, String reason) {
        close(ex);
        refusals.refused(ex.peer, reason);
    }

    private void close(Exchange ex) {
        open.remove(ex);
        openCount = open.size();
        closeQuietly(ex.channel);
    }

    private static Object peer(SocketChannel channel) {
        try {
            return channel.getRemoteAddress();
        } catch (IOException e) {
            return "an unknown peer";
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("Closing a join connection failed", e);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            // Only close() ends this thread, through the closed flag; a kept interrupt would make select spin.
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        selector.wakeup();
        thread.join(5000);
        closeQuietly(server);
        closeQuietly(selector);
        // the thread has ended (or is stuck, and then this is the best we can do): no one else touches the set
        new ArrayList<>(open).forEach(this::close);
    }
}
