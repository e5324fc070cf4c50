package io.cairn.watch.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

class HttpHandlerTest {
    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-Consul-Index")
                    + " " + exchange.getRequestHeaders().get("X-Foo") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpHandler handler() {
        return new HttpHandler(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/watch"), "PUT",
                Map.of("X-Foo", List.of("bar", "baz")), Duration.ofSeconds(5));
    }

    @Test
    void sendsTheDataWithTheIndexAndConfiguredHeaders() throws Exception {
        handler().handle(7, new ObjectMapper().readTree("[1]"));
        assertEquals(List.of("PUT 7 [bar, baz] [1]\n"), received);
    }

    @Test
    void aNonSuccessStatusIsAFailure() {
        status = 500;
        assertThrows(IOException.class, () -> handler().handle(1, new ObjectMapper().readTree("{}")));
    }
}
