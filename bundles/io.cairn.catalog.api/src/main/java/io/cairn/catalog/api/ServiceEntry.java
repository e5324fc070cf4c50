package io.cairn.catalog.api;

import java.util.List;

import io.cairn.health.api.CheckStatus;

/**
 * One instance of a service with its node and every check that concerns it (Consul's {@code ServiceEntry}).
 *
 * @param node    the node the instance runs on
 * @param service the instance
 * @param checks  the node's own checks followed by the instance's checks, each in check ID order
 */
public record ServiceEntry(Node node, NodeService service, List<HealthCheck> checks) {

    public ServiceEntry {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** Whether every check is passing (true when there are none), the rule of {@code ?passing}. */
    public boolean passing() {
        return checks.stream().allMatch(c -> c.status() == CheckStatus.PASSING);
    }
}
