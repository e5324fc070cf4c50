package io.cairn.query.internal.http;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.ServiceEntry;

/**
 * Consul's {@code CheckServiceNode} as a query execution's {@code Nodes} list shows it (the shape of
 * {@code /v1/health/service}): node, instance and checks, collections never {@code null}. Check definitions are
 * shown empty: the query answer is about which instances, not how they are checked.
 */
record EntryJson(@JsonProperty("Node") NodeJson node, @JsonProperty("Service") ServiceJson service,
        @JsonProperty("Checks") List<CheckJson> checks) {

    static EntryJson of(ServiceEntry e) {
        return new EntryJson(NodeJson.of(e.node()), ServiceJson.of(e.service()),
                e.checks().stream().map(CheckJson::of).toList());
    }

    record NodeJson(@JsonProperty("ID") String id, @JsonProperty("Node") String node,
            @JsonProperty("Address") String address, @JsonProperty("Datacenter") String datacenter,
            @JsonProperty("TaggedAddresses") Map<String, String> taggedAddresses,
            @JsonProperty("Meta") Map<String, String> meta, @JsonProperty("CreateIndex") long createIndex,
            @JsonProperty("ModifyIndex") long modifyIndex) {

        static NodeJson of(Node n) {
            return new NodeJson(n.id(), n.node(), n.address(), n.datacenter(), n.taggedAddresses(), n.meta(),
                    n.createIndex(), n.modifyIndex());
        }
    }

    record AddressJson(@JsonProperty("Address") String address, @JsonProperty("Port") int port) {
    }

    record WeightsJson(@JsonProperty("Passing") int passing, @JsonProperty("Warning") int warning) {
    }

    record ServiceJson(@JsonProperty("Kind") @JsonInclude(JsonInclude.Include.NON_EMPTY) String kind,
            @JsonProperty("ID") String id, @JsonProperty("Service") String service,
            @JsonProperty("Tags") List<String> tags, @JsonProperty("Address") String address,
            @JsonProperty("TaggedAddresses") Map<String, AddressJson> taggedAddresses,
            @JsonProperty("Meta") Map<String, String> meta, @JsonProperty("Port") int port,
            @JsonProperty("Weights") WeightsJson weights,
            @JsonProperty("EnableTagOverride") boolean enableTagOverride,
            @JsonProperty("CreateIndex") long createIndex, @JsonProperty("ModifyIndex") long modifyIndex) {

        static ServiceJson of(NodeService s) {
            Map<String, AddressJson> tagged = new TreeMap<>();
            s.taggedAddresses().forEach((name, a) -> tagged.put(name, new AddressJson(a.address(), a.port())));
            return new ServiceJson(s.kind(), s.id(), s.service(), s.tags(), s.address(), tagged, s.meta(), s.port(),
                    new WeightsJson(s.weights().passing(), s.weights().warning()), s.enableTagOverride(),
                    s.createIndex(), s.modifyIndex());
        }
    }

    record CheckJson(@JsonProperty("Node") String node, @JsonProperty("CheckID") String checkId,
            @JsonProperty("Name") String name, @JsonProperty("Status") String status,
            @JsonProperty("Notes") String notes, @JsonProperty("Output") String output,
            @JsonProperty("ServiceID") String serviceId, @JsonProperty("ServiceName") String serviceName,
            @JsonProperty("ServiceTags") List<String> serviceTags, @JsonProperty("Type") String type,
            @JsonProperty("Definition") Map<String, Object> definition,
            @JsonProperty("CreateIndex") long createIndex, @JsonProperty("ModifyIndex") long modifyIndex) {

        static CheckJson of(HealthCheck c) {
            return new CheckJson(c.node(), c.checkId(), c.name(), c.status().text(), c.notes(), c.output(),
                    c.serviceId(), c.serviceName(), c.serviceTags(), c.type(), Map.of(), c.createIndex(),
                    c.modifyIndex());
        }
    }
}
