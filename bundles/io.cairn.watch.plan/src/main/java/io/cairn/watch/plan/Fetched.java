package io.cairn.watch.plan;

/**
 * One answer of the agent's HTTP API.
 *
 * @param status HTTP status
 * @param index  its {@code X-Consul-Index}, 0 if absent
 * @param body   the body
 */
public record Fetched(int status, long index, byte[] body) {
}
