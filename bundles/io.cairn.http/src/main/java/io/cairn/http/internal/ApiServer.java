package io.cairn.http.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import io.cairn.acl.api.AclResolver;
import io.cairn.raft.api.RaftService;

/**
 * The HTTP server: Jetty core with gzip in front of the {@link ApiHandler}, one pool for answers and one timer
 * thread shared by all waiting blocking queries and bodies on their way. Jetty's own error answers are plain text
 * ({@link PlainTextErrors}); connections come from the {@link ApiConnectionFactory}, which enforces the
 * per-client connection limit (counted across both listeners) and the time limit on request headers. The plain
 * HTTP listener may be turned off ({@link #OFF}); an HTTPS listener, if any, serves the same API over TLS.
 */
final class ApiServer implements AutoCloseable {
    /** Above the longest blocking wait (10 min + 10/16 min jitter), so Jetty never cuts a waiting query. */
    static final long IDLE_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(11);
    /** The port of a listener turned off, as Consul's {@code ports} spell it. */
    static final int OFF = -1;

    /** An HTTPS listener: its port and its TLS. */
    record HttpsListener(int port, SslContextFactory.Server tls) {}

    private final Server server;
    private final ServerConnector connector;
    private final ServerConnector httpsConnector;
    private final ScheduledThreadPoolExecutor timer;
    private final ForkJoinPool answers;

    /**
     * @param started whether the agent has started; until then requests no route serves answer 503 (see
     *                {@link Dispatcher})
     */
    ApiServer(String host, int port, Router router, Supplier<RaftService> raft, BooleanSupplier started,
            HttpMetrics metrics) {
        this(host, port, router, raft, started, metrics, ServerLimits.defaults());
    }

    ApiServer(String host, int port, Router router, Supplier<RaftService> raft, BooleanSupplier started,
            HttpMetrics metrics, ServerLimits limits) {
        this(host, port, null, router, raft, () -> AclsDisabled.RESOLVER, started, metrics, limits);
    }

    /**
     * @param port  the plain HTTP port, or {@link #OFF}
     * @param https the HTTPS listener, or {@code null} for none
     * @param acl   the agent's ACL resolver now, or {@code null} while there is none (requests then answer 503)
     */
    ApiServer(String host, int port, HttpsListener https, Router router, Supplier<RaftService> raft,
            Supplier<AclResolver> acl, BooleanSupplier started, HttpMetrics metrics, ServerLimits limits) {
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("cairn-http");
        server = new Server(pool);
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "cairn-http-blocking-timer");
            t.setDaemon(true);
            return t;
        });
        // Blocking queries mostly end by change, not timeout: drop their cancelled timeouts at once.
        timer.setRemoveOnCancelPolicy(true);
        // Answers are computed off Jetty's pool, on one worker per core: a write wakes thousands of blocking
        // queries at once, and handing each to a 200-thread pool made its threads fight over the job queue.
        answers = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), answerWorkers(), null, true);
        WaitTimer waitTimer = WaitTimer.on(timer);
        BlockingQuery blocking = new BlockingQuery(waitTimer, answers,
                bound -> ThreadLocalRandom.current().nextLong(bound), metrics);
        Dispatcher dispatcher = new Dispatcher(router, raft, acl, started, blocking, new Json(), metrics);

        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        // KV keys may hold encoded slashes and dot segments; the Dispatcher decodes the raw path itself.
        config.setUriCompliance(UriCompliance.UNSAFE);
        // Consul takes URLs (KV keys) and headers up to Go's limit; Jetty's default is 8 KiB.
        config.setRequestHeaderSize(ServerLimits.MAX_HEADER_BYTES);
        ClientConnectionLimit perClient = new ClientConnectionLimit(limits.maxConnsPerClient(), metrics);
        connector = port == OFF ? null : listener(host, port,
                new ApiConnectionFactory(config, perClient, limits.headerTimeoutMillis()));
        httpsConnector = https == null ? null : listener(host, https.port(),
                new SslConnectionFactory(https.tls(), HttpVersion.HTTP_1_1.asString()),
                new ApiConnectionFactory(config, perClient, limits.headerTimeoutMillis()));
        server.setErrorHandler(new PlainTextErrors(ServerLimits.MAX_HEADER_BYTES));

        GzipHandler gzip = new GzipHandler(new ApiHandler(dispatcher, waitTimer,
                TimeUnit.MILLISECONDS.toNanos(limits.bodyTimeoutMillis()), metrics));
        gzip.setIncludedMethods("GET", "PUT", "POST", "DELETE");
        // A streamed body's chunks reach a gzip client as they are written; a body written at once is unchanged.
        gzip.setSyncFlush(true);
        server.setHandler(gzip);
    }

    void start() throws Exception {
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private ServerConnector listener(String host, int port, ConnectionFactory... factories) {
        ServerConnector listener = new ServerConnector(server, factories);
        listener.setHost(host);
        listener.setPort(port);
        listener.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        listener.setAcceptQueueSize(ListenBacklog.systemMaximum());
        server.addConnector(listener);
        return listener;
    }

    /** The plain HTTP port actually bound (useful when configured as 0), or {@link #OFF}. */
    int port() {
        return connector == null ? OFF : connector.getLocalPort();
    }

    /** The HTTPS port actually bound, or {@link #OFF} without an HTTPS listener. */
    int httpsPort() {
        return httpsConnector == null ? OFF : httpsConnector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            timer.shutdownNow();
            answers.shutdownNow();
        }
    }

    private static ForkJoinPool.ForkJoinWorkerThreadFactory answerWorkers() {
        return pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("cairn-http-answer-" + thread.getPoolIndex());
            thread.setDaemon(true);
            return thread;
        };
    }
}
