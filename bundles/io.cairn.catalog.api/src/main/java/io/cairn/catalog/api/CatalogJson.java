package io.cairn.catalog.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.GoDuration;

/**
 * The JSON shapes of the catalog's values, field for field as Consul's clients read them from {@code /v1/catalog}
 * and {@code /v1/health} (order follows Consul's output), serialised by Jackson. Shared by the catalog's endpoints
 * and every other endpoint that answers with the same shapes: a prepared query's execution lists its instances as
 * {@code /v1/health/service} does ({@link ServiceEntryJson}). Collections are never {@code null}: Java clients fail
 * on null lists and maps.
 */
public final class CatalogJson {

    private CatalogJson() {
    }

    /** Consul's {@code Node}. */
    public record NodeJson(@JsonProperty("ID") String id, @JsonProperty("Node") String node,
            @JsonProperty("Address") String address, @JsonProperty("Datacenter") String datacenter,
            @JsonProperty("TaggedAddresses") Map<String, String> taggedAddresses,
            @JsonProperty("Meta") Map<String, String> meta, @JsonProperty("CreateIndex") long createIndex,
            @JsonProperty("ModifyIndex") long modifyIndex) {

        public static NodeJson of(Node n) {
            return new NodeJson(n.id(), n.node(), n.address(), n.datacenter(), n.taggedAddresses(), n.meta(),
                    n.createIndex(), n.modifyIndex());
        }
    }

    /** Consul's {@code ServiceAddress}: one of an instance's tagged addresses. */
    public record AddressJson(@JsonProperty("Address") String address, @JsonProperty("Port") int port) {

        /** Every tagged address, by tag in key order. */
        public static Map<String, AddressJson> of(Map<String, ServiceAddress> addresses) {
            Map<String, AddressJson> result = new TreeMap<>();
            addresses.forEach((name, a) -> result.put(name, new AddressJson(a.address(), a.port())));
            return result;
        }
    }

    /** Consul's {@code Weights}. */
    public record WeightsJson(@JsonProperty("Passing") int passing, @JsonProperty("Warning") int warning) {

        public static WeightsJson of(Weights w) {
            return new WeightsJson(w.passing(), w.warning());
        }
    }

    /** Consul's {@code AgentService}/{@code NodeService} as health entries and node listings show it. */
    public record ServiceJson(@JsonProperty("Kind") @JsonInclude(JsonInclude.Include.NON_EMPTY) String kind,
            @JsonProperty("ID") String id, @JsonProperty("Service") String service,
            @JsonProperty("Tags") List<String> tags, @JsonProperty("Address") String address,
            @JsonProperty("TaggedAddresses") Map<String, AddressJson> taggedAddresses,
            @JsonProperty("Meta") Map<String, String> meta, @JsonProperty("Port") int port,
            @JsonProperty("Weights") WeightsJson weights,
            @JsonProperty("EnableTagOverride") boolean enableTagOverride,
            @JsonProperty("CreateIndex") long createIndex, @JsonProperty("ModifyIndex") long modifyIndex) {

        public static ServiceJson of(NodeService s) {
            return new ServiceJson(s.kind(), s.id(), s.service(), s.tags(), s.address(),
                    AddressJson.of(s.taggedAddresses()), s.meta(), s.port(), WeightsJson.of(s.weights()),
                    s.enableTagOverride(), s.createIndex(), s.modifyIndex());
        }
    }

    /** Consul's {@code HealthCheckDefinition}: like Consul, only the fields that are set. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record DefinitionJson(@JsonProperty("HTTP") String http,
            @JsonProperty("Header") Map<String, List<String>> header,
            @JsonProperty("Method") String method, @JsonProperty("Body") String body,
            @JsonProperty("TLSServerName") String tlsServerName,
            @JsonProperty("TLSSkipVerify") Boolean tlsSkipVerify, @JsonProperty("TCP") String tcp,
            @JsonProperty("UDP") String udp, @JsonProperty("GRPC") String grpc,
            @JsonProperty("GRPCUseTLS") Boolean grpcUseTls, @JsonProperty("OSService") String osService,
            @JsonProperty("Interval") String interval, @JsonProperty("Timeout") String timeout,
            @JsonProperty("DeregisterCriticalServiceAfter") String deregisterCriticalServiceAfter) {

        public static DefinitionJson of(CheckDefinition d) {
            return new DefinitionJson(d.http(), d.header(), d.method(), d.body(), d.tlsServerName(),
                    d.tlsSkipVerify() ? Boolean.TRUE : null, d.tcp(), CheckDefinitions.udp(d), d.grpc(),
                    d.grpcUseTls() ? Boolean.TRUE : null, CheckDefinitions.osService(d), durationOrEmpty(d.interval()),
                    durationOrEmpty(d.timeout()), durationOrEmpty(d.deregisterCriticalServiceAfter()));
        }
    }

    /** Consul's {@code HealthCheck}. */
    public record CheckJson(@JsonProperty("Node") String node, @JsonProperty("CheckID") String checkId,
            @JsonProperty("Name") String name, @JsonProperty("Status") String status,
            @JsonProperty("Notes") String notes, @JsonProperty("Output") String output,
            @JsonProperty("ServiceID") String serviceId, @JsonProperty("ServiceName") String serviceName,
            @JsonProperty("ServiceTags") List<String> serviceTags, @JsonProperty("Type") String type,
            @JsonProperty("Interval") String interval, @JsonProperty("Timeout") String timeout,
            @JsonProperty("ExposedPort") int exposedPort, @JsonProperty("Definition") DefinitionJson definition,
            @JsonProperty("CreateIndex") long createIndex, @JsonProperty("ModifyIndex") long modifyIndex) {

        public static CheckJson of(HealthCheck c) {
            return new CheckJson(c.node(), c.checkId(), c.name(), c.status().text(), c.notes(), c.output(),
                    c.serviceId(), c.serviceName(), c.serviceTags(), c.type(),
                    durationOrEmpty(c.definition().interval()), durationOrEmpty(c.definition().timeout()), 0,
                    DefinitionJson.of(c.definition()), c.createIndex(), c.modifyIndex());
        }

        public static List<CheckJson> of(List<HealthCheck> checks) {
            return checks.stream().map(CheckJson::of).toList();
        }
    }

    /** Consul's {@code CheckServiceNode}, an element of {@code /v1/health/service}: node, instance and checks. */
    public record ServiceEntryJson(@JsonProperty("Node") NodeJson node, @JsonProperty("Service") ServiceJson service,
            @JsonProperty("Checks") List<CheckJson> checks) {

        public static ServiceEntryJson of(ServiceEntry e) {
            return new ServiceEntryJson(NodeJson.of(e.node()), ServiceJson.of(e.service()), CheckJson.of(e.checks()));
        }
    }

    private static String durationOrEmpty(Duration d) {
        return d.isZero() ? "" : GoDuration.format(d);
    }
}
