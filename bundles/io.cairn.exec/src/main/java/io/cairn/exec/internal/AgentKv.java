package io.cairn.exec.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.cairn.agent.api.AgentInfo;
import io.cairn.go.lang.GoUrl;

/**
 * The KV calls of a remote-exec job, made over this agent's own HTTP API (as a Consul agent makes them through
 * its servers): read the job spec, and write acknowledgement, output and exit code under the job's session.
 */
class AgentKv {
    private final AgentInfo agent;
    private final URI base;
    private final Supplier<String> agentSecret;
    /** Built for the first job: building one initialises TLS (~0.3 s of CPU), not worth a booting agent's time. */
    private HttpClient client;

    /**
     * Calls {@code agent}'s {@linkplain AgentInfo#localHttpApi() own API}, with its TLS when that is HTTPS, as the
     * agent's token ({@code agentSecret}, {@code ""} for none).
     */
    AgentKv(AgentInfo agent, Supplier<String> agentSecret) {
        this.agent = agent;
        this.base = agent.localHttpApi();
        this.agentSecret = agentSecret;
    }

    /** The raw value of {@code key}; empty if it does not exist. */
    Optional<byte[]> get(String key, boolean consistent) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client().send(request(
                URI.create(base + GoUrl.escapePath("/v1/kv/" + key) + "?raw" + (consistent ? "&consistent" : "&stale")))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("reading " + key + ": " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return Optional.of(response.body());
    }

    /** Writes {@code value} to {@code key} held by {@code session}; false if the session cannot hold it. */
    boolean acquire(String key, byte[] value, String session) throws IOException, InterruptedException {
        HttpResponse<String> response = client().send(request(
                URI.create(base + GoUrl.escapePath("/v1/kv/" + key) + "?acquire=" + GoUrl.queryEscape(session)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(value)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("true");
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        String secret = agentSecret.get();
        if (!secret.isEmpty()) {
            request.header("X-Consul-Token", secret);
        }
        return request;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
            agent.localHttpApiTls().ifPresent(builder::sslContext);
            client = builder.build();
        }
        return client;
    }
}
