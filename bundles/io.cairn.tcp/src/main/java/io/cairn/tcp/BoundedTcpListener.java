package io.cairn.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;

import io.cairn.tcp.ListenerSettings.Conversation;
import io.cairn.tcp.ListenerSettings.WhenFull;

/**
 * Serves a {@link Protocol} on one TCP port with one thread that reads and writes every connection without
 * blocking on any, within the bounds of its {@link ListenerSettings}: at most so many connections, a total time
 * per message, and requests no larger than the protocol's {@link Frame} accepts. Whatever goes wrong with one
 * connection (an {@link Error} included) is logged and closes that connection only; the listener keeps accepting
 * until {@link #close}. When accepting itself fails (out of descriptors) it pauses briefly instead of spinning.
 *
 * @param <F> the protocol's frame
 */
public final class BoundedTcpListener<F extends Frame> implements AutoCloseable {

    private static final int BACKLOG = 128;
    /** How long accepting pauses after accept itself failed, and the listener after an unexpected failure. */
    private static final long PAUSE_MILLIS = 100;

    private enum State { READING, ANSWERING, WRITING }

    /** One client connection and the message under way on it. */
    private static final class Connection<F> {
        final SocketChannel channel;
        final Object peer;
        SelectionKey key;
        F request;
        /** Bytes of {@link #request} received so far: none means the connection waits between requests. */
        long requestBytes;
        int answered;
        ByteBuffer answer;
        State state = State.READING;
        long deadline;

        Connection(SocketChannel channel, Object peer, F request, long deadline) {
            this.channel = channel;
            this.peer = peer;
            this.request = request;
            this.deadline = deadline;
        }
    }

    /** A step on one connection, whose failure ends that connection only. */
    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    private final ListenerSettings settings;
    private final Protocol<F> protocol;
    private final Logger log;
    private final long messageNanos;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final SelectionKey acceptKey;
    private final Set<Connection<F>> open = new LinkedHashSet<>();
    /** Answers completed on other threads, applied on the listener's thread. */
    private final Queue<Runnable> answered = new ConcurrentLinkedQueue<>();
    private final RefusalLog refusals;
    private final Thread thread;
    private volatile boolean closed;
    /** {@code open.size()}, readable from other threads. */
    private volatile int openCount;
    private boolean acceptPaused;
    private long acceptPausedUntil;

