package io.cairn.watch.plan;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Sends one (blocking) GET to the agent. {@link HttpWatchFetch} does it over HTTP; tests script it. */
@FunctionalInterface
public interface WatchFetch {

    /**
     * @param path   API path, e.g. {@code /v1/kv/foo} (not yet escaped)
     * @param params query parameters, a {@code null} value meaning a bare flag
     * @param index  the index to block on, 0 for an immediate answer
     */
    Fetched get(String path, List<Map.Entry<String, String>> params, long index) throws IOException;
}
