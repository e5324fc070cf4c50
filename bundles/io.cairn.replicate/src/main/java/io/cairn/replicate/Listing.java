package io.cairn.replicate;

import java.util.List;

/** The keys under a prefix, with the {@code X-Consul-Index} of the answer that listed them. */
public record Listing(long index, List<KvEntry> entries) {}
