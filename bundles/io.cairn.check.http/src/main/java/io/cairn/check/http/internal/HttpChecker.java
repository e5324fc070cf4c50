package io.cairn.check.http.internal;

import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckResult;

/**
 * Consul's HTTP check: requests the URL with the definition's method, headers and body; 2xx is passing, 429 is
 * warning, anything else (or no answer) is critical. Output reads {@code HTTP GET <url>: 200 OK Output: <body>}.
 * Requests are asynchronous on a few shared {@link HttpClient}s, one per TLS and redirect mode.
 */
final class HttpChecker {

    private static final String USER_AGENT = "Consul Health Check";
    private static final String ACCEPT = "text/plain, text/*, */*";

    private record Mode(boolean trustAll, boolean followRedirects) {
    }

    private final Map<Mode, HttpClient> clients = new ConcurrentHashMap<>();

    /**
     * Rejects what could never be requested: a URL that is not absolute http(s), or a header the JDK's client
     * refuses to send.
     */
    static void validate(CheckDefinition definition) {
        URI uri = uri(definition.http());
        try {
            request(definition, uri, Duration.ofSeconds(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("HTTP check request cannot be built: " + e.getMessage()
                    + " (Cairn's HTTP check cannot set the Connection, Content-Length, Expect, Host and Upgrade"
                    + " headers)", e);
        }
    }

    CompletableFuture<CheckResult> run(CheckDefinition definition, Duration timeout) {
        String method = method(definition);
        String target = method + " " + definition.http();
        HttpRequest request = request(definition, uri(definition.http()), timeout);
        HttpClient client = clients.computeIfAbsent(
                new Mode(definition.tlsSkipVerify(), !definition.isSet("DisableRedirects")), HttpChecker::client);
        int limit = definition.outputMaxSize();
        return client.sendAsync(request, info -> new LimitedBody(limit))
                .handle((response, failure) -> failure == null ? result(target, response, limit)
                        : CheckResult.critical("HTTP " + target + ": " + describe(failure, timeout)));
    }

    private static CheckResult result(String target, HttpResponse<String> response, int limit) {
        int code = response.statusCode();
        String prefix = "HTTP " + target + ": " + StatusText.of(code) + " Output: ";
        // Keep the whole line within the output limit so the engine never has to cut off its start.
        String output = prefix + fit(response.body(), limit - prefix.getBytes(StandardCharsets.UTF_8).length);
        if (code >= 200 && code <= 299) {
            return CheckResult.passing(output);
        }
        return code == 429 ? CheckResult.warning(output) : CheckResult.critical(output);
    }

    private static String fit(String body, int budget) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= budget) {
            return body;
        }
        return budget <= 0 ? "" : new String(bytes, 0, budget, StandardCharsets.UTF_8);
    }

    private static HttpRequest request(CheckDefinition definition, URI uri, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method(definition), definition.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(definition.body()));
        boolean userAgent = false;
        boolean accept = false;
        for (Map.Entry<String, List<String>> header : definition.header().entrySet()) {
            userAgent |= header.getKey().equalsIgnoreCase("User-Agent");
            accept |= header.getKey().equalsIgnoreCase("Accept");
            header.getValue().forEach(value -> builder.header(header.getKey(), value));
        }
        if (!userAgent) {
            builder.header("User-Agent", USER_AGENT);
        }
        if (!accept) {
            builder.header("Accept", ACCEPT);
        }
        return builder.build();
    }

    private static String method(CheckDefinition definition) {
        return definition.method().isEmpty() ? "GET" : definition.method();
    }

    private static URI uri(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new URISyntaxException(url, "not an absolute http:// or https:// URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("HTTP must be an absolute http:// or https:// URL, got \"" + url + "\"");
        }
    }

    private static HttpClient client(Mode mode) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(mode.followRedirects() ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
        if (mode.trustAll()) {
            builder.sslContext(TrustAll.sslContext());
        }
        return builder.build();
    }

    private static String describe(Throwable failure, Duration timeout) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "request timed out after " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            // The JDK often leaves the message empty; connection refused is what it means then.
            String message = cause.getMessage();
            return message == null || message.isBlank() ? "connection refused" : message.toLowerCase(Locale.ROOT);
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
