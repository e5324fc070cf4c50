package io.cairn.watch.plan;

import com.fasterxml.jackson.databind.JsonNode;

/** Receives a watch's data: once at the start, then after every change. */
@FunctionalInterface
public interface WatchHandler {

    /**
     * @param index the {@code X-Consul-Index} of the answer
     * @param data  the data, as Consul hands it to watch handlers (may be a JSON {@code null})
     */
    void handle(long index, JsonNode data) throws Exception;
}
