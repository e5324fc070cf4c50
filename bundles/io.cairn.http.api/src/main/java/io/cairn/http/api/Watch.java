package io.cairn.http.api;

/**
 * The records a blocking query waits on: everything in {@code table} whose key starts with {@code prefix}
 * ({@code ""} for the whole table). A change to them makes the server answer the query again; whether that
 * answer is sent or waited on depends on its index (see {@link Answer}).
 */
public record Watch(String table, String prefix) {
}
