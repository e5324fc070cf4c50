package io.cairn.query.internal;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.ServiceQuery;
import io.cairn.raft.api.Consistency;

/**
 * The instances of a service from this server's catalog replica, read stale (the caller has already waited for
 * the consistency it needs): a local read that completes at once, bounded only to guard a thread against a
 * wedged catalog.
 */
final class CatalogInstances implements Function<String, List<ServiceEntry>> {

    private static final long TIMEOUT_SECONDS = 2;

    private final Catalog catalog;

    CatalogInstances(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<ServiceEntry> apply(String service) {
        try {
            return catalog.service(service, ServiceQuery.ALL, Consistency.STALE).toCompletableFuture()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).value();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the catalog", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("catalog read failed: " + e, e);
        }
    }
}
