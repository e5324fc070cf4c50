package io.cairn.forward.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.cairn.agent.api.Member;
import io.cairn.agent.api.MemberStatus;

/**
 * A Cairn server's HTTP API on loopback, as far as a client agent sees it: it notes every request and answers
 * what the test says, when the test says (an answer may be a future the test completes later, as a server
 * holding a blocking query).
 */
final class FakeServer implements AutoCloseable {

    /** A request as it arrived. */
    record Received(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to answer. */
    record Reply(int status, Map<String, String> headers, byte[] body) {

        static Reply json(String json, long index) {
            return new Reply(200, Map.of("Content-Type", "application/json", "X-Consul-Index",
                    Long.toString(index)), json.getBytes(StandardCharsets.UTF_8));
        }

        static Reply text(int status, String text) {
            return new Reply(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
                    text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Function<Received, CompletableFuture<Reply>> answer =
            request -> CompletableFuture.completedFuture(Reply.json("[]", 1));

    FakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Answers every request from now on with what {@code answer} gives for it, once that completes. */
    FakeServer answering(Function<Received, CompletableFuture<Reply>> answer) {
        this.answer = answer;
        return this;
    }

    /** Answers every request from now on with {@code reply}. */
    FakeServer answering(Reply reply) {
        return answering(request -> CompletableFuture.completedFuture(reply));
    }

    /** The next request that arrived, waiting for it up to 10 s. */
    Received next() throws InterruptedException {
        Received request = received.poll(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request reached the server");
        }
        return request;
    }

    /** Whether no request arrived that {@link #next} has not returned. */
    boolean nothingReceived() {
        return received.isEmpty();
    }

    /** This server as a member of the LAN pool: an alive server of dc1 with its HTTP address. */
    Member member(String name) {
        return member(name, "dc1", MemberStatus.ALIVE);
    }

    /** This server as a member of a gossip pool: a server of {@code datacenter} with its HTTP address. */
    Member member(String name, String datacenter, MemberStatus status) {
        return new Member(name, "127.0.0.1", 8301, status, Map.of("role", "consul", "dc", datacenter,
                "http_addr", "127.0.0.1:" + server.getAddress().getPort()));
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes());
            received.add(request);
            Reply reply = answer.apply(request).join();
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    /** Stops listening: connections to its port are refused from now on. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
