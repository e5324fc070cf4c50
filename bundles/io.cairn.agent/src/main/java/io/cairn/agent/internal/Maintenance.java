package io.cairn.agent.internal;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckStatus;

/** The critical checks that put a service or the node into maintenance, with the IDs and texts Consul uses. */
final class Maintenance {
    static final String NODE_CHECK_ID = "_node_maintenance";
    static final String SERVICE_CHECK_PREFIX = "_service_maintenance:";
    static final String TYPE = "maintenance";

    private Maintenance() {
    }

    static String serviceCheckId(String serviceId) {
        return SERVICE_CHECK_PREFIX + serviceId;
    }

    static LocalCheck serviceCheck(String serviceId, String reason) {
        String notes = reason.isEmpty()
                ? "Maintenance mode is enabled for this service, but no reason was provided. This is a default message."
                : reason;
        return check(serviceCheckId(serviceId), "Service Maintenance Mode", serviceId, notes);
    }

    static LocalCheck nodeCheck(String reason) {
        String notes = reason.isEmpty()
                ? "Maintenance mode is enabled for this node, but no reason was provided. This is a default message."
                : reason;
        return check(NODE_CHECK_ID, "Node Maintenance Mode", "", notes);
    }

    private static LocalCheck check(String id, String name, String serviceId, String notes) {
        CheckDefinition definition = CheckDefinition.builder().id(id).name(name).serviceId(serviceId).notes(notes)
                .status(CheckStatus.CRITICAL).build();
        return new LocalCheck(definition, TYPE, CheckStatus.CRITICAL, "", Origin.MAINTENANCE);
    }
}
