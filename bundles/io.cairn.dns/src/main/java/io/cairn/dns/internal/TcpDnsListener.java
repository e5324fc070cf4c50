package io.cairn.dns.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS over TCP (RFC 7766): length-prefixed questions, several per connection, answered one after the other.
 * One thread reads and writes every connection without blocking on any, so a client that trickles its bytes
 * holds a connection but never the thread. Each question must arrive whole within {@link #MESSAGE_MILLIS} of the
 * connection opening or of the previous answer, and each answer must be taken within as long: a total per
 * message, not an idle timer that each byte restarts. At most {@link #MAX_CONNECTIONS} are open; a new one
 * beyond that closes the connection that has waited longest for its question, so slow clients cannot keep
 * others out. Questions are answered on a small pool of their own (a forwarded question waits for a recursor),
 * apart from the UDP one.
 */
final class TcpDnsListener implements AutoCloseable {

    static final int MAX_CONNECTIONS = 256;
    static final int MESSAGE_MILLIS = 5_000;
    private static final long MESSAGE_NANOS = TimeUnit.MILLISECONDS.toNanos(MESSAGE_MILLIS);
    /** Enough for questions forwarded to a slow recursor not to hold up the catalog's own answers for long. */
    private static final int ANSWER_THREADS = 8;
    private static final long ACCEPT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Logger LOG = LoggerFactory.getLogger(TcpDnsListener.class);

    private enum State { READING, ANSWERING, WRITING }

    /** One client connection and the message under way on it. */
    private static final class Connection {
        final SocketChannel channel;
        final SelectionKey key;
        final Object peer;
        final ByteBuffer prefix = ByteBuffer.allocate(2);
        ByteBuffer message;
        ByteBuffer answer;
        State state = State.READING;
        long deadline;

        Connection(SocketChannel channel, SelectionKey key, Object peer, long deadline) {
            this.channel = channel;
            this.key = key;
            this.peer = peer;
            this.deadline = deadline;
        }

        boolean midMessage() {
            return state == State.WRITING || prefix.position() > 0;
        }
    }

    private final DnsServer.Handler handler;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final SelectionKey acceptKey;
    private final ThreadPoolExecutor answering;
    private final Set<Connection> open = new HashSet<>();
    /** Answers coming back from the pool, applied on the listener thread. */
    private final Queue<Runnable> answered = new ConcurrentLinkedQueue<>();
    private final RefusalLog refusals = new RefusalLog(LOG, "DNS TCP listener", System::nanoTime);
    private final Thread thread;
    private volatile boolean closed;
    private volatile int openCount;
    private boolean acceptPaused;
    private long acceptPausedUntil;

    TcpDnsListener(InetSocketAddress address, DnsServer.Handler handler) throws IOException {
        this.handler = handler;
        server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address, 128);
            server.configureBlocking(false);
            selector = Selector.open();
            acceptKey = server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        // at most one question per connection is in flight, so the queue can never overflow while open
        answering = new ThreadPoolExecutor(ANSWER_THREADS, ANSWER_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MAX_CONNECTIONS),
                r -> DnsServer.daemon(r, "cairn-dns-tcp-answer"));
        answering.allowCoreThreadTimeOut(true);
        thread = DnsServer.daemon(this::serve, "cairn-dns-tcp");
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("The DNS TCP listener thread ended", e));
        thread.start();
    }

    int port() {
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
                for (Runnable r = answered.poll(); r != null; r = answered.poll()) {
                    r.run();
                }
                expire();
            } catch (Throwable e) {
                if (closed) {
                    return;
                }
                // Not one connection's failure (those are handled where they happen): keep serving, without spinning.
                LOG.error("The DNS TCP listener failed; it keeps accepting", e);
                pause();
            }
        }
    }

    private long waitMillis() {
        long now = System.nanoTime();
        long until = acceptPaused ? acceptPausedUntil - now : Long.MAX_VALUE;
        for (Connection c : open) {
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
        Connection c = (Connection) key.attachment();
        try {
            if (c.state == State.READING && key.isReadable()) {
                read(c);
            } else if (c.state == State.WRITING && key.isWritable()) {
                write(c);
            }
        } catch (IOException e) {
            drop(c, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.error("Serving DNS over TCP to {} failed", c.peer, e);
            close(c);
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
                    LOG.warn("The DNS TCP listener cannot accept connections ({}); retrying shortly", e.toString());
                    acceptKey.interestOps(0);
                    acceptPaused = true;
                    acceptPausedUntil = System.nanoTime() + ACCEPT_PAUSE_NANOS;
                }
                return;
            }
            if (channel == null) {
                return;
            }
            if (open.size() >= MAX_CONNECTIONS && !evictLongestWaiting()) {
                closeQuietly(channel);
                refusals.refused(peer(channel), MAX_CONNECTIONS + " connections are busy with answers");
                continue;
            }
            try {
                channel.configureBlocking(false);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                Connection c = new Connection(channel, key, peer(channel), System.nanoTime() + MESSAGE_NANOS);
                key.attach(c);
                open.add(c);
                openCount = open.size();
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                LOG.debug("Setting up a DNS TCP connection failed", e);
            }
        }
    }

    /** Closes the reading connection closest to its deadline to make room; false if all are being answered. */
    private boolean evictLongestWaiting() {
        Connection oldest = null;
        for (Connection c : open) {
            if (c.state == State.READING && (oldest == null || c.deadline - oldest.deadline < 0)) {
                oldest = c;
            }
        }
        if (oldest == null) {
            return false;
        }
        drop(oldest, "closed to make room: " + MAX_CONNECTIONS + " connections were open");
        return true;
    }

    private void read(Connection c) throws IOException {
        if (c.prefix.hasRemaining()) {
            if (c.channel.read(c.prefix) < 0) {
                if (c.prefix.position() == 0) {
                    close(c); // a client closing after its last question: the usual end
                    return;
                }
                throw new IOException("closed the connection in the middle of a DNS message");
            }
            if (c.prefix.hasRemaining()) {
                return;
            }
            int length = c.prefix.getShort(0) & 0xffff;
            if (length == 0) {
                throw new IOException("sent a DNS message of length 0");
            }
            c.message = ByteBuffer.allocate(length);
        }
        if (c.channel.read(c.message) < 0) {
            throw new IOException("closed the connection in the middle of a DNS message");
        }
        if (c.message.hasRemaining()) {
            return;
        }
        byte[] query = c.message.array();
        c.state = State.ANSWERING;
        c.key.interestOps(0);
        try {
            answering.execute(() -> answer(c, query));
        } catch (RejectedExecutionException e) {
            close(c);
        }
    }

    /** On the pool: the responder may wait for a recursor. */
    private void answer(Connection c, byte[] query) {
        Optional<byte[]> response;
        try {
            response = handler.respond(query, true);
        } catch (RuntimeException | Error e) {
            LOG.error("Answering a DNS question over TCP from {} failed", c.peer, e);
            response = Optional.empty();
        }
        Optional<byte[]> result = response;
        answered.add(() -> send(c, result));
        selector.wakeup();
    }

    private void send(Connection c, Optional<byte[]> response) {
        if (!open.contains(c)) {
            return;
        }
        if (response.isEmpty()) {
            close(c);
            return;
        }
        byte[] wire = response.get();
        try {
            c.answer = ByteBuffer.allocate(2 + wire.length).putShort((short) wire.length).put(wire).flip();
            c.state = State.WRITING;
            c.deadline = System.nanoTime() + MESSAGE_NANOS;
            c.key.interestOps(SelectionKey.OP_WRITE);
            write(c);
        } catch (IOException e) {
            drop(c, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.error("Sending a DNS answer over TCP to {} failed", c.peer, e);
            close(c);
        }
    }

    private void write(Connection c) throws IOException {
        c.channel.write(c.answer);
        if (c.answer.hasRemaining()) {
            return;
        }
        c.answer = null;
        c.message = null;
        c.prefix.clear();
        c.state = State.READING;
        c.deadline = System.nanoTime() + MESSAGE_NANOS;
        c.key.interestOps(SelectionKey.OP_READ);
    }

    /** Ends connections past their deadline, and an accept pause that is over. */
    private void expire() {
        long now = System.nanoTime();
        List<Connection> late = new ArrayList<>();
        for (Connection c : open) {
            if (c.state != State.ANSWERING && c.deadline - now <= 0) {
                late.add(c);
            }
        }
        for (Connection c : late) {
            if (c.midMessage()) {
                drop(c, "its message was not " + (c.state == State.WRITING ? "taken" : "complete") + " within "
                        + MESSAGE_MILLIS + " ms");
            } else {
                close(c); // idle between questions: the usual end of a kept-open connection
            }
        }
        if (acceptPaused && acceptPausedUntil - now <= 0 && !closed) {
            acceptPaused = false;
            acceptKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    private void drop(Connection c, String reason) {
        close(c);
        refusals.refused(c.peer, reason);
    }

    private void close(Connection c) {
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

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("Closing a DNS TCP socket failed", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            // Only close() ends this thread, through the closed flag; a kept interrupt would make select spin.
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answering.shutdownNow();
        closeQuietly(server);
        closeQuietly(selector);
        new ArrayList<>(open).forEach(this::close);
    }
}
