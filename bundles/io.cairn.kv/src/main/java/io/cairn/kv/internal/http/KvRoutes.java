package io.cairn.kv.internal.http;

import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.RouteTable;
import io.cairn.kv.api.KvStore;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The KV subsystem's HTTP API; it serves this datacenter's store only ({@code ?dc=}). */
@Component(service = HttpEndpoints.class)
public final class KvRoutes implements HttpEndpoints {

    private static final String KV = "/v1/kv/";

    private final KvWrites writes;

    @Activate
    public KvRoutes(@Reference(name = "store") KvStore store) {
        this.writes = new KvWrites(store);
    }

    @Override
    public void routes(RouteTable table) {
        table.datacenterScoped()
                .read(KV, new KvReadQuery())
                // a value is the raw body: the server refuses a larger one before reading it
                .put(KV, KvStore.MAX_VALUE_SIZE, "kv_max_value_size", writes::put)
                .delete(KV, writes::delete);
    }
}
