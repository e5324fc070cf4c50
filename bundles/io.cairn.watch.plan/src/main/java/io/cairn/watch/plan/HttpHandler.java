package io.cairn.watch.plan;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends each change to a URL ({@code handler_type: http}): the data as a JSON body, {@code X-Consul-Index} as a
 * header, plus the configured headers; any status from 200 to 299 counts as handled.
 */
public final class HttpHandler implements WatchHandler {
    private final HttpClient client;
    private final URI target;
    private final String method;
    private final Map<String, List<String>> headers;
    private final Duration timeout;

    /**
     * @param target  where to send ({@code http_handler_config.path})
     * @param method  the HTTP method, default {@code POST}
     * @param headers extra headers, each with its values
     * @param timeout how long a request may take, default 10 s
     */
    public HttpHandler(URI target, String method, Map<String, List<String>> headers, Duration timeout) {
        this.target = target;
        this.method = method;
        this.headers = Map.copyOf(headers);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void handle(long index, JsonNode data) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(WatchJson.forHandler(data)))
                .header("Content-Type", "application/json")
                .header("X-Consul-Index", Long.toUnsignedString(index));
        headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new IOException(method + " " + target + " answered " + response.statusCode());
        }
    }
}
