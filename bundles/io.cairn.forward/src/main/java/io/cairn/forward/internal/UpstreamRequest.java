package io.cairn.forward.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A request to send to a server.
 *
 * @param method       {@code GET}, {@code PUT}, ...
 * @param pathAndQuery the path and query string, percent-encoded, e.g. {@code /v1/kv/a%2Fb?index=7}
 * @param headers      the headers to send, by name
 * @param body         the body, empty for none
 * @param timeout      how long the server may take to answer, from the moment the request is sent
 */
record UpstreamRequest(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body,
        Duration timeout) {

    /** Slack above a blocking query's wait: the server's jitter is below wait/16, this covers the travel. */
    static final Duration SLACK = Duration.ofSeconds(30);

    UpstreamRequest {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("a forwarded path must start with '/': " + pathAndQuery);
        }
        headers = Map.copyOf(headers);
    }

    /** A {@code GET} with {@code headers} that may take {@link #timeoutFor(Duration) timeoutFor(wait)}. */
    static UpstreamRequest get(String pathAndQuery, Map<String, List<String>> headers, Duration wait) {
        return new UpstreamRequest("GET", pathAndQuery, headers, new byte[0], timeoutFor(wait));
    }

    /**
     * The time a server may take to answer a request that may wait {@code wait}: the wait, the server's jitter
     * (below wait/16, as Consul's) and {@link #SLACK}.
     */
    static Duration timeoutFor(Duration wait) {
        return wait.plus(wait.dividedBy(16)).plus(SLACK);
    }

    /**
     * Whether sending it twice does no harm: a read. Such a request is sent again to the next server when the
     * first fails before answering; any other only when the first never received it.
     */
    boolean idempotent() {
        return method.equals("GET") || method.equals("HEAD");
    }
}
