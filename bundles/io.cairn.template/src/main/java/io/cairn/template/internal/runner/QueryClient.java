package io.cairn.template.internal.runner;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Sends GET requests to the agent's HTTP API without tying up a thread per outstanding request. */
public interface QueryClient {

    /** One answer: status, {@code X-Consul-Index} (0 when absent) and body. */
    record Reply(int status, long index, byte[] body) {}

    /**
     * Sends {@code GET <pathAndQuery>}, as a blocking query when {@code index > 0}.
     *
     * @param pathAndQuery path and query without index and wait, e.g. {@code /v1/kv/a?recurse=}
     * @param index        {@code index} parameter, 0 for none
     * @param wait         {@code wait} parameter (only sent with an index)
     * @return the reply; completes exceptionally when the agent cannot be reached
     */
    CompletableFuture<Reply> get(String pathAndQuery, long index, Duration wait);
}
