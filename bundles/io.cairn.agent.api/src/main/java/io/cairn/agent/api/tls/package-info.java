/**
 * The agent's TLS files read with the JDK alone, and the {@link javax.net.ssl.SSLContext} they make: shared by
 * the HTTPS listener, the agent's own clients of its API and the Raft port, so that all read the same PEM files the
 * same way.
 */
@Export
@Version("1.1.0")
package io.cairn.agent.api.tls;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
