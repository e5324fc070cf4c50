package io.cairn.check.grpc.internal;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.cairn.health.api.CheckResult;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.frames.DataFrame;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Consul's gRPC check: calls {@code grpc.health.v1.Health/Check} for the target's service over a new HTTP/2
 * connection (TLS with ALPN when asked); {@code SERVING} is passing with output
 * {@code gRPC check <target>: success}, anything else critical with Go gRPC's wording, e.g.
 * {@code gRPC <target> serving status: NOT_SERVING} or {@code rpc error: code = NotFound desc = unknown service}.
 *
 * <p>Everything is asynchronous on Jetty's HTTP/2 client, whose few threads this checker owns.
 */
final class GrpcChecker implements AutoCloseable {

    /** A health response is a few bytes; anything much bigger is not one. */
    private static final int MAX_RESPONSE = 64 * 1024;

    private final HTTP2Client client = new HTTP2Client();
    private final SslContextFactory.Client verifying = new SslContextFactory.Client();
    /** For {@code TLSSkipVerify}; made on first use, since Jetty logs a warning when it is made. */
    private SslContextFactory.Client trustingAll;
    private final QueuedThreadPool threads = new QueuedThreadPool(8, 1);
    /**
     * The client starts with the first check: starting it sets up TLS (reading the JDK's trusted certificates,
     * about a third of a second of CPU), which an agent without gRPC checks, or one still booting, need not pay.
     */
    private boolean started;
    private boolean closed;

    GrpcChecker() {
        threads.setName("cairn-check-grpc");
        threads.setDaemon(true);
        client.setExecutor(threads);
        client.setSelectors(1);
        client.addBean(verifying);
    }

