package io.cairn.catalog.api;

import java.util.List;

import io.cairn.health.api.CheckDefinition;
import io.cairn.health.api.CheckStatus;

/**
 * A health check of a node ({@code serviceId} empty) or of one service instance on it (Consul's
 * {@code HealthCheck}).
 *
 * @param node        the node the check belongs to
 * @param checkId     the check's ID, unique on its node
 * @param name        the human-readable name
 * @param status      the current state; {@code null} in a {@link Registration} means {@link CheckStatus#CRITICAL}
 * @param notes       free text about the check
 * @param output      what the last run printed
 * @param serviceId   the instance it watches, {@code ""} for a node-level check
 * @param serviceName that instance's service name (filled in by the catalog)
 * @param serviceTags that instance's tags (filled in by the catalog)
 * @param type        the check kind ({@code http}, {@code tcp}, {@code ttl}, ...), {@code ""} if unknown
 * @param definition  how it is run, as the catalog records it: {@link CheckDefinitions#recorded(CheckDefinition)}
 *                    of the definition given ({@code null}: nothing set)
 * @param createIndex Raft index that created the check (ignored in a {@link Registration})
 * @param modifyIndex Raft index that last changed it (ignored in a {@link Registration})
 */
public record HealthCheck(String node, String checkId, String name, CheckStatus status, String notes,
        String output, String serviceId, String serviceName, List<String> serviceTags, String type,
        CheckDefinition definition, long createIndex, long modifyIndex) {

    public HealthCheck {
        node = Values.text(node);
        checkId = Values.text(checkId);
        name = Values.text(name);
        notes = Values.text(notes);
        output = Values.text(output);
        serviceId = Values.text(serviceId);
        serviceName = Values.text(serviceName);
        serviceTags = Values.list(serviceTags);
        type = Values.text(type);
        definition = CheckDefinitions.recorded(definition);
    }
}
