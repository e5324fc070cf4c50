package io.cairn.template.internal.runner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLContext;

/**
 * {@link QueryClient} on {@link HttpClient}'s asynchronous API: any number of blocking queries wait on the
 * client's selector thread instead of one thread each.
 */
public final class HttpQueryClient implements QueryClient {
    /** Slack above {@code wait} for the server's jitter (at most wait/16) and the answer's travel. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private final HttpClient http;
    private final URI base;
    private final String token;

    /**
     * @param base  scheme, host and port of the agent, e.g. {@code http://127.0.0.1:8500}
     * @param token ACL token sent as {@code X-Consul-Token}, empty for none
     * @param tls   the TLS of an {@code https://} base (CAs to trust, client certificate); empty for the JDK's
     */
    public HttpQueryClient(URI base, String token, Optional<SSLContext> tls) {
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        tls.ifPresent(http::sslContext);
        this.http = http.build();
        this.base = base;
        this.token = token;
    }

    @Override
    public CompletableFuture<Reply> get(String pathAndQuery, long index, Duration wait) {
        String uri = base + pathAndQuery;
        if (index > 0) {
            uri += (pathAndQuery.contains("?") ? "&" : "?") + "index=" + Long.toUnsignedString(index) + "&wait="
                    + wait.toMillis() + "ms";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET()
                .timeout(wait.plus(wait.dividedBy(16)).plus(SLACK)).header("Accept", "application/json");
        if (!token.isEmpty()) {
            request.header("X-Consul-Token", token);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(response ->
                new Reply(response.statusCode(), response.headers().firstValue("X-Consul-Index")
                        .map(HttpQueryClient::index).orElse(0L), response.body()));
    }

    private static long index(String header) {
        try {
            return Long.parseUnsignedLong(header.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
