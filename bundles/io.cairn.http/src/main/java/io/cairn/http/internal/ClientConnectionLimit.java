package io.cairn.http.internal;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;

/**
 * Consul's {@code limits.http_max_conns_per_client}: how many connections one client address may hold open at once
 * (0 for no limit). A connection over the limit is answered {@code 429} with Consul's text and closed at once,
 * before anything of it is read, as Consul does.
 */
final class ClientConnectionLimit {
    /** Consul's default. */
    static final int DEFAULT_MAX_CONNS_PER_CLIENT = 200;
    static final String TOO_MANY = "Your IP is issuing too many concurrent connections, please rate limit your calls\n";
    private static final byte[] TOO_MANY_RESPONSE = ("HTTP/1.1 429 Too Many Requests\r\n"
            + "Content-Type: text/plain\r\n"
            + "Content-Length: " + TOO_MANY.length() + "\r\n"
            + "Connection: close\r\n\r\n" + TOO_MANY).getBytes(StandardCharsets.US_ASCII);
    /** How long a refused client may take to accept the few bytes of the refusal. */
    private static final long REFUSAL_WRITE_MILLIS = TimeUnit.SECONDS.toMillis(1);

    private final int max;
    private final HttpMetrics metrics;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    ClientConnectionLimit(int max, HttpMetrics metrics) {
        if (max < 0) {
            throw new IllegalArgumentException("http_max_conns_per_client cannot be negative, got " + max);
        }
        this.max = max;
        this.metrics = metrics;
    }

    /**
     * Counts a new connection from {@code client} against its limit; false, and not counted, when the client holds
     * as many as it may. Every connection counted must be {@linkplain #release released} when it closes.
     */
    boolean tryAcquire(InetAddress client) {
        if (max == 0 || client == null) {
            return true;
        }
        boolean[] admitted = {false};
        open.compute(client, (ip, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        return admitted[0];
    }

    void release(InetAddress client) {
        if (max == 0 || client == null) {
            return;
        }
        open.computeIfPresent(client, (ip, count) -> count <= 1 ? null : count - 1);
    }

    /** Connections {@code client} holds now. */
    int open(InetAddress client) {
        return open.getOrDefault(client, 0);
    }

    /** The connection that answers a client over its limit: writes the 429 and closes. */
    Connection refusal(EndPoint endPoint, Executor executor) {
        metrics.connectionRefused();
        return new Refusal(endPoint, executor);
    }

    private static final class Refusal extends AbstractConnection {
        Refusal(EndPoint endPoint, Executor executor) {
            super(endPoint, executor);
        }

        @Override
        public void onOpen() {
            super.onOpen();
            getEndPoint().setIdleTimeout(REFUSAL_WRITE_MILLIS);
            getEndPoint().write(Callback.from(this::close, failure -> close()), ByteBuffer.wrap(TOO_MANY_RESPONSE));
        }

        @Override
        public void onFillable() {
            // never reads
        }
    }
}
