/**
 * Cairn's key/value store with Consul's semantics (change indexes, check-and-set, lock fields), for other
 * bundles and the console; HTTP clients use {@code /v1/kv}.
 */
@Export
@Version("1.0.0")
package io.cairn.kv.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
