package io.cairn.http.api;

/**
 * The records a blocking query waits on: everything in {@code table} whose key starts with {@code prefix}
 * ({@code ""} for the whole table).
 */
public record Watch(String table, String prefix) {
}
