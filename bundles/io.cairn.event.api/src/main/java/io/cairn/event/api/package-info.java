/**
 * Consul-style user events: fired once into the cluster, delivered to every agent whose node and services match
 * the event's filters, listed by each agent ({@code /v1/event/list}) and consumed internally for remote exec.
 */
@Export
@Version("1.0.0")
package io.cairn.event.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
