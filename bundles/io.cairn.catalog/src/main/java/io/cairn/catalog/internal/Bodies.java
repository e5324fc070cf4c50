package io.cairn.catalog.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.cairn.catalog.api.CheckDefinition;
import io.cairn.catalog.api.Deregistration;
import io.cairn.catalog.api.HealthCheck;
import io.cairn.catalog.api.NodeService;
import io.cairn.catalog.api.Registration;
import io.cairn.catalog.api.ServiceAddress;
import io.cairn.catalog.api.Weights;
import io.cairn.health.api.CheckStatus;
import io.cairn.health.api.GoDuration;

/**
 * Request bodies of {@code /v1/catalog/register} and {@code /deregister}. The HTTP server matches names
 * case-insensitively and ignores unknown fields (python-consul sends {@code WriteRequest}); the snake_case
 * aliases are the ones Consul also accepts. Durations may be Go strings or nanosecond numbers.
 */
final class Bodies {

    private Bodies() {
    }

    /** A JSON duration (Go text or nanoseconds; absent is zero), failing with the field's name in the message. */
    static Duration duration(Object value, String field) {
        try {
            return GoDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid " + field + " duration '" + value
                    + "': use a number with a unit such as 10s, 1m30s or 500ms", e);
        }
    }

    record RegisterBody(@JsonProperty("ID") String id, @JsonProperty("Node") String node,
            @JsonProperty("Address") String address, @JsonProperty("Datacenter") String datacenter,
            @JsonProperty("TaggedAddresses") @JsonAlias("tagged_addresses") Map<String, String> taggedAddresses,
            @JsonProperty("NodeMeta") @JsonAlias("node_meta") Map<String, String> nodeMeta,
            @JsonProperty("Service") ServiceBody service, @JsonProperty("Check") CheckBody check,
            @JsonProperty("Checks") List<CheckBody> checks,
            @JsonProperty("SkipNodeUpdate") @JsonAlias("skip_node_update") boolean skipNodeUpdate) {

        /** The registration this body asks for; {@link IllegalArgumentException} for a bad check status. */
        Registration toRegistration() {
            List<HealthCheck> all = new ArrayList<>();
            if (check != null) {
                all.add(check.toCheck());
            }
            if (checks != null) {
                for (CheckBody c : checks) {
                    if (c != null) {
                        all.add(c.toCheck());
                    }
                }
            }
            return new Registration(id, node, address, taggedAddresses, nodeMeta,
                    service == null ? null : service.toService(), all, skipNodeUpdate);
        }
    }

    record AddressBody(@JsonProperty("Address") String address, @JsonProperty("Port") int port) {
    }

    record WeightsBody(@JsonProperty("Passing") int passing, @JsonProperty("Warning") int warning) {
    }

    record ServiceBody(@JsonProperty("Kind") String kind, @JsonProperty("ID") String id,
            @JsonProperty("Service") String service, @JsonProperty("Tags") List<String> tags,
            @JsonProperty("Address") String address,
            @JsonProperty("TaggedAddresses") @JsonAlias("tagged_addresses") Map<String, AddressBody> taggedAddresses,
            @JsonProperty("Meta") Map<String, String> meta, @JsonProperty("Port") int port,
            @JsonProperty("Weights") WeightsBody weights,
            @JsonProperty("EnableTagOverride") @JsonAlias("enable_tag_override") boolean enableTagOverride) {

        NodeService toService() {
            Map<String, ServiceAddress> addresses = new TreeMap<>();
            if (taggedAddresses != null) {
                taggedAddresses.forEach((name, a) -> addresses.put(name,
                        a == null ? new ServiceAddress("", 0) : new ServiceAddress(a.address(), a.port())));
            }
            Weights w = weights == null ? Weights.DEFAULT : new Weights(weights.passing(), weights.warning());
            return new NodeService(kind, id, service, tags, address, addresses, meta, port, w, enableTagOverride,
                    0, 0);
        }
    }

    record CheckBody(@JsonProperty("Node") String node, @JsonProperty("CheckID") @JsonAlias("check_id") String checkId,
            @JsonProperty("Name") String name, @JsonProperty("Status") String status,
            @JsonProperty("Notes") String notes, @JsonProperty("Output") String output,
            @JsonProperty("ServiceID") @JsonAlias("service_id") String serviceId,
            @JsonProperty("Type") String type, @JsonProperty("Definition") DefinitionBody definition) {

        HealthCheck toCheck() {
            CheckStatus parsed = null;
            if (status != null && !status.isEmpty()) {
                parsed = CheckStatus.parse(status).orElseThrow(() -> new IllegalArgumentException("Bad check status"));
            }
            return new HealthCheck(node, checkId, name, parsed, notes, output, serviceId, null, null, type,
                    definition == null ? null : definition.toDefinition(), 0, 0);
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

        CheckDefinition toDefinition() {
            return new CheckDefinition(http, header, method, body, tlsServerName, tlsSkipVerify, tcp, udp, grpc,
                    grpcUseTls, osService, duration(interval, "Interval"), duration(timeout, "Timeout"),
                    duration(deregisterCriticalServiceAfter, "DeregisterCriticalServiceAfter"));
        }
    }

    record DeregisterBody(@JsonProperty("Node") String node, @JsonProperty("Datacenter") String datacenter,
            @JsonProperty("ServiceID") @JsonAlias("service_id") String serviceId,
            @JsonProperty("CheckID") @JsonAlias("check_id") String checkId) {

        Deregistration toDeregistration() {
            return new Deregistration(node, serviceId, checkId);
        }
    }
}
