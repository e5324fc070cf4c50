package io.cairn.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.go.lang.GoJsonString;
import io.cairn.go.lang.GoUrl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * {@link ReplicaApi} over the agent's HTTP API (Consul's), over HTTPS with the TLS it is given. Blocking queries use
 * the server's default wait, so no read timeout is set; interrupting the calling thread abandons a call.
 */
public final class HttpReplicaApi implements ReplicaApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI base;
    private final String token;

    /**
     * @param base  scheme, host and port of the agent, e.g. {@code http://127.0.0.1:8500}
     * @param token ACL token sent as {@code X-Consul-Token}, {@code ""} for none
     * @param tls   the TLS of an {@code https://} base (CAs to trust, client certificate); empty for the JDK's
     */
    public HttpReplicaApi(URI base, String token, Optional<SSLContext> tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        tls.ifPresent(builder::sslContext);
        this.client = builder.build();
        this.base = base;
        this.token = token;
    }

    @Override
    public String localDatacenter() throws IOException, InterruptedException {
        Answer answer = send("GET", "/v1/agent/self", "", null);
        String datacenter = json(answer).path("Config").path("Datacenter").asText("");
        if (datacenter.isEmpty()) {
            throw new IOException("the agent's /v1/agent/self names no datacenter");
        }
        return datacenter;
    }

    @Override
    public Listing list(String prefix, String datacenter, long index) throws IOException, InterruptedException {
        Answer answer = send("GET", "/v1/kv/" + prefix, "recurse=&dc=" + GoUrl.queryEscape(datacenter)
                + (index > 0 ? "&index=" + Long.toUnsignedString(index) : ""), null, 404);
        List<KvEntry> entries = new ArrayList<>();
        if (answer.status() != 404) {
            for (JsonNode pair : json(answer)) {
                JsonNode value = pair.path("Value");
                entries.add(new KvEntry(pair.path("Key").asText(), Long.parseUnsignedLong(pair.path("Flags")
                        .asText("0")), value.isNull() || value.isMissingNode() ? new byte[0]
                        : Base64.getDecoder().decode(value.asText()), Long.parseUnsignedLong(pair.path("ModifyIndex")
                        .asText("0"))));
            }
        }
        return new Listing(answer.index(), entries);
    }

    @Override
    public List<String> keys(String prefix) throws IOException, InterruptedException {
        Answer answer = send("GET", "/v1/kv/" + prefix, "keys=", null, 404);
        List<String> keys = new ArrayList<>();
        if (answer.status() != 404) {
            json(answer).forEach(key -> keys.add(key.asText()));
        }
        return keys;
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException, InterruptedException {
        Answer answer = send("GET", "/v1/kv/" + key, "raw=", null, 404);
        return answer.status() == 404 ? Optional.empty() : Optional.of(answer.body());
    }

    @Override
    public void put(String key, byte[] value, long flags) throws IOException, InterruptedException {
        send("PUT", "/v1/kv/" + key, flags == 0 ? "" : "flags=" + Long.toUnsignedString(flags), value);
    }

    @Override
    public void delete(String key) throws IOException, InterruptedException {
        send("DELETE", "/v1/kv/" + key, "", null);
    }

    @Override
    public String createSession(String name, String ttl) throws IOException, InterruptedException {
        String body = "{\"Name\":" + GoJsonString.quote(name) + ",\"TTL\":" + GoJsonString.quote(ttl)
                + ",\"Behavior\":\"release\"}";
        return json(send("PUT", "/v1/session/create", "", body.getBytes(StandardCharsets.UTF_8))).path("ID").asText();
    }

    @Override
    public boolean renewSession(String session) throws IOException, InterruptedException {
        return send("PUT", "/v1/session/renew/" + session, "", new byte[0], 404).status() != 404;
    }

    @Override
    public void destroySession(String session) throws IOException, InterruptedException {
        send("PUT", "/v1/session/destroy/" + session, "", new byte[0]);
    }

    @Override
    public boolean acquire(String key, String session, long flags) throws IOException, InterruptedException {
        return json(send("PUT", "/v1/kv/" + key, "acquire=" + GoUrl.queryEscape(session) + "&flags="
                + Long.toUnsignedString(flags), new byte[0])).asBoolean();
    }

    @Override
    public void release(String key, String session) throws IOException, InterruptedException {
        send("PUT", "/v1/kv/" + key, "release=" + GoUrl.queryEscape(session), new byte[0]);
    }

    @Override
    public LockState lockState(String key, long index) throws IOException, InterruptedException {
        Answer answer = send("GET", "/v1/kv/" + key, index > 0 ? "index=" + Long.toUnsignedString(index) : "",
                null, 404);
        if (answer.status() == 404) {
            return new LockState(Optional.empty(), answer.index());
        }
        String session = json(answer).path(0).path("Session").asText("");
        return new LockState(session.isEmpty() ? Optional.empty() : Optional.of(session), answer.index());
    }

    private record Answer(int status, long index, byte[] body) {}

    /** Sends a request; a status other than 200 and {@code accepted} is an error carrying Consul's wording. */
    private Answer send(String method, String path, String query, byte[] body, int... accepted)
            throws IOException, InterruptedException {
        URI uri = URI.create(base + GoUrl.escapePath(path) + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (!token.isEmpty()) {
            request.header("X-Consul-Token", token);
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        boolean ok = status == 200;
        for (int code : accepted) {
            ok |= status == code;
        }
        if (!ok) {
            throw new IOException(method + " " + uri + ": Unexpected response code: " + status + " ("
                    + new String(response.body(), StandardCharsets.UTF_8).trim() + ")");
        }
        long index = response.headers().firstValue("X-Consul-Index").map(HttpReplicaApi::unsigned).orElse(0L);
        return new Answer(status, index, response.body());
    }

    private static JsonNode json(Answer answer) throws IOException {
        return JSON.readTree(answer.body());
    }

    private static long unsigned(String text) {
        try {
            return Long.parseUnsignedLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
