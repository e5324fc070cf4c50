package io.cairn.template.internal.data;

import java.util.List;
import java.util.Map;

/**
 * One health check of a service instance or of its node, as {@code .Checks} of a {@link HealthService} lists
 * them (Consul's {@code api.HealthCheck}; the Enterprise-only fields are left out). {@code Definition} keeps the
 * fields Consul returned.
 */
public record HealthCheck(String Node, String CheckID, String Name, String Status, String Notes, String Output,
        String ServiceID, String ServiceName, List<String> ServiceTags, String Type, long ExposedPort,
        Map<String, Object> Definition, long CreateIndex, long ModifyIndex) {
}
