package io.cairn.template.internal.data;

import java.util.List;
import java.util.Map;

/**
 * One instance of a service with its health, what {@code service} returns (consul-template's
 * {@code dependency.HealthService}, with its field names and order). {@code Address} is the service address,
 * or the node's when the service has none; {@code Tags} are sorted; {@code Status} is
 * {@link HealthChecks#AggregatedStatus()} of {@code Checks}.
 */
public record HealthService(String Node, String NodeID, String NodeAddress, Map<String, String> NodeTaggedAddresses,
        Map<String, String> NodeMeta, Map<String, String> ServiceMeta, String Address,
        Map<String, ServiceAddress> ServiceTaggedAddresses, String ID, String Name, List<String> Tags,
        HealthChecks Checks, String Status, long Port, AgentWeights Weights) {
}
