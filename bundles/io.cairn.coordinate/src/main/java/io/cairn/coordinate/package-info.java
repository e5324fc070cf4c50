/**
 * Network coordinates (Vivaldi, as Serf computes them): each agent refines its own coordinate from the round-trip
 * times its gossip probes observe, and any two coordinates estimate the round-trip time between their agents.
 * Consul's {@code /v1/coordinate/*}, {@code ?near=} sorting and {@code consul rtt} are built on them.
 */
@Export
@Version("1.0.0")
package io.cairn.coordinate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
