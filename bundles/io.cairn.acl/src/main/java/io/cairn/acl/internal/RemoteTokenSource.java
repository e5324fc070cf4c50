package io.cairn.acl.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.acl.api.AclNotFoundException;
import io.cairn.acl.api.AclPolicy;
import io.cairn.acl.internal.http.AclEndpoints;
import io.cairn.acl.rules.BuiltinRules;

/**
 * A client agent's {@link TokenSource}: a server, asked through this agent's own HTTP API, which forwards
 * {@value AclEndpoints#GRANT_PATH} to a server with the token as the request's own. A server of a secondary
 * datacenter asks the primary the same way for the tokens it does not have ({@link SecondaryTokenSource}). What it answers is kept for
 * {@code acl.token_ttl} ({@link #version()} moves once per TTL). When no server answers, Consul's
 * {@code acl.down_policy} decides: {@code extend-cache} and {@code async-cache} keep using what a server last
 * answered for the secret (and deny when there is nothing), {@code allow} allows everything, {@code deny} denies
 * everything.
 */
final class RemoteTokenSource implements TokenSource {
    /** The most secrets whose last answer is kept for {@code extend-cache}; past it the oldest go. */
    static final int MAX_REMEMBERED = 10_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Grant ALLOW_ALL = new Grant("", null, List.of(BuiltinRules.globalManagement()));
    private static final Grant DENY_ALL = new Grant("", null,
            List.of(AclCommand.validateRules(AclPolicy.GLOBAL_MANAGEMENT.rules().replace("\"write\"", "\"deny\""))));

    private final URI grantUri;
    private final HttpClient http;
    private final String downPolicy;
    private final long ttlMillis;
    private final Clock clock;
    private final Map<String, Grant> lastAnswers = new ConcurrentHashMap<>();

    /**
     * @param grantUri   where to ask: {@value AclEndpoints#GRANT_PATH} on this agent's HTTP API (a client agent),
     *                   or the primary's through it (a server of a secondary datacenter, see {@link PrimaryApi})
     * @param tls        the TLS of this agent's HTTP API when that is HTTPS
     * @param downPolicy {@code acl.down_policy}
     * @param tokenTtl   {@code acl.token_ttl}
     */
    RemoteTokenSource(URI grantUri, Optional<SSLContext> tls, String downPolicy, Duration tokenTtl, Clock clock) {
        this.grantUri = grantUri;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT);
        tls.ifPresent(builder::sslContext);
        this.http = builder.build();
        this.downPolicy = downPolicy;
        this.ttlMillis = Math.max(1, tokenTtl.toMillis());
        this.clock = clock;
    }

    @Override
    public long version() {
        return clock.millis() / ttlMillis;
    }

    @Override
    public CompletionStage<Grant> grant(String secretId) {
        HttpRequest request = HttpRequest.newBuilder(grantUri).timeout(REQUEST_TIMEOUT)
                .header("X-Consul-Token", secretId).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> answer(secretId, response))
                .exceptionally(failure -> unreachable(secretId, failure));
    }

    private Grant answer(String secretId, HttpResponse<byte[]> response) {
        if (response.statusCode() == 403) {
            lastAnswers.remove(secretId);
            throw new AclNotFoundException();
        }
        if (response.statusCode() != 200) {
            throw new ServersUnavailable(response.statusCode() + " " + new String(response.body()));
        }
        try {
            Grant grant = JSON.readValue(response.body(), TokenGrant.class).compile();
            if (lastAnswers.size() >= MAX_REMEMBERED) {
                lastAnswers.clear();
            }
            lastAnswers.put(secretId, grant);
            return grant;
        } catch (java.io.IOException e) {
            throw new ServersUnavailable("unreadable answer: " + e.getMessage());
        }
    }

    private Grant unreachable(String secretId, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof AclNotFoundException notFound) {
            throw notFound;
        }
        return switch (downPolicy) {
            case "allow" -> ALLOW_ALL;
            case "deny" -> DENY_ALL;
            default -> Optional.ofNullable(lastAnswers.get(secretId)).orElse(DENY_ALL);
        };
    }

    /** No server answered a token lookup. */
    private static final class ServersUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ServersUnavailable(String message) {
            super("ACL token lookup at the servers failed: " + message);
        }
    }
}
