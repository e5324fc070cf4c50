package io.cairn.catalog.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.catalog.api.CheckDefinitions;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.ServiceAddress;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.Weights;
import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.GoDuration;

/**
 * The JSON shapes of the catalog and health endpoints, field for field as Consul's clients read them (order
 * follows Consul's output). Collections are never {@code null}: Java clients fail on null lists and maps.
 */
final class Views {

    private Views() {
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

        static Map<String, AddressJson> of(Map<String, ServiceAddress> addresses) {
            Map<String, AddressJson> result = new TreeMap<>();
            addresses.forEach((name, a) -> result.put(name, new AddressJson(a.address(), a.port())));
            return result;
        }
    }

    record WeightsJson(@JsonProperty("Passing") int passing, @JsonProperty("Warning") int warning) {

        static WeightsJson of(Weights w) {
            return new WeightsJson(w.passing(), w.warning());
        }
    }

    /** Consul's {@code AgentService}/{@code NodeService} as health entries and node listings show it. */
    record ServiceJson(@JsonProperty("Kind") @JsonInclude(JsonInclude.Include.NON_EMPTY) String kind,
            @JsonProperty("ID") String id, @JsonProperty("Service") String service,
            @JsonProperty("Tags") List<String> tags, @JsonProperty("Address") String address,
            @JsonProperty("TaggedAddresses") Map<String, AddressJson> taggedAddresses,
            @JsonProperty("Meta") Map<String, String> meta, @JsonProperty("Port") int port,
            @JsonProperty("Weights") WeightsJson weights,
            @JsonProperty("EnableTagOverride") boolean enableTagOverride,
            @JsonProperty("CreateIndex") long createIndex, @JsonProperty("ModifyIndex") long modifyIndex) {

        static ServiceJson of(NodeService s) {
            return new ServiceJson(s.kind(), s.id(), s.service(), s.tags(), s.address(),
                    AddressJson.of(s.taggedAddresses()), s.meta(), s.port(), WeightsJson.of(s.weights()),
                    s.enableTagOverride(), s.createIndex(), s.modifyIndex());
        }
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

    /** Consul's {@code HealthCheckDefinition}: like Consul, only the fields that are set. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record DefinitionJson(@JsonProperty("HTTP") String http, @JsonProperty("Header") Map<String, List<String>> header,
            @JsonProperty("Method") String method, @JsonProperty("Body") String body,
            @JsonProperty("TLSServerName") String tlsServerName,
            @JsonProperty("TLSSkipVerify") Boolean tlsSkipVerify, @JsonProperty("TCP") String tcp,
            @JsonProperty("UDP") String udp, @JsonProperty("GRPC") String grpc,
            @JsonProperty("GRPCUseTLS") Boolean grpcUseTls, @JsonProperty("OSService") String osService,
            @JsonProperty("Interval") String interval, @JsonProperty("Timeout") String timeout,
            @JsonProperty("DeregisterCriticalServiceAfter") String deregisterCriticalServiceAfter) {

        static DefinitionJson of(CheckDefinition d) {
            return new DefinitionJson(d.http(), d.header(), d.method(), d.body(), d.tlsServerName(),
                    d.tlsSkipVerify() ? Boolean.TRUE : null, d.tcp(), CheckDefinitions.udp(d), d.grpc(),
                    d.grpcUseTls() ? Boolean.TRUE : null, CheckDefinitions.osService(d), durationOrEmpty(d.interval()),
                    durationOrEmpty(d.timeout()), durationOrEmpty(d.deregisterCriticalServiceAfter()));
        }
    }

    record CheckJson(@JsonProperty("Node") String node, @JsonProperty("CheckID") String checkId,
            @JsonProperty("Name") String name, @JsonProperty("Status") String status,
            @JsonProperty("Notes") String notes, @JsonProperty("Output") String output,
            @JsonProperty("ServiceID") String serviceId, @JsonProperty("ServiceName") String serviceName,
            @JsonProperty("ServiceTags") List<String> serviceTags, @JsonProperty("Type") String type,
            @JsonProperty("Interval") String interval, @JsonProperty("Timeout") String timeout,
            @JsonProperty("ExposedPort") int exposedPort, @JsonProperty("Definition") DefinitionJson definition,
            @JsonProperty("CreateIndex") long createIndex, @JsonProperty("ModifyIndex") long modifyIndex) {

        static CheckJson of(HealthCheck c) {
            return new CheckJson(c.node(), c.checkId(), c.name(), c.status().text(), c.notes(), c.output(),
                    c.serviceId(), c.serviceName(), c.serviceTags(), c.type(),
                    durationOrEmpty(c.definition().interval()), durationOrEmpty(c.definition().timeout()), 0,
                    DefinitionJson.of(c.definition()), c.createIndex(), c.modifyIndex());
        }

        static List<CheckJson> of(List<HealthCheck> checks) {
            return checks.stream().map(CheckJson::of).toList();
        }
    }

    record ServiceEntryJson(@JsonProperty("Node") NodeJson node, @JsonProperty("Service") ServiceJson service,
            @JsonProperty("Checks") List<CheckJson> checks) {

        static ServiceEntryJson of(ServiceEntry e) {
            return new ServiceEntryJson(NodeJson.of(e.node()), ServiceJson.of(e.service()), CheckJson.of(e.checks()));
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

    private static String durationOrEmpty(Duration d) {
        return d.isZero() ? "" : GoDuration.format(d);
    }
}
