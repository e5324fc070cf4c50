package io.cairn.catalog.api;

/**
 * A read result with the catalog index it reflects; pass the index to {@link Catalog#awaitChange} to wait for
 * the next change.
 *
 * @param value the result
 * @param index the catalog's index (highest Raft index that changed any catalog record), at least 1
 * @param <T>   the result type
 */
public record Indexed<T>(T value, long index) {
}
