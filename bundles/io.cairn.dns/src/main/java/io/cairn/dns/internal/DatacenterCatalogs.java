package io.cairn.dns.internal;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.RemoteDatacenters;

/**
 * The catalog a DNS question is answered from: this agent's for its own datacenter, read stale from local state,
 * and another datacenter's through {@link RemoteDatacenters} (a read from one of its servers, as Consul answers
 * {@code <name>.service.<dc>.consul}) when that service is there and knows a way to it. A worker thread waits at most
 * {@link #TIMEOUT_SECONDS} seconds for a read: a local one completes at once, the bound guards against a wedged
 * catalog or an unreachable datacenter (DNS clients retry after about a second anyway).
 */
final class DatacenterCatalogs {

    static final long TIMEOUT_SECONDS = 2;

    private final Catalog local;
    private final Supplier<RemoteDatacenters> remote;

    /** @param remote the other datacenters now, or {@code null} while there is no way to them */
    DatacenterCatalogs(Catalog local, Supplier<RemoteDatacenters> remote) {
        this.local = local;
        this.remote = remote;
    }

    /** The catalog of {@code datacenter}; empty for another datacenter this agent knows no way to. */
    Optional<Catalog> of(String datacenter) {
        if (datacenter.equals(local.datacenter())) {
            return Optional.of(local);
        }
        RemoteDatacenters others = remote.get();
        return others == null ? Optional.empty() : others.catalog(datacenter);
    }

    /** The value of a catalog read, waiting at most {@link #TIMEOUT_SECONDS}. */
    static <T> T join(CompletableFuture<Indexed<T>> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).value();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the catalog", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("catalog read failed: " + e, e);
        }
    }
}
