package io.cairn.dns.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.tcp.BoundedTcpListener;
import io.cairn.tcp.ListenerSettings;
import io.cairn.tcp.ListenerSettings.Conversation;
import io.cairn.tcp.ListenerSettings.WhenFull;
import io.cairn.tcp.Protocol;

/**
 * DNS over TCP (RFC 7766): length-prefixed questions, several per connection, answered one after the other, on a
 * {@link BoundedTcpListener}: a slow client holds a connection but never the thread. Each question must arrive
 * whole within {@link #MESSAGE_MILLIS} of the connection opening or of the previous answer, and each answer must
 * be taken within as long. At most {@link #MAX_CONNECTIONS} are open; a new one beyond that closes the connection
 * that has waited longest for its question, so slow clients cannot keep others out. Questions are answered on a
 * small pool of their own (a forwarded question waits for a recursor), apart from the UDP one.
 */
final class TcpDnsListener implements AutoCloseable {

    static final int MAX_CONNECTIONS = 256;
    static final int MESSAGE_MILLIS = 5_000;
    /** Enough for questions forwarded to a slow recursor not to hold up the catalog's own answers for long. */
    private static final int ANSWER_THREADS = 8;
    private static final ListenerSettings SETTINGS = new ListenerSettings("DNS TCP listener", "cairn-dns-tcp",
            MAX_CONNECTIONS, WhenFull.CLOSE_LONGEST_WAITING, MESSAGE_MILLIS, Conversation.REQUESTS_IN_TURN);
    private static final Logger LOG = LoggerFactory.getLogger(TcpDnsListener.class);

    private final ThreadPoolExecutor answering;
    private final BoundedTcpListener<TcpDnsFrame> listener;

    TcpDnsListener(InetSocketAddress address, DnsServer.Handler handler) throws IOException {
        // at most one question per connection is in flight, so the queue can never overflow while open
        answering = new ThreadPoolExecutor(ANSWER_THREADS, ANSWER_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MAX_CONNECTIONS),
                r -> DnsServer.daemon(r, "cairn-dns-tcp-answer"));
        answering.allowCoreThreadTimeOut(true);
        try {
            listener = new BoundedTcpListener<>(address, SETTINGS, new Protocol<>() {
                @Override
                public TcpDnsFrame newRequest() {
                    return new TcpDnsFrame();
                }

                @Override
                public CompletionStage<Optional<ByteBuffer>> answer(TcpDnsFrame question) {
                    byte[] query = question.message();
                    try {
                        // the responder may wait for a recursor; a failure (an Error too) is the listener's to log
                        return CompletableFuture.supplyAsync(
                                () -> handler.respond(query, true).map(TcpDnsFrame::framed), answering);
                    } catch (RejectedExecutionException closing) {
                        return CompletableFuture.completedFuture(Optional.empty());
                    }
                }
            }, LOG);
        } catch (IOException | RuntimeException e) {
            answering.shutdownNow();
            throw e;
        }
    }

    int port() {
        return listener.port();
    }

    /** Connections open now (for tests: descriptors are released). */
    int openConnections() {
        return listener.openConnections();
    }

    @Override
    public void close() {
        listener.close();
        answering.shutdownNow();
    }
}
