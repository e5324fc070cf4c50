/**
 * A bounded non-blocking TCP listener for ports that untrusted clients can reach: one thread serves every
 * connection without blocking on any, so a client that trickles its bytes holds a connection but never the
 * thread. Everything a client can make the server hold is bounded: the number of connections
 * ({@link io.cairn.tcp.ListenerSettings#maxConnections()}), the total time each message may take
 * ({@link io.cairn.tcp.ListenerSettings#messageMillis()}, a total, not an idle timer that each byte restarts) and
 * the size of a request (the protocol's {@link io.cairn.tcp.Frame}). Connections refused or cut off are logged
 * at debug, with at most one warning a minute that counts them.
 *
 * <p>A protocol supplies only what is its own: how a request is framed ({@link io.cairn.tcp.Frame}) and how it
 * is answered ({@link io.cairn.tcp.Protocol}); {@link io.cairn.tcp.BoundedTcpListener} does the rest. Plain
 * Java: no OSGi at run time, no components.
 */
@Export
@Version("1.0.0")
package io.cairn.tcp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
