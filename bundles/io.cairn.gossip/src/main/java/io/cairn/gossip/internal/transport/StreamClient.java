package io.cairn.gossip.internal.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The requesting side of {@link NetTransport}'s stream exchanges: each runs on a bounded pool with a blocking
 * socket, and a watchdog closes the socket when the exchange's time is up, so connecting, writing and reading
 * together never take longer than the timeout the caller gave, whatever the peer does. At most
 * {@code maxExchanges} run at once and as many wait; beyond that an exchange fails at once.
 */
final class StreamClient implements AutoCloseable {

    private final InetSocketAddress self;
    private final int maxFrameBytes;
    private final int maxExchanges;
    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor watchdog;
    /** Exchanges not yet completed, failed on {@link #close}. */
    private final Set<Exchange> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** One exchange under way: its socket, its result, whether the watchdog ended it. */
    private static final class Exchange {
        final Socket socket = new Socket();
        final CompletableFuture<byte[]> result = new CompletableFuture<>();
        final AtomicBoolean timedOut = new AtomicBoolean();
        volatile ScheduledFuture<?> deadline;
    }

    /**
     * @param self          the address announced to the peer as this side's
     * @param maxFrameBytes the longest request sent and reply accepted
     * @param maxExchanges  how many exchanges may run at once (and how many may wait for a thread)
     */
    StreamClient(InetSocketAddress self, int maxFrameBytes, int maxExchanges) {
        this.self = self;
        this.maxFrameBytes = maxFrameBytes;
        this.maxExchanges = maxExchanges;
        pool = new ThreadPoolExecutor(maxExchanges, maxExchanges, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(maxExchanges), r -> NetTransport.daemon(r, "cairn-gossip-stream-client"));
        pool.allowCoreThreadTimeOut(true);
        watchdog = new ScheduledThreadPoolExecutor(1, r -> NetTransport.daemon(r, "cairn-gossip-stream-watchdog"));
        watchdog.setRemoveOnCancelPolicy(true);
    }

    CompletionStage<byte[]> exchange(InetSocketAddress to, byte[] request, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A stream exchange needs a positive timeout, not " + timeout);
        }
        if (request.length > maxFrameBytes) {
            return CompletableFuture.failedFuture(new IOException("a stream request of " + request.length
                    + " bytes is more than the limit of " + maxFrameBytes));
        }
        Exchange exchange = new Exchange();
        pending.add(exchange);
        if (closed) {
            fail(exchange, new IOException("the gossip transport is closed"));
            return exchange.result;
        }
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        try {
            exchange.deadline = watchdog.schedule(() -> {
                exchange.timedOut.set(true);
                closeQuietly(exchange.socket);
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            pool.execute(() -> run(exchange, to, request, timeout, deadlineNanos));
        } catch (RejectedExecutionException e) {
            fail(exchange, new IOException(closed ? "the gossip transport is closed"
                    : "too many gossip streams are under way (" + 2 * maxExchanges + "); " + to + " was not asked"));
        }
        return exchange.result;
    }

    private void run(Exchange exchange, InetSocketAddress to, byte[] request, Duration timeout, long deadline) {
        Socket socket = exchange.socket;
        try {
            long connectMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (connectMillis < 1 || exchange.timedOut.get()) {
                throw new IOException("waited too long for a thread");
            }
            socket.connect(to, (int) Math.min(connectMillis, Integer.MAX_VALUE));
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(StreamFraming.request(self, request));
            out.flush();
            byte[] reply = StreamFraming.readReply(socket.getInputStream(), maxFrameBytes);
            exchange.deadline.cancel(false);
            pending.remove(exchange);
            closeQuietly(socket);
            exchange.result.complete(reply);
        } catch (StreamClosedWithoutReplyException e) {
            fail(exchange, new StreamClosedWithoutReplyException(to + " closed the stream without a reply"));
        } catch (IOException | RuntimeException e) {
            fail(exchange, exchange.timedOut.get()
                    ? new IOException("no reply from " + to + " within " + timeout.toMillis() + " ms")
                    : new IOException("the stream exchange with " + to + " failed: " + e.getMessage(), e));
        }
    }

    private void fail(Exchange exchange, IOException failure) {
        ScheduledFuture<?> deadline = exchange.deadline;
        if (deadline != null) {
            deadline.cancel(false);
        }
        pending.remove(exchange);
        closeQuietly(exchange.socket);
        exchange.result.completeExceptionally(failure);
    }

    /** Ends every exchange under way (they fail) and the threads. */
    @Override
    public void close() {
        closed = true;
        pool.shutdownNow();
        watchdog.shutdownNow();
        for (Exchange exchange : pending) {
            fail(exchange, new IOException("the gossip transport is closed"));
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing to end the exchange: nothing more to do
        }
    }
}