    /**
     * Runs one check.
     *
     * @param tlsServerName the name to expect in the server's certificate (and to send as SNI), {@code ""} for
     *                      the target's host
     */
    CompletableFuture<CheckResult> run(String target, boolean useTls, boolean skipVerify, String tlsServerName,
            Duration timeout) {
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        GrpcTarget parsed;
        try {
            parsed = GrpcTarget.parse(target);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(CheckResult.critical(e.getMessage()));
        }
        try {
            start();
        } catch (IllegalStateException e) {
            return CompletableFuture.completedFuture(CheckResult.critical(e.getMessage()));
        }
        AtomicReference<Session> session = new AtomicReference<>();
        // However the run ends (answer, failure, timeout, cancellation), its connection goes.
        result.whenComplete((done, failure) -> close(session.getAndSet(null)));
        result.completeOnTimeout(CheckResult.critical("rpc error: code = DeadlineExceeded desc = context deadline"
                + " exceeded"), timeout.toNanos(), TimeUnit.NANOSECONDS);
        // Name lookup may block, so it happens on the client's threads, not the caller's.
        CompletableFuture.supplyAsync(() -> address(parsed, tlsServerName), threads)
                .thenCompose(address -> connect(useTls ? (skipVerify ? trustingAll() : verifying) : null, address))
                .thenCompose(connected -> {
                    session.set(connected);
                    if (result.isDone()) {
                        close(session.getAndSet(null));
                    }
                    return call(connected, parsed, useTls, timeout, target, result);
                })
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        result.complete(CheckResult.critical("rpc error: code = Unavailable desc = connection error: "
                                + describe(failure)));
                    }
                });
        return result;
    }

    private synchronized void start() {
        if (closed) {
            throw new IllegalStateException("gRPC checks are stopping");
        }
        if (!started) {
            try {
                client.start();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the HTTP/2 client for gRPC checks: " + e, e);
            }
            started = true;
        }
    }

    private synchronized SslContextFactory.Client trustingAll() {
        if (trustingAll == null) {
            SslContextFactory.Client factory = new SslContextFactory.Client(true);
            factory.setEndpointIdentificationAlgorithm(null);
            try {
                factory.start();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot set up TLS for gRPC checks", e);
            }
            client.addBean(factory, true); // Stopped with the client.
            trustingAll = factory;
        }
        return trustingAll;
    }

    private CompletableFuture<Session> connect(SslContextFactory.Client tls, InetSocketAddress address) {
        // Jetty finds its ALPN implementation with ServiceLoader through the context class loader; in OSGi only
        // this bundle's loader sees the embedded one.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(GrpcChecker.class.getClassLoader());
        try {
            return client.connect(tls, address, new Session.Listener() { });
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static InetSocketAddress address(GrpcTarget target, String tlsServerName) {
        try {
            InetAddress resolved = InetAddress.getByName(target.host());
            // Jetty takes the TLS peer name (SNI, certificate check) from the address's host name.
            InetAddress named = tlsServerName.isEmpty() ? resolved
                    : InetAddress.getByAddress(tlsServerName, resolved.getAddress());
            return new InetSocketAddress(named, target.port());
        } catch (UnknownHostException e) {
            throw new CompletionException(new UnknownHostException("no such host " + target.host()));
        }
    }

    private static CompletableFuture<Stream> call(Session session, GrpcTarget target, boolean useTls,
            Duration timeout, String checkTarget, CompletableFuture<CheckResult> result) {
        HttpFields.Mutable fields = HttpFields.build()
                .put("content-type", "application/grpc")
                .put("te", "trailers")
                .put("user-agent", "Consul Health Check")
                .put("grpc-timeout", Math.max(1, timeout.toMillis()) + "m");
        MetaData.Request request = new MetaData.Request("POST",
                HttpURI.from(useTls ? "https" : "http", target.host(), target.port(), HealthProtocol.PATH),
                HttpVersion.HTTP_2, fields);
        return session.newStream(new HeadersFrame(request, null, false), new ResponseListener(checkTarget, result))
                .thenCompose(stream -> stream.data(
                        new DataFrame(stream.getId(), HealthProtocol.request(target.service()), true)));
    }

    /** Collects the response's headers, message and trailers, and turns them into the check's result. */
    private static final class ResponseListener implements Stream.Listener {
        private final String target;
        private final CompletableFuture<CheckResult> result;
        private final ByteArrayOutputStream message = new ByteArrayOutputStream();
        private int httpStatus;

        ResponseListener(String target, CompletableFuture<CheckResult> result) {
            this.target = target;
            this.result = result;
        }

        @Override
        public void onHeaders(Stream stream, HeadersFrame frame) {
            MetaData metaData = frame.getMetaData();
            if (metaData instanceof MetaData.Response response) {
                httpStatus = response.getStatus();
            }
            if (frame.isEndStream()) {
                // Trailers, or a trailers-only response (how servers answer with an error status).
                finish(metaData.getHttpFields());
            } else {
                stream.demand();
            }
        }

        @Override
        public void onDataAvailable(Stream stream) {
            Stream.Data data = stream.readData();
            if (data == null) {
                stream.demand();
                return;
            }
            ByteBuffer bytes = data.frame().getByteBuffer();
            if (message.size() + bytes.remaining() > MAX_RESPONSE) {
                data.release();
                fail("Internal", "response larger than " + MAX_RESPONSE + " bytes");
                stream.reset(new ResetFrame(stream.getId(), ErrorCode.CANCEL_STREAM_ERROR.code), Callback.NOOP);
                return;
            }
            byte[] chunk = new byte[bytes.remaining()];
            bytes.get(chunk);
            message.writeBytes(chunk);
            boolean last = data.frame().isEndStream();
            data.release();
            if (last) {
                fail("Internal", "server closed the stream without sending trailers");
            } else {
                stream.demand();
            }
        }

        @Override
        public void onReset(Stream stream, ResetFrame frame, Callback callback) {
            ErrorCode code = ErrorCode.from(frame.getError());
            fail("Unavailable", "stream terminated by RST_STREAM with error code: "
                    + (code == null ? String.valueOf(frame.getError()) : code.name()));
            callback.succeeded();
        }

        @Override
        public void onFailure(Stream stream, int error, String reason, Throwable failure, Callback callback) {
            fail("Unavailable", failure == null ? reason : describe(failure));
            callback.succeeded();
        }

        private void finish(HttpFields trailers) {
            if (httpStatus != 200) {
                String name = HealthProtocol.codeName(HealthProtocol.codeForHttpStatus(httpStatus));
                fail(name, "unexpected HTTP status code received from server: " + httpStatus);
                return;
            }
            String status = trailers.get("grpc-status");
            if (status == null) {
                fail("Internal", "server closed the stream without sending a gRPC status");
                return;
            }
            int code;
            try {
                code = Integer.parseInt(status.trim());
            } catch (NumberFormatException e) {
                fail("Internal", "malformed grpc-status: " + status);
                return;
            }
            if (code != 0) {
                String description = trailers.get("grpc-message");
                fail(HealthProtocol.codeName(code),
                        description == null ? "" : HealthProtocol.decodeMessage(description));
                return;
            }
            try {
                String serving = HealthProtocol.servingStatus(message.toByteArray());
                result.complete("SERVING".equals(serving) ? CheckResult.passing("gRPC check " + target + ": success")
                        : CheckResult.critical("gRPC " + target + " serving status: " + serving));
            } catch (IllegalArgumentException e) {
                fail("Internal", e.getMessage());
            }
        }

        private void fail(String code, String description) {
            result.complete(CheckResult.critical("rpc error: code = " + code + " desc = " + description));
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        return cause instanceof ConnectException ? message.toLowerCase(Locale.ROOT) : message;
    }

    private static void close(Session session) {
        if (session != null) {
            session.close(ErrorCode.NO_ERROR.code, "", Callback.NOOP);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (!started) {
            return;
        }
        try {
            client.stop();
        } catch (Exception e) {
            // Stopping releases threads and connections; a failure leaves nothing more to do.
        }
    }
}
