package io.cairn.agent.definitions;

import java.util.ArrayList;
import java.util.List;

import io.cairn.health.api.CheckDefinition;

/**
 * The services and node-level checks of one or more config files, in file order.
 *
 * @param services the services ({@code service} and {@code services} keys)
 * @param checks   the checks outside any service ({@code check} and {@code checks} keys)
 */
public record Definitions(List<ServiceDefinition> services, List<CheckDefinition> checks) {

    /** No definitions. */
    public static final Definitions NONE = new Definitions(List.of(), List.of());

    public Definitions {
        services = List.copyOf(services);
        checks = List.copyOf(checks);
    }

    /** These definitions followed by {@code later}'s. */
    public Definitions plus(Definitions later) {
        List<ServiceDefinition> allServices = new ArrayList<>(services);
        allServices.addAll(later.services);
        List<CheckDefinition> allChecks = new ArrayList<>(checks);
        allChecks.addAll(later.checks);
        return new Definitions(allServices, allChecks);
    }
}
