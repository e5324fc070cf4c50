package io.cairn.watch.plan;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import io.cairn.go.lang.GoUrl;

/**
 * Queries the agent's HTTP API, over HTTPS with the TLS it is given. Blocking queries use the server's default
 * wait (5 min), so no read timeout is set; interrupting the calling thread abandons a query.
 */
public final class HttpWatchFetch implements WatchFetch {
    private final HttpClient client;
    private final URI base;
    private final String token;

    /**
     * With the JDK's TLS defaults.
     *
     * @param base  scheme, host and port of the agent, e.g. {@code http://127.0.0.1:8500}
     * @param token ACL token sent as {@code X-Consul-Token}, {@code ""} for none
     */
    public HttpWatchFetch(URI base, String token) {
        this(base, token, Optional.empty());
    }

    /**
     * @param base  scheme, host and port of the agent, e.g. {@code http://127.0.0.1:8500}
     * @param token ACL token sent as {@code X-Consul-Token}, {@code ""} for none
     * @param tls   the TLS of an {@code https://} base (CAs to trust, client certificate); empty for the JDK's
     */
    public HttpWatchFetch(URI base, String token, Optional<SSLContext> tls) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        tls.ifPresent(client::sslContext);
        this.client = client.build();
        this.base = base;
        this.token = token;
    }

    @Override
    public Fetched get(String path, List<Map.Entry<String, String>> params, long index) throws IOException {
        List<Map.Entry<String, String>> all = new ArrayList<>(params);
        if (index != 0) {
            all.add(Map.entry("index", Long.toUnsignedString(index)));
        }
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> param : all) {
            query.append(query.length() == 0 ? '?' : '&').append(GoUrl.queryEscape(param.getKey()))
                    .append('=').append(param.getValue() == null ? "" : GoUrl.queryEscape(param.getValue()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + GoUrl.escapePath(path) + query)).GET();
        if (!token.isEmpty()) {
            request.header("X-Consul-Token", token);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            long answerIndex = response.headers().firstValue("X-Consul-Index").map(HttpWatchFetch::unsigned)
                    .orElse(0L);
            return new Fetched(response.statusCode(), answerIndex, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static long unsigned(String text) {
        try {
            return Long.parseUnsignedLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
