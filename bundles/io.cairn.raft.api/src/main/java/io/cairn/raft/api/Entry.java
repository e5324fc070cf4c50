package io.cairn.raft.api;

/**
 * One live record of a replicated table.
 *
 * @param key         the record's key; tables are ordered by key (natural {@link String} order)
 * @param value       the owner's encoding of the record; never {@code null}, may be empty. Treat as read-only.
 * @param createIndex Raft index of the command that created the record
 * @param modifyIndex Raft index of the command that last wrote it
 */
public record Entry(String key, byte[] value, long createIndex, long modifyIndex) {
}
