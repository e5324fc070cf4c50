package io.cairn.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.catalog.api.CatalogJson.CheckJson;
import io.cairn.catalog.api.CatalogJson.ServiceJson;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.ServiceEntry;

/**
 * The JSON shapes of {@code /v1/internal/ui}, the endpoints Consul's web UI (and Cairn's) lists services and nodes
 * with, field for field as Consul answers them. Cairn has no service mesh: the mesh fields of a service summary are
 * always empty or false, and are sent because the UI reads them. Collections are never {@code null}.
 */
final class UiViews {

    /** The service metadata key naming where a service was registered from, Consul's {@code external-source}. */
    static final String EXTERNAL_SOURCE = "external-source";

    private UiViews() {
    }

    /** Consul's {@code ServiceListingSummary}, one element of {@code /v1/internal/ui/services}. */
    record ServiceSummaryJson(@JsonProperty("Kind") @JsonInclude(JsonInclude.Include.NON_EMPTY) String kind,
            @JsonProperty("Name") String name, @JsonProperty("Datacenter") String datacenter,
            @JsonProperty("Tags") List<String> tags, @JsonProperty("Nodes") List<String> nodes,
            @JsonProperty("ExternalSources") List<String> externalSources,
            @JsonProperty("InstanceCount") int instanceCount, @JsonProperty("ChecksPassing") int checksPassing,
            @JsonProperty("ChecksWarning") int checksWarning, @JsonProperty("ChecksCritical") int checksCritical,
            @JsonProperty("GatewayConfig") Map<String, Object> gatewayConfig,
            @JsonProperty("TransparentProxy") boolean transparentProxy,
            @JsonProperty("ConnectNative") boolean connectNative,
            @JsonProperty("ConnectedWithProxy") boolean connectedWithProxy,
            @JsonProperty("ConnectedWithGateway") boolean connectedWithGateway) {

        /**
         * One summary per service name, in name order, of {@code instances} (each with its checks): the union of
         * their tags (sorted), their nodes (sorted, once each), their external sources (in the order first seen),
         * how many there are, and how many of their distinct checks are in each state, a node's own check counted
         * once however many instances the node has, as Consul summarises its service dump.
         */
        static List<ServiceSummaryJson> of(List<ServiceEntry> instances) {
            Map<String, Summary> byName = new TreeMap<>();
            for (ServiceEntry instance : instances) {
                byName.computeIfAbsent(instance.service().service(), name -> new Summary()).add(instance);
            }
            List<ServiceSummaryJson> result = new ArrayList<>();
            byName.forEach((name, summary) -> result.add(summary.toJson(name)));
            return result;
        }
    }

    /** The instances of one service name, added up. */
    private static final class Summary {
        private String kind = "";
        private String datacenter = "";
        private final Set<String> tags = new TreeSet<>();
        private final Set<String> nodes = new TreeSet<>();
        private final Set<String> externalSources = new LinkedHashSet<>();
        private int instances;
        /** Each distinct check, by node and check ID. */
        private final Map<List<String>, HealthCheck> checks = new LinkedHashMap<>();

        void add(ServiceEntry instance) {
            kind = instance.service().kind();
            datacenter = instance.node().datacenter();
            tags.addAll(instance.service().tags());
            nodes.add(instance.node().node());
            String source = instance.service().meta().getOrDefault(EXTERNAL_SOURCE, "");
            if (!source.isEmpty()) {
                externalSources.add(source);
            }
            instances++;
            instance.checks().forEach(check -> checks.put(List.of(check.node(), check.checkId()), check));
        }

        ServiceSummaryJson toJson(String name) {
            int passing = 0;
            int warning = 0;
            int critical = 0;
            for (HealthCheck check : checks.values()) {
                switch (check.status()) {
                    case PASSING -> passing++;
                    case WARNING -> warning++;
                    case CRITICAL -> critical++;
                }
            }
            return new ServiceSummaryJson(kind, name, datacenter, List.copyOf(tags), List.copyOf(nodes),
                    List.copyOf(externalSources), instances, passing, warning, critical, Map.of(), false, false,
                    false, false);
        }
    }

    /**
     * Consul's {@code NodeInfo}, an element of {@code /v1/internal/ui/nodes} and the answer of
     * {@code /v1/internal/ui/node/:node}: a node with its instances and all its checks. Consul's has no
     * {@code Datacenter}; this one names the node's, as its other node objects do.
     */
    record NodeJson(@JsonProperty("ID") String id, @JsonProperty("Node") String node,
            @JsonProperty("Address") String address, @JsonProperty("Datacenter") String datacenter,
            @JsonProperty("TaggedAddresses") Map<String, String> taggedAddresses,
            @JsonProperty("Meta") Map<String, String> meta, @JsonProperty("Services") List<ServiceJson> services,
            @JsonProperty("Checks") List<CheckJson> checks) {

        static NodeJson of(NodeServices services, List<HealthCheck> checks) {
            Node n = services.node();
            return new NodeJson(n.id(), n.node(), n.address(), n.datacenter(), n.taggedAddresses(), n.meta(),
                    services.services().stream().map(ServiceJson::of).toList(), CheckJson.of(checks));
        }
    }
}
