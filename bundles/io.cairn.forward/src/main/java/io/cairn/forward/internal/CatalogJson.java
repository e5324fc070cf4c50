package io.cairn.forward.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cairn.catalog.api.CheckDefinitions;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.Node;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.NodeServices;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.api.ServiceAddress;
import io.cairn.catalog.api.ServiceEntry;
import io.cairn.catalog.api.Weights;
import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckStatus;
import io.cairn.health.api.GoDuration;

/**
 * The catalog's records in the JSON of Consul's {@code /v1/catalog} and {@code /v1/health} endpoints, field for
 * field: decoded from the servers' answers, and encoded into register and deregister bodies. Fields the catalog
 * API has no place for are ignored; absent ones take the API's defaults.
 */
final class CatalogJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private CatalogJson() {
    }

    static List<Node> nodes(byte[] json) {
        return required(read(json, new TypeReference<List<NodeJson>>() { })).stream()
                .map(NodeJson::toNode).toList();
    }

    /** Service name to its tags, as {@code /v1/catalog/services} lists them. */
    static Map<String, List<String>> services(byte[] json) {
        Map<String, List<String>> services = required(
                read(json, new TypeReference<Map<String, List<String>>>() { }));
        Map<String, List<String>> result = new TreeMap<>();
        services.forEach((name, tags) -> result.put(name, tags == null ? List.of() : List.copyOf(tags)));
        return result;
    }

    static List<ServiceEntry> serviceEntries(byte[] json) {
        return required(read(json, new TypeReference<List<EntryJson>>() { })).stream()
                .map(EntryJson::toEntry).toList();
    }

    /** {@code /v1/catalog/node/:node}: a node with its instances keyed by ID, or {@code null} for none. */
    static Optional<NodeServices> nodeServices(byte[] json) {
        NodeInfoJson info = read(json, new TypeReference<NodeInfoJson>() { });
        if (info == null || info.node() == null) {
            return Optional.empty();
        }
        List<NodeService> services = new ArrayList<>();
        if (info.services() != null) {
            info.services().values().forEach(s -> services.add(s.toService()));
        }
        services.sort(Comparator.comparing(NodeService::id));
        return Optional.of(new NodeServices(info.node().toNode(), services));
    }

    static List<HealthCheck> checks(byte[] json) {
        return required(read(json, new TypeReference<List<CheckJson>>() { })).stream()
                .map(CheckJson::toCheck).toList();
    }

    /** The body of {@code PUT /v1/catalog/register}. */
    static byte[] register(Registration r) {
        return write(new RegisterJson(r.id(), r.node(), r.address(), r.taggedAddresses(), r.nodeMeta(),
                r.service() == null ? null : ServiceJson.of(r.service()),
                r.checks().stream().map(CheckJson::of).toList(), r.skipNodeUpdate()));
    }

    /** The body of {@code PUT /v1/catalog/deregister}. */
    static byte[] deregister(Deregistration d) {
        return write(new DeregisterJson(d.node(), emptyToNull(d.serviceId()), emptyToNull(d.checkId())));
    }

    /** The value {@code json} holds; {@code null} for a JSON {@code null}. */
    private static <T> T read(byte[] json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new IllegalStateException("A server's answer is not the catalog JSON expected: " + why, e);
        }
    }

    /** {@code value}, which a server sent where a list or map belongs, unless it sent {@code null}. */
    private static <T> T required(T value) {
        if (value == null) {
            throw new IllegalStateException("A server answered null where a list or map belongs");
        }
        return value;
    }

    private static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode a catalog request: " + e.getOriginalMessage(), e);
        }
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    record NodeJson(@JsonProperty("ID") String id, @JsonProperty("Node") String node,
            @JsonProperty("Address") String address, @JsonProperty("Datacenter") String datacenter,
            @JsonProperty("TaggedAddresses") Map<String, String> taggedAddresses,
            @JsonProperty("Meta") Map<String, String> meta, @JsonProperty("CreateIndex") long createIndex,
            @JsonProperty("ModifyIndex") long modifyIndex) {

        Node toNode() {
            return new Node(id, node, address, datacenter, taggedAddresses, meta, createIndex, modifyIndex);
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
            Map<String, AddressJson> addresses = new TreeMap<>();
            s.taggedAddresses().forEach((name, a) -> addresses.put(name, new AddressJson(a.address(), a.port())));
            return new ServiceJson(s.kind(), s.id(), s.service(), s.tags(), s.address(), addresses, s.meta(),
                    s.port(), new WeightsJson(s.weights().passing(), s.weights().warning()), s.enableTagOverride(),
                    s.createIndex(), s.modifyIndex());
        }

        NodeService toService() {
            Map<String, ServiceAddress> addresses = new TreeMap<>();
            if (taggedAddresses != null) {
                taggedAddresses.forEach((name, a) -> addresses.put(name,
                        a == null ? new ServiceAddress("", 0) : new ServiceAddress(a.address(), a.port())));
            }
            return new NodeService(kind, id, service, tags, address, addresses, meta, port,
                    weights == null ? null : new Weights(weights.passing(), weights.warning()), enableTagOverride,
                    createIndex, modifyIndex);
        }
    }

    /** Consul's {@code HealthCheckDefinition}: only the fields that are set, durations as Go writes them. */
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
                    d.grpcUseTls() ? Boolean.TRUE : null, CheckDefinitions.osService(d), duration(d.interval()),
                    duration(d.timeout()), duration(d.deregisterCriticalServiceAfter()));
        }

        CheckDefinition toDefinition() {
            return CheckDefinitions.of(http, header, method, body, tlsServerName, Boolean.TRUE.equals(tlsSkipVerify),
                    tcp, udp, grpc, Boolean.TRUE.equals(grpcUseTls), osService, GoDuration.parse(interval),
                    GoDuration.parse(timeout), GoDuration.parse(deregisterCriticalServiceAfter));
        }

        private static String duration(Duration d) {
            return d.isZero() ? null : GoDuration.format(d);
        }
    }

    record CheckJson(@JsonProperty("Node") String node, @JsonProperty("CheckID") String checkId,
            @JsonProperty("Name") String name, @JsonProperty("Status") String status,
            @JsonProperty("Notes") String notes, @JsonProperty("Output") String output,
            @JsonProperty("ServiceID") String serviceId, @JsonProperty("ServiceName") String serviceName,
            @JsonProperty("ServiceTags") List<String> serviceTags, @JsonProperty("Type") String type,
            @JsonProperty("Definition") DefinitionJson definition, @JsonProperty("CreateIndex") long createIndex,
            @JsonProperty("ModifyIndex") long modifyIndex) {

        /** A check to register: without a status the catalog makes it critical, as Consul does. */
        static CheckJson of(HealthCheck c) {
            return new CheckJson(c.node(), c.checkId(), c.name(), c.status() == null ? null : c.status().text(),
                    c.notes(), c.output(), c.serviceId(), c.serviceName(), c.serviceTags(), c.type(),
                    DefinitionJson.of(c.definition()), 0, 0);
        }

        HealthCheck toCheck() {
            CheckStatus parsed = CheckStatus.parse(status).orElseThrow(() -> new IllegalStateException(
                    "A server answered a check " + checkId + " on " + node + " with the status '" + status
                            + "', which is none of passing, warning and critical"));
            return new HealthCheck(node, checkId, name, parsed, notes, output, serviceId, serviceName, serviceTags,
                    type, definition == null ? null : definition.toDefinition(), createIndex, modifyIndex);
        }
    }

    record EntryJson(@JsonProperty("Node") NodeJson node, @JsonProperty("Service") ServiceJson service,
            @JsonProperty("Checks") List<CheckJson> checks) {

        ServiceEntry toEntry() {
            if (node == null || service == null) {
                throw new IllegalStateException("A server answered a service entry without its node or service");
            }
            return new ServiceEntry(node.toNode(), service.toService(),
                    checks == null ? List.of() : checks.stream().map(CheckJson::toCheck).toList());
        }
    }

    record NodeInfoJson(@JsonProperty("Node") NodeJson node,
            @JsonProperty("Services") Map<String, ServiceJson> services) {
    }

    record RegisterJson(@JsonProperty("ID") String id, @JsonProperty("Node") String node,
            @JsonProperty("Address") String address,
            @JsonProperty("TaggedAddresses") Map<String, String> taggedAddresses,
            @JsonProperty("NodeMeta") Map<String, String> nodeMeta, @JsonProperty("Service") ServiceJson service,
            @JsonProperty("Checks") List<CheckJson> checks,
            @JsonProperty("SkipNodeUpdate") boolean skipNodeUpdate) {
    }

    record DeregisterJson(@JsonProperty("Node") String node, @JsonProperty("ServiceID") String serviceId,
            @JsonProperty("CheckID") String checkId) {
    }
}
