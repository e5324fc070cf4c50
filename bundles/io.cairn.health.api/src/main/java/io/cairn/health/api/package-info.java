/**
 * Health checks of the local agent: the engine's service {@link io.cairn.health.api.HealthChecks}, its listener
 * whiteboard {@link io.cairn.health.api.CheckStateListener}, and the plugin SPI
 * {@link io.cairn.health.api.CheckType} through which bundles contribute check types (HTTP, TCP, script, ...).
 */
@Export
@Version("1.1.0")
package io.cairn.health.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
