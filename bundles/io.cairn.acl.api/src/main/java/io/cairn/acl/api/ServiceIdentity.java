package io.cairn.acl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A grant of everything needed to act as one service (Consul's {@code ACLServiceIdentity}): it expands to
 * {@code service:write} on the service and its {@code -sidecar-proxy}, and {@code service_prefix ""} and
 * {@code node_prefix ""} read.
 *
 * @param serviceName the service's name
 * @param datacenters where the grant applies; empty for every datacenter
 */
public record ServiceIdentity(@JsonProperty("ServiceName") String serviceName,
        @JsonProperty("Datacenters") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> datacenters) {

    public ServiceIdentity {
        serviceName = serviceName == null ? "" : serviceName;
        datacenters = datacenters == null ? List.of() : List.copyOf(datacenters);
    }

    /** Whether the grant applies in {@code datacenter}. */
    public boolean appliesIn(String datacenter) {
        return datacenters.isEmpty() || datacenters.contains(datacenter);
    }
}
