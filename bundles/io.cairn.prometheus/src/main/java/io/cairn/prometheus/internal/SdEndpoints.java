package io.cairn.prometheus.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cairn.acl.api.Authorizer;
import io.cairn.catalog.api.Catalog;
import io.cairn.catalog.api.Indexed;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.http.api.HttpEndpoints;
import io.cairn.http.api.Request;
import io.cairn.http.api.Response;
import io.cairn.http.api.RouteTable;
import io.cairn.raft.api.Consistency;

/**
 * {@code GET /v1/prometheus/sd}: Prometheus' HTTP service discovery format, one target group per instance
 * ({@code [{"targets":["addr:port"],"labels":{...}}]}, {@code []} when nothing matches), labelled by
 * {@link ConsulSdLabels}. As Consul's health endpoint, whose instances it lists, it leaves out the instances whose
 * node ({@code node:read}) or service ({@code service:read}) the token may not read, and says so.
 */
@Component(service = HttpEndpoints.class)
public final class SdEndpoints implements HttpEndpoints {
    private final Catalog catalog;

    @Activate
    public SdEndpoints(@Reference Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void routes(RouteTable table) {
        table.datacenterScoped().get("/v1/prometheus/sd", this::targets);
    }

    CompletionStage<Response> targets(Request request) {
        SdQuery query = SdQuery.of(request);
        String datacenter = catalog.datacenter();
        Consistency consistency = request.consistency();
        CompletionStage<List<String>> names = query.services().isEmpty()
                ? catalog.services(query.filter().nodeMeta(), consistency)
                        .thenApply(services -> services.value().keySet().stream().sorted().toList())
                : CompletableFuture.completedFuture(query.services());
        return names.thenCompose(services -> {
            List<CompletableFuture<Indexed<List<ServiceEntry>>>> reads = new ArrayList<>();
            for (String service : services) {
                reads.add(catalog.service(service, query.filter(), consistency).toCompletableFuture());
            }
            return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
                Authorizer acl = request.acl();
                boolean removed = false;
                List<Map<String, Object>> groups = new ArrayList<>();
                for (CompletableFuture<Indexed<List<ServiceEntry>>> read : reads) {
                    for (ServiceEntry entry : read.join().value()) {
                        if (!acl.nodeRead(entry.node().node()) || !acl.serviceRead(entry.service().service())) {
                            removed = true;
                            continue;
                        }
                        Map<String, String> labels = ConsulSdLabels.of(entry, datacenter);
                        Map<String, Object> group = new LinkedHashMap<>();
                        group.put("targets", List.of(labels.remove("__address__")));
                        group.put("labels", labels);
                        groups.add(group);
                    }
                }
                return request.filteredByAcls(Response.json(groups), removed);
            });
        });
    }
}
