package io.cairn.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.cairn.http.api.Response;

/**
 * {@code GET /}: Consul's banner of an agent without a web UI, unless a route serves {@code /} (the UI's redirect),
 * which then serves only {@code /} itself.
 */
class RootRouteTest {
    private final Router router = new Router();
    private final ApiServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    RootRouteTest() throws Exception {
        server = new ApiServer("127.0.0.1", 0, router, FakeRaft::new, () -> true,
                new HttpMetrics(new SimpleMeterRegistry()));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(), BodyHandlers.ofString());
    }

    private void declareRootRedirect() {
        RouteCollector ui = new RouteCollector("dc1");
        ui.get("/", request -> CompletableFuture.completedFuture(Response.empty(301).header("Location", "/ui/")));
        router.add("ui", ui.routes());
    }

    @Test
    void withoutARouteTheRootAnswersTheBanner() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        assertEquals(Dispatcher.BANNER, r.body());
    }

    @Test
    void aRouteForTheRootWinsOverTheBanner() throws Exception {
        declareRootRedirect();
        HttpResponse<String> r = get("/");
        assertEquals(301, r.statusCode());
        assertEquals("/ui/", r.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void theRootRouteServesOnlyTheRoot() throws Exception {
        declareRootRedirect();
        assertEquals(404, get("/elsewhere").statusCode());
        assertEquals(404, get("/v1/unknown").statusCode());
    }

    @Test
    void theBannerComesBackWhenTheRouteGoes() throws Exception {
        declareRootRedirect();
        router.remove("ui");
        assertEquals(Dispatcher.BANNER, get("/").body());
    }
}
