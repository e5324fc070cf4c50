package io.cairn.acl.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

/**
 * The primary datacenter's HTTP API as a server of a secondary datacenter reaches it: through this agent's own API
 * with {@code ?dc=<primary>}, which the agent forwards to a server there. A secondary replicates from it, forwards
 * the writes of policies, roles and global tokens to it, and resolves there the tokens it does not have.
 */
public final class PrimaryApi {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final URI localApi;
    private final Optional<SSLContext> tls;
    private final HttpClient http;
    private final String primary;

    /**
     * @param localApi this agent's HTTP API, e.g. {@code http://127.0.0.1:8500}
     * @param tls      its TLS when that is HTTPS
     * @param primary  the primary datacenter's name
     */
    public PrimaryApi(URI localApi, Optional<SSLContext> tls, String primary) {
        this.localApi = localApi;
        this.tls = tls;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT);
        tls.ifPresent(builder::sslContext);
        this.http = builder.build();
        this.primary = primary;
    }

    /** The primary datacenter's name. */
    public String datacenter() {
        return primary;
    }

    /** The TLS of this agent's HTTP API when that is HTTPS. */
    public Optional<SSLContext> tls() {
        return tls;
    }

    /**
     * Where {@code rawPath?rawQuery} (still percent-encoded) is served by the primary: the same request to this
     * agent with any {@code dc} parameter replaced by the primary's.
     */
    public URI uri(String rawPath, String rawQuery) {
        String kept = Arrays.stream(rawQuery.split("&")).filter(p -> !p.isEmpty())
                .filter(p -> !p.equals("dc") && !p.startsWith("dc=")).collect(Collectors.joining("&"));
        String dc = "dc=" + URLEncoder.encode(primary, StandardCharsets.UTF_8);
        return localApi.resolve(rawPath + "?" + (kept.isEmpty() ? dc : kept + "&" + dc));
    }

    /**
     * Sends {@code method rawPath?rawQuery} with {@code body} to the primary as {@code token} ({@code ""}: the
     * anonymous token), waiting at most {@code timeout} for the answer.
     */
    public CompletableFuture<HttpResponse<byte[]>> send(String method, String rawPath, String rawQuery, String token,
            byte[] body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(rawPath, rawQuery)).timeout(timeout)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (!token.isEmpty()) {
            request.header("X-Consul-Token", token);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
