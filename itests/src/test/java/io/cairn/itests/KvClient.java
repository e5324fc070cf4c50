package io.cairn.itests;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The KV API as a fault test's clients use it, with a short timeout per request, and each answer sorted into what
 * a history can record: it happened (with what it saw), it certainly did not, or nobody can tell.
 */
final class KvClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What became of a request. */
    enum Outcome {
        /** Answered: the operation took effect (a write) or returned what it saw (a read). */
        OK,
        /** It certainly did not take effect: refused before it reached the server, or refused as invalid. */
        FAILED,
        /** A timeout, a reset or a server error: a write may take effect later, or never. */
        UNKNOWN
    }

    /** A key as read: absent ({@code value == null}, indexes 0) or its value, modify index, lock index, session. */
    record Entry(String value, long modifyIndex, long lockIndex, String session) {
        static final Entry ABSENT = new Entry(null, 0, 0, null);
    }

    /** A read's outcome; {@code entry} is set when OK. */
    record Read(Outcome outcome, Entry entry) {
    }

    /** 404 answers without {@code X-Consul-Index}: a known endpoint the server did not serve yet. */
    private static final AtomicLong UNINDEXED_NOT_FOUND = new AtomicLong();

    private static final List<String> UNINDEXED_SAMPLES = new CopyOnWriteArrayList<>();

    private final HttpClient http;
    private final Duration timeout;

    KvClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    static long unindexedNotFound() {
        return UNINDEXED_NOT_FOUND.get();
    }

    /** The first few of those answers, with the server and request, for a failure message. */
    static List<String> unindexedSamples() {
        return List.copyOf(UNINDEXED_SAMPLES);
    }

    /** Reads {@code key} from {@code agent}; {@code query} is "" (default mode), "consistent" or "stale". */
    Read get(AgentProcess agent, String key, String query) {
        try {
            HttpResponse<String> r = send(agent, "GET", "/v1/kv/" + key + (query.isEmpty() ? "" : "?" + query), null);
            if (r.statusCode() == 404) {
                if (r.headers().firstValue("X-Consul-Index").isEmpty()) {
                    // not "absent": a client library would read it so, but it is a server still starting
                    if (UNINDEXED_NOT_FOUND.incrementAndGet() <= 3) {
                        UNINDEXED_SAMPLES.add(agent.node + " GET /v1/kv/" + key + "?" + query + " -> " + r.headers().map()
                                + " " + r.body());
                    }
                    return new Read(Outcome.FAILED, null);
                }
                return new Read(Outcome.OK, Entry.ABSENT);
            }
            if (r.statusCode() != 200) {
                return new Read(Outcome.FAILED, null);
            }
            JsonNode e = JSON.readTree(r.body()).get(0);
            String value = e.path("Value").isNull() ? "" : new String(Base64.getDecoder().decode(e.path("Value")
                    .asText()), StandardCharsets.UTF_8);
            return new Read(Outcome.OK, new Entry(value, e.path("ModifyIndex").asLong(), e.path("LockIndex").asLong(),
                    e.hasNonNull("Session") ? e.get("Session").asText() : null));
        } catch (IOException e) {
            return new Read(Outcome.FAILED, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Read(Outcome.FAILED, null);
        }
    }

    /**
     * A PUT to {@code pathAndQuery} (e.g. {@code /v1/kv/k?cas=7}) that answers {@code true} or {@code false}:
     * OK with its answer, FAILED if refused (a 4xx, or no connection), else UNKNOWN.
     */
    Outcome put(AgentProcess agent, String pathAndQuery, String body, boolean[] answer) {
        try {
            HttpResponse<String> r = send(agent, "PUT", pathAndQuery, body);
            if (r.statusCode() == 200) {
                answer[0] = r.body().trim().equals("true");
                return Outcome.OK;
            }
            return r.statusCode() >= 400 && r.statusCode() < 500 ? Outcome.FAILED : Outcome.UNKNOWN;
        } catch (ConnectException | HttpConnectTimeoutException notConnected) {
            return Outcome.FAILED;
        } catch (IOException e) {
            return Outcome.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNKNOWN;
        }
    }

    /** Any request; for callers that read the answer themselves. */
    HttpResponse<String> send(AgentProcess agent, String method, String pathAndQuery, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + agent.httpAddr() + pathAndQuery))
                .timeout(timeout);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
