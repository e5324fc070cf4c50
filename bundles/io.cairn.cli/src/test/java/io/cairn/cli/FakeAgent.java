package io.cairn.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** An HTTP server on a free port that records requests and answers with queued responses. */
public final class FakeAgent implements AutoCloseable {
  /** One request as received; {@code uri} is the raw path and query. */
  public record Recorded(String method, String uri, String body, String token) {}

  public record Reply(int status, String body) {}

  public final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Deque<Reply> replies = new ArrayDeque<>();
  private final HttpServer server;
  public final ByteArrayOutputStream out = new ByteArrayOutputStream();
  public final ByteArrayOutputStream err = new ByteArrayOutputStream();

  public FakeAgent() throws IOException {
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

  public FakeAgent reply(int status, String body) {
    replies.add(new Reply(status, body));
    return this;
  }

  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Runs a client command against this agent (via CAIRN_HTTP_ADDR) and returns its exit code. */
  public int runWithStdin(Command command, String stdin, String... args) {
    Console console = new Console(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("CAIRN_HTTP_ADDR", address()));
    return command.run(List.of(args), console);
  }

  public int run(Command command, String... args) {
    return runWithStdin(command, "", args);
  }

  public String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  public String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
