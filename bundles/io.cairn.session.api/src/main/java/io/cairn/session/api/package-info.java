/**
 * Sessions: Consul's owners of KV locks, bound to a node and its health checks and optionally to a TTL.
 * <p>
 * Other bundles use the {@link io.cairn.session.api.Sessions} service; HTTP clients use {@code /v1/session}.
 * Command handlers that must know whether a session exists while applying a replicated command (the KV lock
 * operations) look it up in the replicated table {@value io.cairn.session.api.Sessions#TABLE}, keyed by
 * session ID; the record format belongs to the session bundle, so look only at presence.
 */
@Export
@Version("1.0.0")
package io.cairn.session.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
