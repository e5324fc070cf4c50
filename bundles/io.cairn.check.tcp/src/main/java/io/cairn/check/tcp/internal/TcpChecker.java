package io.cairn.check.tcp.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cairn.health.api.CheckResult;

/**
 * Consul's TCP check: passing when a connection to {@code host:port} opens within the timeout, critical with the
 * reason otherwise. Connects asynchronously; the connection is closed right away.
 */
final class TcpChecker {

    /** A {@code host:port} (IPv6 hosts in brackets), as Go's {@code net.SplitHostPort} reads it. */
    record Target(String host, int port) {

        static Target parse(String address) {
            int colon = address.lastIndexOf(':');
            String host = colon < 0 ? "" : address.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                int port = Integer.parseInt(address.substring(colon + 1));
                if (!host.isEmpty() && port > 0 && port < 65536) {
                    return new Target(host, port);
                }
            } catch (NumberFormatException e) {
                // Reported below with the accepted form.
            }
            throw new IllegalArgumentException("TCP must be host:port (e.g. localhost:5432 or [::1]:22), got \""
                    + address + "\"");
        }
    }

    CompletableFuture<CheckResult> run(String address, Duration timeout) {
        String prefix = "TCP connect " + address + ": ";
        CompletableFuture<Void> connected;
        try {
            Target target = Target.parse(address);
            // Name lookup may block, so it does not happen on the engine's thread.
            connected = CompletableFuture.supplyAsync(() -> new InetSocketAddress(target.host(), target.port()))
                    .thenCompose(resolved -> connect(resolved, timeout));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(CheckResult.critical(prefix + e.getMessage()));
        }
        return connected.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .handle((done, failure) -> failure == null ? CheckResult.passing(prefix + "Success")
                        : CheckResult.critical(prefix + describe(failure, timeout)));
    }

    private static CompletableFuture<Void> connect(InetSocketAddress address, Duration timeout) {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        if (address.isUnresolved()) {
            connected.completeExceptionally(new IOException("no such host " + address.getHostString()));
            return connected;
        }
        AsynchronousSocketChannel channel;
        try {
            channel = AsynchronousSocketChannel.open();
        } catch (IOException e) {
            connected.completeExceptionally(e);
            return connected;
        }
        channel.connect(address, null, new CompletionHandler<Void, Void>() {
            @Override
            public void completed(Void result, Void attachment) {
                connected.complete(null);
            }

            @Override
            public void failed(Throwable failure, Void attachment) {
                connected.completeExceptionally(failure);
            }
        });
        // Whatever the outcome (success, refusal, timeout, cancellation), the socket is not needed any more.
        connected.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((done, failure) -> close(channel));
        return connected;
    }

    private static void close(AsynchronousSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a probe socket cannot fail in a way that matters to the check.
        }
    }

    private static String describe(Throwable failure, Duration timeout) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return "i/o timeout after " + timeout.toMillis() + " ms";
        }
        String message = cause.getMessage();
        if (cause instanceof ConnectException) {
            return message == null || message.isBlank() ? "connection refused" : message.toLowerCase(Locale.ROOT);
        }
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
