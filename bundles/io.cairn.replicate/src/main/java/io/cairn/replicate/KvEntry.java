package io.cairn.replicate;

/**
 * One key of a KV listing, with what replication copies ({@code flags}, {@code value}) and what it compares
 * ({@code modifyIndex}).
 */
public record KvEntry(String key, long flags, byte[] value, long modifyIndex) {}
