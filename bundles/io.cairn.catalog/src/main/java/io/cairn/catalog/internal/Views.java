package io.cairn.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.catalog.api.CatalogJson.AddressJson;
import io.cairn.catalog.api.CatalogJson.NodeJson;
import io.cairn.catalog.api.CatalogJson.ServiceJson;
import io.cairn.catalog.api.CatalogJson.WeightsJson;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.ServiceEntry;

/**
 * The JSON shapes of the catalog endpoints that only they answer with, field for field as Consul's clients read them
 * (order follows Consul's output), built from the shared ones of {@link io.cairn.catalog.api.CatalogJson}.
 * Collections are never {@code null}: Java clients fail on null lists and maps.
 */
final class Views {

    private Views() {
    }

    /** Consul's {@code CatalogService}: node and instance flattened into one object. */
    record CatalogServiceJson(@JsonProperty("ID") String id, @JsonProperty("Node") String node,
            @JsonProperty("Address") String address, @JsonProperty("Datacenter") String datacenter,
            @JsonProperty("TaggedAddresses") Map<String, String> taggedAddresses,
            @JsonProperty("NodeMeta") Map<String, String> nodeMeta,
            @JsonProperty("ServiceKind") String serviceKind, @JsonProperty("ServiceID") String serviceId,
            @JsonProperty("ServiceName") String serviceName, @JsonProperty("ServiceTags") List<String> serviceTags,
            @JsonProperty("ServiceAddress") String serviceAddress,
            @JsonProperty("ServiceTaggedAddresses") Map<String, AddressJson> serviceTaggedAddresses,
            @JsonProperty("ServiceWeights") WeightsJson serviceWeights,
            @JsonProperty("ServiceMeta") Map<String, String> serviceMeta,
            @JsonProperty("ServicePort") int servicePort,
            @JsonProperty("ServiceSocketPath") String serviceSocketPath,
            @JsonProperty("ServiceEnableTagOverride") boolean serviceEnableTagOverride,
            @JsonProperty("CreateIndex") long createIndex, @JsonProperty("ModifyIndex") long modifyIndex) {

        static CatalogServiceJson of(ServiceEntry e) {
            Node n = e.node();
            NodeService s = e.service();
            return new CatalogServiceJson(n.id(), n.node(), n.address(), n.datacenter(), n.taggedAddresses(),
                    n.meta(), s.kind(), s.id(), s.service(), s.tags(), s.address(),
                    AddressJson.of(s.taggedAddresses()), WeightsJson.of(s.weights()), s.meta(), s.port(), "",
                    s.enableTagOverride(), s.createIndex(), s.modifyIndex());
        }
    }

    /** {@code /v1/catalog/node/:node}: instances keyed by ID. */
    record NodeInfoJson(@JsonProperty("Node") NodeJson node,
            @JsonProperty("Services") Map<String, ServiceJson> services) {

        static NodeInfoJson of(NodeServices ns) {
            Map<String, ServiceJson> services = new LinkedHashMap<>();
            ns.services().forEach(s -> services.put(s.id(), ServiceJson.of(s)));
            return new NodeInfoJson(NodeJson.of(ns.node()), services);
        }
    }

    /** {@code /v1/catalog/node-services/:node}: instances as a list. */
    record NodeServicesJson(@JsonProperty("Node") NodeJson node,
            @JsonProperty("Services") List<ServiceJson> services) {

        static NodeServicesJson of(NodeServices ns) {
            return new NodeServicesJson(NodeJson.of(ns.node()), ns.services().stream().map(ServiceJson::of).toList());
        }
    }
}