    /**
     * Binds at once, so that a port conflict fails the caller, and starts serving.
     *
     * @param log where the listener logs, under the caller's name so that its log level is the caller's
     */
    public BoundedTcpListener(InetSocketAddress bind, ListenerSettings settings, Protocol<F> protocol, Logger log)
            throws IOException {
        this.settings = settings;
        this.protocol = protocol;
        this.log = log;
        this.messageNanos = TimeUnit.MILLISECONDS.toNanos(settings.messageMillis());
        this.refusals = new RefusalLog(log, settings.name(), System::nanoTime);
        server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(bind, BACKLOG);
            server.configureBlocking(false);
            selector = Selector.open();
            acceptKey = server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        thread = new Thread(this::serve, settings.threadName());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> log.error("The {} thread ended", settings.name(), e));
        thread.start();
    }

    /** The port bound (useful when asked for port 0). */
    public int port() {
        return server.socket().getLocalPort();
    }

    /** Connections open now; for tests, that descriptors are released. */
    public int openConnections() {
        return openCount;
    }

    private void serve() {
        while (!closed) {
            try {
                selector.select(this::ready, waitMillis());
                for (Runnable r = answered.poll(); r != null; r = answered.poll()) {
                    r.run();
                }
                expire();
            } catch (Throwable e) {
                if (closed) {
                    return;
                }
                // Not one connection's failure (those are handled where they happen): keep serving, without spinning.
                log.error("The {} failed; it keeps accepting", settings.name(), e);
                pause();
            }
        }
    }

    /** Until the nearest deadline or the end of an accept pause; 0 waits for traffic only. */
    private long waitMillis() {
        long now = System.nanoTime();
        long until = acceptPaused ? acceptPausedUntil - now : Long.MAX_VALUE;
        for (Connection<F> c : open) {
            if (c.state != State.ANSWERING) {
                until = Math.min(until, c.deadline - now);
            }
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
        @SuppressWarnings("unchecked")
        Connection<F> c = (Connection<F>) key.attachment();
        step(c, () -> {
            if (c.state == State.READING && key.isReadable()) {
                read(c);
            } else if (c.state == State.WRITING && key.isWritable()) {
                write(c);
            }
        });
    }

    private void step(Connection<F> c, Step step) {
        try {
            step.run();
        } catch (IOException e) {
            drop(c, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (RuntimeException | Error e) {
            log.error("Serving a connection from {} on the {} failed", c.peer, settings.name(), e);
            close(c);
        }
    }

    private void accept() {
        // a bounded batch, so that a flood of connections cannot keep this thread from the open ones
        for (int batch = 0; batch < settings.maxConnections(); batch++) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("The {} cannot accept connections ({}); retrying shortly", settings.name(), e.toString());
                    acceptKey.interestOps(0);
                    acceptPaused = true;
                    acceptPausedUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS);
                }
                return;
            }
            if (channel == null) {
                return;
            }
            Object peer = peer(channel);
            if (open.size() >= settings.maxConnections() && !makeRoom()) {
                closeQuietly(channel);
                refusals.refused(peer, settings.maxConnections() + (settings.whenFull() == WhenFull.REFUSE_NEW
                        ? " connections are open already" : " connections are busy with answers"));
                continue;
            }
            try {
                channel.configureBlocking(false);
                Connection<F> c = new Connection<>(channel, peer, protocol.newRequest(), System.nanoTime() + messageNanos);
                c.key = channel.register(selector, SelectionKey.OP_READ, c);
                open.add(c);
                openCount = open.size();
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                log.debug("Setting up a connection from {} on the {} failed", peer, settings.name(), e);
            }
        }
    }

    /** Closes the waiting connection closest to its deadline, if the settings say so; false if none was closed. */
    private boolean makeRoom() {
        if (settings.whenFull() != WhenFull.CLOSE_LONGEST_WAITING) {
            return false;
        }
        Connection<F> oldest = null;
        for (Connection<F> c : open) {
            if (c.state == State.READING && (oldest == null || c.deadline - oldest.deadline < 0)) {
                oldest = c;
            }
        }
        if (oldest == null) {
            return false;
        }
        drop(oldest, "closed to make room: " + settings.maxConnections() + " connections were open");
        return true;
    }

    private void read(Connection<F> c) throws IOException {
        while (true) {
            ByteBuffer room = c.request.room();
            if (!room.hasRemaining()) {
                throw new IllegalStateException("The frame of an incomplete request has no room for more bytes");
            }
            int n = c.channel.read(room);
            if (n < 0) {
                if (c.requestBytes > 0) {
                    throw new IOException("closed the connection in the middle of a request");
                }
                if (c.answered == 0) {
                    log.debug("A connection from {} to the {} closed without a request (a port probe?)", c.peer,
                            settings.name());
                }
                close(c); // after its last request: the usual end
                return;
            }
            if (n == 0) {
                return;
            }
            c.requestBytes += n;
            if (c.request.received()) {
                answer(c);
                return;
            }
        }
    }

    private void answer(Connection<F> c) throws IOException {
        c.state = State.ANSWERING;
        c.key.interestOps(0);
        CompletableFuture<Optional<ByteBuffer>> answer = protocol.answer(c.request).toCompletableFuture();
        if (answer.isDone()) {
            send(c, answer);
            return;
        }
        answer.whenComplete((result, failure) -> {
            answered.add(() -> step(c, () -> send(c, answer)));
            selector.wakeup();
        });
    }

    private void send(Connection<F> c, CompletableFuture<Optional<ByteBuffer>> answer) throws IOException {
        if (!open.contains(c)) {
            return;
        }
        Optional<ByteBuffer> wire;
        try {
            wire = answer.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            log.error("Answering a request from {} on the {} failed", c.peer, settings.name(), cause);
            close(c);
            return;
        }
        if (wire.isEmpty()) {
            close(c);
            return;
        }
        c.answer = wire.get();
        c.state = State.WRITING;
        if (settings.conversation() == Conversation.REQUESTS_IN_TURN) {
            c.deadline = System.nanoTime() + messageNanos;
        }
        c.key.interestOps(SelectionKey.OP_WRITE);
        write(c);
    }

    private void write(Connection<F> c) throws IOException {
        c.channel.write(c.answer);
        if (c.answer.hasRemaining()) {
            return;
        }
        c.answer = null;
        c.answered++;
        if (settings.conversation() == Conversation.ONE_EXCHANGE) {
            close(c);
            return;
        }
        c.request = protocol.newRequest();
        c.requestBytes = 0;
        c.state = State.READING;
        c.deadline = System.nanoTime() + messageNanos;
        c.key.interestOps(SelectionKey.OP_READ);
    }

    /** Ends connections past their deadline, and an accept pause that is over. */
    private void expire() {
        long now = System.nanoTime();
        List<Connection<F>> late = new ArrayList<>();
        for (Connection<F> c : open) {
            if (c.state != State.ANSWERING && c.deadline - now <= 0) {
                late.add(c);
            }
        }
        for (Connection<F> c : late) {
            if (settings.conversation() == Conversation.REQUESTS_IN_TURN && c.state == State.READING
                    && c.requestBytes == 0) {
                close(c); // idle between requests: the usual end of a kept-open connection
            } else {
                drop(c, "its message was not " + (c.state == State.WRITING ? "taken" : "complete") + " within "
                        + settings.messageMillis() + " ms");
            }
        }
        if (acceptPaused && acceptPausedUntil - now <= 0 && !closed) {
            acceptPaused = false;
            acceptKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    private void drop(Connection<F> c, String reason) {
        close(c);
        refusals.refused(c.peer, reason);
    }

    private void close(Connection<F> c) {
        open.remove(c);
        openCount = open.size();
        closeQuietly(c.channel);
    }

    private static Object peer(SocketChannel channel) {
        try {
            return channel.getRemoteAddress();
        } catch (IOException e) {
            return "an unknown peer";
        }
    }

    private void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("Closing a socket of the {} failed", settings.name(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            // Only close() ends this thread, through the closed flag; a kept interrupt would make select spin.
        }
    }

    /** Stops accepting and closes every connection; answers still being computed are dropped. */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(server);
        closeQuietly(selector);
        // the thread has ended (or is stuck, and then this is the best we can do): no one else touches the set
        new ArrayList<>(open).forEach(this::close);
    }
}
