package io.cairn.template.internal.data;

import java.util.AbstractList;
import java.util.List;

/**
 * The checks of a service instance, a list with Consul's {@code AggregatedStatus} method so that templates can
 * write {@code {{ .Checks.AggregatedStatus }}}.
 */
public final class HealthChecks extends AbstractList<HealthCheck> {

    private static final String NODE_MAINTENANCE = "_node_maintenance";
    private static final String SERVICE_MAINTENANCE_PREFIX = "_service_maintenance:";

    private final List<HealthCheck> checks;

    public HealthChecks(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public HealthCheck get(int index) {
        return checks.get(index);
    }

    @Override
    public int size() {
        return checks.size();
    }

    /**
     * The status of the instance as a whole: {@code maintenance} if a maintenance check is present, else the
     * worst of {@code critical}, {@code warning}, {@code passing} ({@code passing} when there are no checks),
     * or {@code ""} as soon as a check has a status outside those three (Consul's rule, clients depend on it).
     */
    public String AggregatedStatus() {
        boolean warning = false;
        boolean critical = false;
        boolean maintenance = false;
        for (HealthCheck check : checks) {
            String id = check.CheckID();
            if (NODE_MAINTENANCE.equals(id) || id.startsWith(SERVICE_MAINTENANCE_PREFIX)) {
                maintenance = true;
                continue;
            }
            switch (check.Status()) {
                case "passing" -> { }
                case "warning" -> warning = true;
                case "critical" -> critical = true;
                default -> {
                    return "";
                }
            }
        }
        if (maintenance) {
            return "maintenance";
        }
        return critical ? "critical" : warning ? "warning" : "passing";
    }
}
