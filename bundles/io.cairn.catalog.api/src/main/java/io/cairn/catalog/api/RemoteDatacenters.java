package io.cairn.catalog.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The other datacenters of a federation, for what answers from their catalogs without an HTTP request of its own to
 * forward: DNS names in another datacenter and prepared-query failover. Each remote {@link Catalog} reads through a
 * server of that datacenter, as Consul's cross-datacenter RPC does, so its reads are network round trips, and it
 * fails as the {@link Catalog} contract says when that datacenter cannot be reached.
 * <p>
 * Registered where the agent has a way to other datacenters (the forward bundle: on a server through the WAN pool,
 * on a client agent through its servers). Never registered as a {@link Catalog} itself, so nothing that wants this
 * datacenter's catalog can bind to another's.
 */
@ProviderType
public interface RemoteDatacenters {

    /** The datacenters known, this one included, nearest first (by the servers' WAN round trip times). */
    List<String> byDistance();

    /**
     * The catalog of {@code datacenter}, read through a server of it; empty for this agent's own datacenter and
     * for one it knows no way to.
     */
    Optional<Catalog> catalog(String datacenter);
}
