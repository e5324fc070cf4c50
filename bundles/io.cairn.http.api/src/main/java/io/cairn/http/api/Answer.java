package io.cairn.http.api;

/**
 * A {@link StateQuery}'s answer.
 *
 * @param index    the index of the data answered (Consul's {@code X-Consul-Index}; the server sends 1 for 0)
 * @param response what to send
 */
public record Answer(long index, Response response) {
}
