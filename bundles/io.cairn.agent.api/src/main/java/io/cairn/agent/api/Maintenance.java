package io.cairn.agent.api;

/**
 * The node or one service instance in maintenance mode.
 *
 * @param serviceId the instance in maintenance, or {@code ""} for the whole node
 * @param reason    the reason given when maintenance was enabled, or Consul's default text if none was
 */
public record Maintenance(String serviceId, String reason) {

    public Maintenance {
        serviceId = serviceId == null ? "" : serviceId;
        reason = reason == null ? "" : reason;
    }

    /** Whether this is the node's maintenance rather than a service instance's. */
    public boolean node() {
        return serviceId.isEmpty();
    }
}
