package io.cairn.catalog.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.cairn.catalog.api.Catalog;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.RouteTable;
import io.cairn.raft.api.RaftService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link CoordinateEndpoints} on a server and writes the buffered coordinate updates every
 * {@link CoordinateUpdates#PERIOD} on a thread of its own. Like the catalog endpoints it needs this server's
 * replicated catalog ({@link CatalogEndpoints#LOCAL_CATALOG}): on a client agent it is absent and the requests go
 * to a server.
 */
@Component(service = HttpEndpoints.class)
public final class CoordinateComponent implements HttpEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(CoordinateComponent.class);

    private final CoordinateEndpoints endpoints;
    private final ScheduledExecutorService flusher;

    @Activate
    public CoordinateComponent(@Reference(target = CatalogEndpoints.LOCAL_CATALOG) Catalog catalog,
            @Reference RaftService raft) {
        CoordinateUpdates updates = new CoordinateUpdates(CoordinateUpdates.BATCH_SIZE,
                CoordinateUpdates.MAX_BATCHES,
                batch -> raft.submit(CoordinateCommand.COMMAND_TYPE, new CoordinateCommand(batch).encode()));
        endpoints = new CoordinateEndpoints(catalog.datacenter(), updates);
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cairn-coordinate-updates");
            t.setDaemon(true);
            return t;
        });
        long period = CoordinateUpdates.PERIOD.toMillis();
        flusher.scheduleWithFixedDelay(() -> {
            try {
                updates.flush();
            } catch (RuntimeException e) {
                LOG.warn("Coordinate batch update failed; the agents' next updates will follow", e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void routes(RouteTable table) {
        endpoints.routes(table);
    }

    /** Updates still buffered are dropped, as a stopping Consul server drops them; agents send them again. */
    @Deactivate
    void deactivate() {
        flusher.shutdownNow();
    }
}
