package io.cairn.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.catalog.api.CheckDefinitions;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.api.ServiceAddress;
import io.cairn.catalog.api.Weights;
import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckStatus;

/**
 * Request bodies of {@code /v1/catalog/register} and {@code /deregister}. The HTTP server matches names
 * case-insensitively and ignores unknown fields (python-consul sends {@code WriteRequest}); the snake_case
 * aliases are the ones Consul also accepts. Durations may be Go strings or nanosecond numbers. Number and duration
 * fields are read by {@link GoFields}, as strictly as Consul's Go structs read them; the conversions take the
 * Go path of the part they convert, for its error texts.
 */
final class Bodies {

    private Bodies() {
    }

    record RegisterBody(@JsonProperty("ID") String id, @JsonProperty("Node") String node,
            @JsonProperty("Address") String address, @JsonProperty("Datacenter") String datacenter,
            @JsonProperty("TaggedAddresses") @JsonAlias("tagged_addresses") Map<String, String> taggedAddresses,
            @JsonProperty("NodeMeta") @JsonAlias("node_meta") Map<String, String> nodeMeta,
            @JsonProperty("Service") ServiceBody service, @JsonProperty("Check") CheckBody check,
            @JsonProperty("Checks") List<CheckBody> checks,
            @JsonProperty("SkipNodeUpdate") @JsonAlias("skip_node_update") boolean skipNodeUpdate) {

        /** Go's name of the request type, which its decoding errors start the field paths with. */
        static final String GO_TYPE = "RegisterRequest";

        /** The body with nothing set, which a JSON {@code null} decodes to in Go. */
        static final RegisterBody EMPTY = new RegisterBody(null, null, null, null, null, null, null, null, null,
                false);

        /**
         * The registration this body asks for; {@link IllegalArgumentException} for a bad check status, a bad
         * number or duration ({@link GoFields.DecodeError} for one Go's decoder refuses).
         */
        Registration toRegistration() {
            List<HealthCheck> all = new ArrayList<>();
            if (check != null) {
                all.add(check.toCheck(GO_TYPE + ".Check"));
            }
            if (checks != null) {
                for (CheckBody c : checks) {
                    if (c != null) {
                        all.add(c.toCheck(GO_TYPE + ".Checks"));
                    }
                }
            }
            return new Registration(id, node, address, taggedAddresses, nodeMeta,
                    service == null ? null : service.toService(GO_TYPE + ".Service"), all, skipNodeUpdate);
        }
    }

    record AddressBody(@JsonProperty("Address") String address, @JsonProperty("Port") Object port) {
    }

    record WeightsBody(@JsonProperty("Passing") Object passing, @JsonProperty("Warning") Object warning) {
    }

    record ServiceBody(@JsonProperty("Kind") String kind, @JsonProperty("ID") String id,
            @JsonProperty("Service") String service, @JsonProperty("Tags") List<String> tags,
            @JsonProperty("Address") String address,
            @JsonProperty("TaggedAddresses") @JsonAlias("tagged_addresses") Map<String, AddressBody> taggedAddresses,
            @JsonProperty("Meta") Map<String, String> meta, @JsonProperty("Port") Object port,
            @JsonProperty("Weights") WeightsBody weights,
            @JsonProperty("EnableTagOverride") @JsonAlias("enable_tag_override") boolean enableTagOverride) {

        /** The instance this body describes; {@code path}: its Go path, e.g. {@code RegisterRequest.Service}. */
        NodeService toService(String path) {
            Map<String, ServiceAddress> addresses = new TreeMap<>();
            if (taggedAddresses != null) {
                taggedAddresses.forEach((name, a) -> addresses.put(name, a == null ? new ServiceAddress("", 0)
                        : new ServiceAddress(a.address(), GoFields.port(a.port(), path + ".TaggedAddresses.Port"))));
            }
            Weights w = weights == null ? Weights.DEFAULT
                    : new Weights(GoFields.weight(weights.passing(), path + ".Weights.Passing"),
                            GoFields.weight(weights.warning(), path + ".Weights.Warning"));
            return new NodeService(kind, id, service, tags, address, addresses, meta,
                    GoFields.port(port, path + ".Port"), w, enableTagOverride, 0, 0);
        }
    }

    record CheckBody(@JsonProperty("Node") String node, @JsonProperty("CheckID") @JsonAlias("check_id") String checkId,
            @JsonProperty("Name") String name, @JsonProperty("Status") String status,
            @JsonProperty("Notes") String notes, @JsonProperty("Output") String output,
            @JsonProperty("ServiceID") @JsonAlias("service_id") String serviceId,
            @JsonProperty("Type") String type, @JsonProperty("Definition") DefinitionBody definition) {

        /** The check this body describes; {@code path}: this part's Go path, e.g. {@code RegisterRequest.Check}. */
        HealthCheck toCheck(String path) {
            CheckStatus parsed = null;
            if (status != null && !status.isEmpty()) {
                parsed = CheckStatus.parse(status).orElseThrow(() -> new IllegalArgumentException("Bad check status"));
            }
            return new HealthCheck(node, checkId, name, parsed, notes, output, serviceId, null, null, type,
                    definition == null ? null : definition.toDefinition(path + ".Definition"), 0, 0);
        }
    }

    record DefinitionBody(@JsonProperty("HTTP") String http, @JsonProperty("Header") Map<String, List<String>> header,
            @JsonProperty("Method") String method, @JsonProperty("Body") String body,
            @JsonProperty("TLSServerName") @JsonAlias("tls_server_name") String tlsServerName,
            @JsonProperty("TLSSkipVerify") @JsonAlias("tls_skip_verify") boolean tlsSkipVerify,
            @JsonProperty("TCP") String tcp, @JsonProperty("UDP") String udp, @JsonProperty("GRPC") String grpc,
            @JsonProperty("GRPCUseTLS") @JsonAlias("grpc_use_tls") boolean grpcUseTls,
            @JsonProperty("OSService") @JsonAlias("os_service") String osService,
            @JsonProperty("Interval") Object interval, @JsonProperty("Timeout") Object timeout,
            @JsonProperty("DeregisterCriticalServiceAfter") @JsonAlias("deregister_critical_service_after")
            Object deregisterCriticalServiceAfter) {

        CheckDefinition toDefinition(String path) {
            return CheckDefinitions.of(http, header, method, body, tlsServerName, tlsSkipVerify, tcp, udp, grpc,
                    grpcUseTls, osService, GoFields.duration(interval, path + ".Interval"),
                    GoFields.duration(timeout, path + ".Timeout"),
                    GoFields.duration(deregisterCriticalServiceAfter, path + ".DeregisterCriticalServiceAfter"));
        }
    }

    record DeregisterBody(@JsonProperty("Node") String node, @JsonProperty("Datacenter") String datacenter,
            @JsonProperty("ServiceID") @JsonAlias("service_id") String serviceId,
            @JsonProperty("CheckID") @JsonAlias("check_id") String checkId) {

        /** The body with nothing set, which a JSON {@code null} decodes to in Go. */
        static final DeregisterBody EMPTY = new DeregisterBody(null, null, null, null);

        Deregistration toDeregistration() {
            return new Deregistration(node, serviceId, checkId);
        }
    }
}
