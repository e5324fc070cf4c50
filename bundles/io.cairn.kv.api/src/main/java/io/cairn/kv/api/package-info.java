/**
 * Cairn's key/value store with Consul's semantics (change indexes, check-and-set, lock fields), for other
 * bundles and the console; HTTP clients use {@code /v1/kv}. Bundles that change keys inside their own
 * replicated commands (transactions, session invalidation) apply a {@link io.cairn.kv.api.KvOperation} or
 * {@link io.cairn.kv.api.KvSessionInvalidation} as a nested {@code kv} command. {@link io.cairn.kv.api.KvText} is
 * what {@code consul kv} prints for entries, shared by the console commands and the command-line client.
 */
@Export
@Version("1.3.0")
package io.cairn.kv.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
