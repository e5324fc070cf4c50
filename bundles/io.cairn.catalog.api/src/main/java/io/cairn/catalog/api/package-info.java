/**
 * Cairn's service catalog: the replicated registry of nodes, the service instances they run and the health
 * checks that watch both, with Consul's catalog and health semantics.
 * <p>
 * Other bundles (the agent's anti-entropy, DNS, templates, Prometheus service discovery) use the
 * {@link io.cairn.catalog.api.Catalog} service; HTTP clients use {@code /v1/catalog} and {@code /v1/health}.
 * All values are plain immutable records; collections in them are never {@code null}.
 * <p>
 * Endpoints that answer with the catalog's values outside {@code /v1/catalog} and {@code /v1/health} (prepared
 * queries) share the catalog's JSON shapes ({@link io.cairn.catalog.api.CatalogJson}) and its {@code ?near} order
 * from the replicated network coordinates ({@link io.cairn.catalog.api.Proximity},
 * {@link io.cairn.catalog.api.Coordinates}).
 */
@Export
@Version("2.3.0")
package io.cairn.catalog.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
