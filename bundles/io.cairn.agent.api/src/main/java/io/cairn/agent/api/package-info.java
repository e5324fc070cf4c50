/**
 * The local agent as other bundles use it: the cluster members it knows, the services it owns, reloading its
 * config files and maintenance mode. The agent's HTTP API ({@code /v1/agent/*}) offers the same operations with
 * the same rules and error texts; the console commands are built on the {@link io.cairn.agent.api.Agent}
 * service.
 * <p>
 * Service definitions are the validated {@link io.cairn.agent.definitions.ServiceDefinition}s of the
 * {@code io.cairn.agent.definitions} bundle, which parses API bodies and config files. All values here are
 * immutable records whose collections are never {@code null}.
 */
@Export
@Version("1.4.0")
package io.cairn.agent.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
