package io.cairn.cli.kv;

import com.sun.net.httpserver.HttpServer;
import io.cairn.cli.Console;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** An HTTP server on a free port that records requests and answers with queued responses. */
final class FakeAgent implements AutoCloseable {
  record Recorded(String method, String uri, String body, String token) {}

  record Reply(int status, String body) {}

  final List<Recorded> requests = new ArrayList<>();
  private final Deque<Reply> replies = new ArrayDeque<>();
  private final HttpServer server;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  FakeAgent() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
          exchange.getRequestHeaders().getFirst("X-Consul-Token")));
      Reply reply = replies.isEmpty() ? new Reply(200, "true") : replies.poll();
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  FakeAgent reply(int status, String body) {
    replies.add(new Reply(status, body));
    return this;
  }

  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Runs a kv command against this agent (via CAIRN_HTTP_ADDR) and returns its exit code. */
  int runWithStdin(io.cairn.cli.Command command, String stdin, String... args) {
    Console console = new Console(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("CAIRN_HTTP_ADDR", address()));
    return command.run(List.of(args), console);
  }

  int run(io.cairn.cli.Command command, String... args) {
    return runWithStdin(command, "", args);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
